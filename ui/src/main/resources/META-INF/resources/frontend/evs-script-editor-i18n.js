// The form-js editor (agent scripts) in the analyst's language. form-js 1.19 has no translate service: its texts are
// literals in its preact components and in the field types' configs (docs/agent-scripts.md, "Translation"). Two
// pieces, both keyed on the exact English texts of evs-script-editor-fr.js:
//  1. an additional module of the editor (its extension point) registering every field type again with a translated
//     config: the palette's entries, the panel's header and the label a newly dropped field gets (its schema);
//  2. a preact `options.vnode` hook (preact's documented extension point) scoped to the editor's own trees: when the
//     editor's root (`div.fjs-editor-container`) or its properties panel's root (`div.fjs-properties-panel`) is
//     created, the components under it are wrapped so that what each one renders has its texts translated (text
//     children, title, placeholder, aria-label; a component's label, description, tooltip), down to the form's
//     fields themselves, which are the analyst's content and stay as written. The agent's viewer and the flow editor (other roots) are never touched.
import { options, Fragment } from 'preact';
import { FR, FR_PATTERNS } from './evs-script-editor-fr.js';

const TABLES = { fr: { texts: FR, patterns: FR_PATTERNS.map(([re, to]) => [new RegExp(re), to]) } };

/** The translation of an English text of the editor, or the text itself (English, unknown, the analyst's own). */
export function translateText(table, text) {
  if (!table || typeof text !== 'string') {
    return text;
  }
  const trimmed = text.trim();
  if (!trimmed) {
    return text;
  }
  const direct = table.texts[trimmed];
  if (direct !== undefined) {
    return trimmed === text ? direct : text.replace(trimmed, direct);
  }
  for (const [re, to] of table.patterns) {
    const m = trimmed.match(re);
    if (m) {
      const out = to.replace(/\{(\d)\}/g, (all, i) => translateText(table, m[Number(i) + 1] ?? ''));
      return trimmed === text ? out : text.replace(trimmed, out);
    }
  }
  return text;
}

export function tableFor(lang) {
  return TABLES[lang] || null;
}

// --- 1. the field types -------------------------------------------------------------------------------------------

// the defaults a field's create() writes into the schema (a dropped field's label, a select's first option...)
const DEFAULT_TEXT_PATHS = ['label', 'dateLabel', 'timeLabel', 'text'];

function translateDefaults(table, created, given) {
  if (!created || typeof created !== 'object') {
    return created;
  }
  const out = { ...created };
  for (const p of DEFAULT_TEXT_PATHS) {
    if (typeof out[p] === 'string' && !(given && p in given)) {
      out[p] = translateText(table, out[p]);
    }
  }
  for (const list of ['values', 'columns']) {
    if (Array.isArray(out[list]) && !(given && list in given)) {
      out[list] = out[list].map((o) => (o && typeof o.label === 'string' ? { ...o, label: translateText(table, o.label) } : o));
    }
  }
  return out;
}

/** The field renderers: the analyst's own content, never translated (the vnode walk stops there). */
const FIELD_RENDERERS = new WeakSet();

function translatedField(table, field) {
  const config = field.config || {};
  const Field = function (props, context) {
    return field.call(this, props, context);
  };
  Object.assign(Field, field);
  Field.config = {
    ...config,
    ...(config.name ? { name: translateText(table, config.name) } : {}),
    ...(config.label ? { label: translateText(table, config.label) } : {}),
    ...(typeof config.create === 'function'
      ? { create: (given, ...rest) => translateDefaults(table, config.create(given, ...rest), given) }
      : {}),
  };
  FIELD_RENDERERS.add(field);
  FIELD_RENDERERS.add(Field);
  return Field;
}

/** The editor's additional module: the field types with the analyst's language's names and defaults. */
export function formEditorI18nModule(lang) {
  const table = tableFor(lang);
  function EvsFieldTexts(formFields) {
    // the registry the palette reads too (form-js's collectPaletteEntries walks formFields._formFields)
    for (const [type, field] of Object.entries(formFields._formFields || {})) {
      if (table) {
        formFields.register(type, translatedField(table, field));
      } else {
        FIELD_RENDERERS.add(field);
      }
    }
    activeTable = table;
  }
  EvsFieldTexts.$inject = ['formFields'];
  return { __init__: ['evsFieldTexts'], evsFieldTexts: ['type', EvsFieldTexts] };
}

// --- 2. the rendered texts ----------------------------------------------------------------------------------------

let activeTable = null;
const WRAPPED = new WeakMap();
const WRAPPERS = new WeakSet();
const CONTEXT_VALUES = new WeakMap();
const ROOT = /(^|\s)fjs-(editor-container|properties-panel)(\s|$)/;
const HOST_TEXT_PROPS = ['title', 'placeholder', 'aria-label', 'alt', 'label'];
// texts given to a component that may write them into the page itself (the FEEL editor's aria-label is set on its
// CodeMirror by hand), so they are translated before it gets them
const COMPONENT_TEXT_PROPS = ['label', 'description', 'tooltip', 'placeholder', 'title'];

function isVNode(v) {
  return v !== null && typeof v === 'object' && 'type' in v && 'props' in v && v.constructor === undefined;
}

function wrapType(type) {
  if (typeof type !== 'function' || WRAPPERS.has(type) || FIELD_RENDERERS.has(type) || type === Fragment
      || (type.prototype && typeof type.prototype.render === 'function') || typeof type.Consumer === 'function') {
    return type;
  }
  let wrapped = WRAPPED.get(type);
  if (!wrapped) {
    wrapped = function (props, context) {
      return walk(type.call(this, props, context));
    };
    Object.assign(wrapped, type);
    WRAPPED.set(type, wrapped);
    WRAPPERS.add(wrapped);
  }
  return wrapped;
}

// the editor's render context (Element, Empty, Row, Column, Children: the canvas around the analyst's fields)
function renderContextValue(value) {
  let wrapped = CONTEXT_VALUES.get(value);
  if (!wrapped) {
    wrapped = { ...value };
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'function') {
        wrapped[k] = wrapType(v);
      }
    }
    CONTEXT_VALUES.set(value, wrapped);
  }
  return wrapped;
}

function walkChildren(children) {
  if (typeof children === 'string') {
    return translateText(activeTable, children);
  }
  if (Array.isArray(children)) {
    for (let i = 0; i < children.length; i++) {
      children[i] = walkChildren(children[i]);
    }
    return children;
  }
  return walk(children);
}

/** Translates a rendered tree in place (host texts) and wraps its components; returns it. */
function walk(node) {
  if (!activeTable || !isVNode(node)) {
    return Array.isArray(node) ? walkChildren(node) : node;
  }
  const props = node.props;
  if (typeof node.type === 'string') {
    for (const p of HOST_TEXT_PROPS) {
      if (typeof props[p] === 'string') {
        props[p] = translateText(activeTable, props[p]);
      }
    }
  } else {
    if (FIELD_RENDERERS.has(node.type)) {
      return node;
    }
    for (const p of COMPONENT_TEXT_PROPS) {
      if (typeof props[p] === 'string') {
        props[p] = translateText(activeTable, props[p]);
      }
    }
    node.type = wrapType(node.type);
    const value = props.value;
    if (typeof node.type === 'function' && typeof node.type.Consumer === 'function' && value && typeof value === 'object'
        && typeof value.Element === 'function' && typeof value.Empty === 'function') {
      props.value = renderContextValue(value);
    }
    // vnodes given as other props (a portal's content, a header, an icon)
    for (const [k, v] of Object.entries(props)) {
      if (k !== 'children' && isVNode(v)) {
        props[k] = walk(v);
      }
    }
  }
  if (props.children !== undefined && typeof props.children !== 'function') {
    props.children = walkChildren(props.children);
  }
  return node;
}

const previousVNodeHook = options.vnode;
options.vnode = (vnode) => {
  if (activeTable && typeof vnode.type === 'string' && typeof vnode.props.class === 'string'
      && ROOT.test(vnode.props.class)) {
    walk(vnode);
  }
  if (previousVNodeHook) {
    previousVNodeHook(vnode);
  }
};
