// The BPMN editor of EVSCallPro: bpmn-js with the Zeebe properties panel and element templates (Camunda 8), in a
// Lit element rendering into light DOM (the bpmn-js and panel CSS apply). The server pushes the XML, the element
// templates and the language; the element sends back the XML on save, after each change (debounced: autosave),
// and the import time (benchmark). The bpmn.io watermark stays (its licence asks for it).
import { LitElement, html } from 'lit';
// @ts-ignore
import BpmnModeler from 'bpmn-js/lib/Modeler';
// @ts-ignore
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, ZeebePropertiesProviderModule } from 'bpmn-js-properties-panel';
// @ts-ignore
import { CloudElementTemplatesPropertiesProviderModule } from 'bpmn-js-element-templates';
// @ts-ignore
import ElementTemplateChooserModule from '@bpmn-io/element-template-chooser';
// @ts-ignore
import ZeebeBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
// @ts-ignore
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-element-templates/dist/assets/element-templates.css';
import '@bpmn-io/element-template-chooser/dist/element-template-chooser.css';
import { translations } from './evs-bpmn-translations.js';
import { createLinter, lint } from './evs-flow-lint.js';

/**
 * Replace-menu (wrench) and palette entries of elements EVSCallPro does not run: business rule tasks (no decision
 * tables are deployed), call activities, and what Zeebe 8.8 does not execute (complex gateways, transactions,
 * conditional and cancel events); in an IVR flow also user tasks (no one fills a form during a call). The same
 * list as core.flow.FlowLint's unsupported-element and the camunda-compat element-type rule.
 */
const UNSUPPORTED_ENTRY = /^(replace-with-|create\.|append\.)(rule-task|call-activity|complex-gateway|transaction|conditional-(start|intermediate-catch|boundary)|non-interrupting-conditional-(start|boundary)|cancel-(boundary|end))$/;
const IVR_UNSUPPORTED_ENTRY = /^(replace-with-|create\.|append\.)user-task$/;

/** Keeps the palette and the popup menus to the elements our engine and workers run ({@code kind()}: the flow's). */
function supportedElementsModule(kind) {
  const allowed = (id) => !UNSUPPORTED_ENTRY.test(id) && !(kind === 'IVR' && IVR_UNSUPPORTED_ENTRY.test(id));
  const keep = (entries) => {
    const kept = {};
    Object.keys(entries).forEach(id => { if (allowed(id)) { kept[id] = entries[id]; } });
    return kept;
  };
  function SupportedElements(palette, popupMenu) {
    palette.registerProvider(100, { getPaletteEntries: () => keep });
    ['bpmn-replace', 'bpmn-create', 'bpmn-append'].forEach(menu => popupMenu.registerProvider(menu, 100, {
      getPopupMenuEntries: () => keep,
      getPopupMenuHeaderEntries: () => (entries) => entries
    }));
  }
  SupportedElements.$inject = ['palette', 'popupMenu'];
  return { __init__: ['evsSupportedElements'], evsSupportedElements: ['type', SupportedElements] };
}

/** A server text with {0}, {1}… replaced by the arguments. */
function format(template, args) {
  return String(template).replace(/{(\d+)}/g, (all, i) => (args && i < args.length) ? args[i] : all);
}

function translateModule(lang) {
  const table = translations[lang] || {};
  return {
    translate: ['value', (template, replacements) => {
      const text = table[template] || template;
      return text.replace(/{([^}]+)}/g, (_, key) => (replacements && key in replacements) ? replacements[key] : `{${key}}`);
    }]
  };
}

class EvsBpmnModeler extends LitElement {
  static get properties() {
    return {
      xml: { type: String },
      templates: { type: String },
      lang: { type: String },
      readOnly: { type: Boolean, attribute: 'read-only' },
      kind: { type: String },
      lintFacts: { type: String, attribute: 'lint-facts' },
      lintTexts: { type: String, attribute: 'lint-texts' },
      _issues: { state: true }
    };
  }

  createRenderRoot() {
    return this;
  }

  render() {
    return html`<style>
        evs-bpmn-modeler .evs-error .djs-visual > :nth-child(1) { stroke: var(--lumo-error-color, #d32f2f) !important; stroke-width: 3px !important; }
        evs-bpmn-modeler .evs-path .djs-visual > :nth-child(1) { stroke: #1a7f37 !important; stroke-width: 3px !important; }
        evs-bpmn-modeler .evs-path.djs-shape .djs-visual > :nth-child(1) { fill: rgba(26, 127, 55, 0.10) !important; }
        evs-bpmn-modeler .evs-path.djs-connection .djs-visual > path { stroke: #1a7f37 !important; stroke-width: 3px !important; }
        evs-bpmn-modeler .evs-lint-error .djs-visual > :nth-child(1) { stroke: var(--lumo-error-color, #d32f2f) !important; }
        evs-bpmn-modeler .evs-lint-warning .djs-visual > :nth-child(1) { stroke: #b26a00 !important; }
        evs-bpmn-modeler .evs-lint-badge { font: 700 11px/16px sans-serif; color: #fff; min-width: 16px; padding: 0 4px; border-radius: 8px; text-align: center; cursor: pointer; box-shadow: 0 1px 2px rgba(0,0,0,.3); }
        evs-bpmn-modeler .evs-lint-badge.error { background: var(--lumo-error-color, #d32f2f); }
        evs-bpmn-modeler .evs-lint-badge.warning { background: #b26a00; }
        evs-bpmn-modeler .evs-lint { flex: 0 0 auto; max-height: 30%; overflow: auto; font-size: var(--lumo-font-size-s, 14px); border: 1px solid var(--lumo-contrast-10pct); border-top: none; padding: 2px 8px; }
        evs-bpmn-modeler .evs-lint ul { margin: 2px 0; padding-left: 1.2em; }
        evs-bpmn-modeler .evs-lint-issue { background: none; border: none; padding: 0; text-align: left; cursor: pointer; font: inherit; vertical-align: top; }
        evs-bpmn-modeler .evs-lint-issue[data-severity=ERROR] { color: var(--lumo-error-text-color, #c62828); }
        evs-bpmn-modeler .evs-lint-issue[data-severity=WARNING] { color: #8a5300; }
        evs-bpmn-modeler .evs-traffic-badge { color: #fff; font: 600 12px/18px sans-serif; padding: 0 6px; border-radius: 9px; white-space: nowrap; box-shadow: 0 1px 2px rgba(0,0,0,.3); }
      </style><div class="evs-bpmn-layout" style="display:flex;height:100%;width:100%;min-height:0">
        <div style="flex:1 1 auto;min-width:0;height:100%;display:flex;flex-direction:column">
          <div class="evs-bpmn-canvas" style="flex:1 1 auto;min-height:0;position:relative;border:1px solid var(--lumo-contrast-10pct)"></div>
          ${this._renderIssues()}
        </div>
        <div class="evs-bpmn-properties" style="flex:0 0 320px;height:100%;overflow:auto;border:1px solid var(--lumo-contrast-10pct);border-left:none"></div>
      </div>`;
  }

  firstUpdated() {
    this._createModeler();
  }

  _texts() {
    if (this._textsSource !== this.lintTexts) {
      this._textsSource = this.lintTexts;
      try {
        this._textsParsed = JSON.parse(this.lintTexts || '{}');
      } catch (e) {
        this._textsParsed = {};
      }
    }
    return this._textsParsed;
  }

  /** The live check's list: each issue names its element; a click selects it on the diagram. */
  _renderIssues() {
    const issues = this._issues;
    if (!issues) {
      return html``;
    }
    const t = this._texts();
    const errors = issues.filter(i => i.severity === 'ERROR').length;
    const warnings = issues.length - errors;
    return html`<div class="evs-lint" data-errors=${errors} data-warnings=${warnings}>
      <div class="evs-lint-summary">${format(t.summary || 'Live check: {0} error(s), {1} warning(s)', [errors, warnings])}</div>
      ${issues.length ? html`<ul>${issues.map(i => html`<li><button class="evs-lint-issue" data-element=${i.id || ''}
          data-code=${i.code} data-severity=${i.severity} data-source=${i.source} title=${i.detail || ''}
          @click=${() => i.id && this.focus(i.id)}>${i.id ? this._elementName(i.id) + ' : ' : ''}${i.severity === 'WARNING' ? (t.warning || 'Warning') + ' ' : ''}${i.text}</button></li>`)}</ul>` : ''}
    </div>`;
  }

  /** What the analyst calls an element: the name they gave it on the diagram, else its id. */
  _elementName(id) {
    const element = this._modeler && this._modeler.get('elementRegistry').get(id);
    const name = element && element.businessObject && element.businessObject.name;
    return name && name.trim() ? name.trim() : id;
  }

  _facts() {
    try {
      return Object.assign(JSON.parse(this.lintFacts || '{}'), { kind: this.kind || 'IVR' });
    } catch (e) {
      return { kind: this.kind || 'IVR' };
    }
  }

  /** Runs the live check now (after the XML set last is on the canvas); resolves to the issues. Tests call it too. */
  async lintNow() {
    await this._ready();
    return this._lint();
  }

  async _lint() {
    if (!this._modeler || !this._modeler.getDefinitions()) {
      return [];
    }
    if (!this._linter || this._linterFacts !== this.lintFacts || this._linterKind !== this.kind) {
      this._linter = createLinter(this._facts());
      this._linterFacts = this.lintFacts;
      this._linterKind = this.kind;
    }
    const started = performance.now();
    const issues = await lint(this._linter, this._modeler.getDefinitions());
    const ms = performance.now() - started;
    this.dataset.lintMs = String(Math.round(ms));
    const t = this._texts();
    // ours: the server's flows.rule.<code>; the engine's: flows.engine.<rule>, its own English message (element
    // types, property names) kept as the detail (the line's tooltip); a rule without a text of ours reads as before
    const engine = t.engine || {};
    issues.forEach(i => {
      if (i.source === 'evs') {
        i.text = t[i.code] ? format(t[i.code], i.args) : i.message;
      } else {
        i.detail = format(t.engineDetail || 'Engine rule {0}: {1}', [i.rule, i.message]);
        i.text = engine[i.rule] || '[' + i.rule + '] ' + i.message;
      }
    });
    issues.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'ERROR' ? -1 : 1));
    this._issues = issues;
    this._showIssues(issues);
    this.dataset.lintRuns = String(Number(this.dataset.lintRuns || 0) + 1);
    return issues.map(({ id, code, severity, source, args, text, detail }) =>
      ({ id, code, severity, source, args, text, detail: detail || null }));
  }

  /** Outlines the elements with problems and puts a badge (their count) on each; a click on it selects them. */
  _showIssues(issues) {
    const canvas = this._modeler.get('canvas');
    const registry = this._modeler.get('elementRegistry');
    const overlays = this._modeler.get('overlays');
    overlays.remove({ type: 'evs-lint' });
    registry.getAll().forEach(el => {
      canvas.removeMarker(el.id, 'evs-lint-error');
      canvas.removeMarker(el.id, 'evs-lint-warning');
    });
    const byElement = new Map();
    issues.filter(i => i.id && registry.get(i.id)).forEach(i => {
      if (!byElement.has(i.id)) {
        byElement.set(i.id, []);
      }
      byElement.get(i.id).push(i);
    });
    byElement.forEach((list, id) => {
      const error = list.some(i => i.severity === 'ERROR');
      canvas.addMarker(id, error ? 'evs-lint-error' : 'evs-lint-warning');
      const badge = document.createElement('div');
      badge.className = 'evs-lint-badge ' + (error ? 'error' : 'warning');
      badge.dataset.element = id;
      badge.textContent = String(list.length);
      badge.title = list.map(i => i.text).join('\n');
      badge.addEventListener('click', () => this.focus(id));
      overlays.add(id, 'evs-lint', { position: { bottom: 8, right: 8 }, html: badge });
    });
  }

  _lintSoon() {
    clearTimeout(this._lintTimer);
    this._lintTimer = setTimeout(() => this._lint().catch(e => console.error('live check failed', e)), 300);
  }

  _createModeler() {
    if (this._modeler) {
      this._modeler.destroy();
    }
    this._lastXml = null;
    this._modeler = new BpmnModeler({
      container: this.querySelector('.evs-bpmn-canvas'),
      propertiesPanel: { parent: this.querySelector('.evs-bpmn-properties') },
      additionalModules: [
        BpmnPropertiesPanelModule,
        BpmnPropertiesProviderModule,
        ZeebePropertiesProviderModule,
        CloudElementTemplatesPropertiesProviderModule,
        ElementTemplateChooserModule,
        ZeebeBehaviorsModule,
        supportedElementsModule(this.kind || 'IVR'),
        translateModule(this.lang || 'en')
      ],
      moddleExtensions: { zeebe: zeebeModdle }
    });
    this._modelerLang = this.lang || 'en';
    this._modelerKind = this.kind || 'IVR';
    this._modeler.on('commandStack.changed', (event) => {
      if (!event || event.trigger !== 'clear') {
        this._changed();
        this._lintSoon();
      }
    });
    this._applyTemplates();
    if (this.xml) {
      this._import(this.xml);
    }
  }

  updated(changed) {
    if (!this._modeler) {
      return;
    }
    if ((changed.has('lang') && (this.lang || 'en') !== this._modelerLang)
      || (changed.has('kind') && (this.kind || 'IVR') !== this._modelerKind)) {
      this._createModeler();
      return;
    }
    if (changed.has('templates')) {
      this._applyTemplates();
    }
    if (changed.has('xml') && this.xml && this.xml !== this._lastXml) {
      this._import(this.xml);
    } else if ((changed.has('lintFacts') || changed.has('lintTexts')) && this._issues) {
      this._lintSoon();
    }
  }

  _applyTemplates() {
    if (!this.templates) {
      return;
    }
    try {
      this._modeler.get('elementTemplatesLoader').setTemplates(JSON.parse(this.templates));
    } catch (e) {
      console.error('element templates not loaded', e);
    }
  }

  _import(xml) {
    this._imported = this._doImport(xml);
    return this._imported;
  }

  /** Resolves once the XML set last (if any) is on the canvas. */
  async _ready() {
    await this.updateComplete;
    if (this._imported) {
      await this._imported;
    }
  }

  async _doImport(xml) {
    const started = performance.now();
    try {
      const result = await this._modeler.importXML(xml);
      this._lastXml = xml;
      this._modeler.get('canvas').zoom('fit-viewport', 'auto');
      const ms = performance.now() - started;
      this.dataset.importMs = String(Math.round(ms));
      this.dataset.imported = String(Date.now());
      this._call('onImported', Math.round(ms), (result.warnings || []).map(w => w.message).join('\n'));
      this._lintSoon();
    } catch (e) {
      this._call('onImportFailed', String(e && e.message ? e.message : e));
    }
  }

  _changed() {
    clearTimeout(this._changeTimer);
    this._changeTimer = setTimeout(async () => {
      const xml = await this._export();
      if (xml) {
        this._call('onChanged', xml);
      }
    }, 800);
  }

  async _export() {
    try {
      const { xml } = await this._modeler.saveXML({ format: true });
      this._lastXml = xml;
      return xml;
    } catch (e) {
      this._call('onImportFailed', String(e && e.message ? e.message : e));
      return null;
    }
  }

  /** Sends the current XML to the server's onSaved. */
  async save() {
    const xml = await this._export();
    if (xml) {
      this._call('onSaved', xml);
    }
  }

  /** Marks elements: kind is 'error' (validation) or 'path' (a call's path); an empty list clears that kind. */
  async mark(kind, idsJson) {
    await this._ready();
    if (!this._modeler) {
      return;
    }
    const canvas = this._modeler.get('canvas');
    const registry = this._modeler.get('elementRegistry');
    const marker = 'evs-' + kind;
    registry.getAll().forEach(el => canvas.removeMarker(el.id, marker));
    JSON.parse(idsJson || '[]').forEach(id => {
      if (registry.get(id)) {
        canvas.addMarker(id, marker);
      }
    });
  }

  /**
   * Draws a call's path: {@code idsJson} lists the elements it went through, in order (the blocks of its journey);
   * the sequence flows and gateways between two of them, and from the start and to an end, are found on the diagram
   * (shortest way) and marked too. Returns nothing; an empty list clears the path.
   */
  async path(idsJson) {
    await this._ready();
    if (!this._modeler) {
      return;
    }
    const registry = this._modeler.get('elementRegistry');
    const visited = JSON.parse(idsJson || '[]').filter(id => registry.get(id));
    const marked = new Set(visited);
    const way = (from, isTarget) => {
      const queue = [[from, []]];
      const seen = new Set([from.id]);
      while (queue.length) {
        const [node, trail] = queue.shift();
        for (const flow of node.outgoing || []) {
          const next = flow.target;
          if (!next || seen.has(next.id)) {
            continue;
          }
          const nextTrail = trail.concat([flow, next]);
          if (isTarget(next)) {
            return nextTrail;
          }
          seen.add(next.id);
          if (!/Task$/.test(next.type)) {
            queue.push([next, nextTrail]);
          }
        }
      }
      return [];
    };
    if (visited.length) {
      const starts = registry.filter(e => e.type === 'bpmn:StartEvent' && e.parent && e.parent.type === 'bpmn:Process');
      starts.forEach(start => {
        const trail = way(start, e => e.id === visited[0]);
        if (trail.length) {
          marked.add(start.id);
          trail.forEach(e => marked.add(e.id));
        }
      });
      for (let i = 0; i + 1 < visited.length; i++) {
        way(registry.get(visited[i]), e => e.id === visited[i + 1]).forEach(e => marked.add(e.id));
      }
      way(registry.get(visited[visited.length - 1]), e => e.type === 'bpmn:EndEvent').forEach(e => marked.add(e.id));
    }
    await this.mark('path', JSON.stringify(Array.from(marked)));
    this.dataset.path = Array.from(marked).join(' ');
  }

  /**
   * Shows how many calls went through each element (a badge coloured from pale to hot) and how many callers hung up
   * there: {@code json} is {elementId: {calls, hangups}}; '{}' clears.
   */
  async traffic(json, hangupLabel) {
    await this._ready();
    if (!this._modeler) {
      return;
    }
    const overlays = this._modeler.get('overlays');
    const registry = this._modeler.get('elementRegistry');
    overlays.remove({ type: 'evs-traffic' });
    const data = JSON.parse(json || '{}');
    const max = Math.max(1, ...Object.values(data).map(d => d.calls || 0));
    Object.entries(data).forEach(([key, d]) => {
      // a gateway's branch comes as '<gateway id>><next element id>': its badge goes on the flow between them
      const [from, to] = key.split('>');
      const id = to === undefined ? key
        : (registry.filter(e => e.type === 'bpmn:SequenceFlow' && e.source && e.source.id === from
            && e.target && e.target.id === to)[0] || {}).id;
      if (!id || !registry.get(id)) {
        return;
      }
      const heat = (d.calls || 0) / max;
      const badge = document.createElement('div');
      badge.className = 'evs-traffic-badge';
      badge.dataset.element = id;
      if (to !== undefined) {
        badge.dataset.branch = key;
      }
      badge.dataset.calls = String(d.calls || 0);
      badge.dataset.hangups = String(d.hangups || 0);
      badge.textContent = String(d.calls || 0) + (d.hangups ? ' · ' + (hangupLabel || '✆') + ' ' + d.hangups : '');
      badge.style.background = `rgb(${Math.round(120 + 115 * heat)}, ${Math.round(160 - 120 * heat)}, ${Math.round(200 - 180 * heat)})`;
      overlays.add(id, 'evs-traffic', { position: { top: -10, left: 0 }, html: badge });
    });
  }

  /** Selects and centres one element (a validation message clicked). */
  focus(id) {
    const registry = this._modeler.get('elementRegistry');
    const element = registry.get(id);
    if (!element) {
      return;
    }
    this._modeler.get('selection').select(element);
    this._modeler.get('canvas').scrollToElement(element);
  }

  _call(method, ...args) {
    if (this.$server && this.$server[method]) {
      this.$server[method](...args);
    }
  }
}

customElements.define('evs-bpmn-modeler', EvsBpmnModeler);
