// The form-js viewer: an agent script in the screen-pop. The server sets the schema and the data that prefills it
// (contact fields: docs/agent-scripts.md); every change sends the form's current values back (onAnswers), so the
// answers the agent sees are the ones stored when the call is qualified.
import { LitElement, html } from 'lit';
// @ts-ignore
import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';

// form-js 1.19 writes its fields' errors in English ("Field is required.") and has no translation hook. Its
// validator is wrapped (an additional module, the documented way to extend the viewer) so that each message it
// knows is given in the UI's language, from the texts the server sets (errorTexts: ScriptForm, messages files,
// with {0} {1} for the values); a message it does not know (a newer form-js) stays as form-js wrote it.
const ERROR_PATTERNS = [
  ['required', /^Field is required\.$/],
  ['minLength', /^Field must have minimum length of (.+)\.$/],
  ['maxLength', /^Field must have maximum length of (.+)\.$/],
  ['min', /^Field must have minimum value of (.+)\.$/],
  ['max', /^Field must have maximum value of (.+)\.$/],
  ['pattern', /^Field must match pattern (.+)\.$/],
  ['phone', /^Field must be a valid\s+international phone number\./],
  ['email', /^Field must be a valid email\.$/],
  ['notANumber', /^Value is not a number\.$/],
  ['integer', /^Value is expected to be an integer\.$/],
  ['decimals', /^Value is expected to have at most (\d+) decimal digits?\.$/],
  ['increment', /^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/],
];

/** A text with {0} {1} filled from a match's groups. */
function fill(text, m) {
  return text.replace(/\{(\d)\}/g, (all, i) => (m[Number(i) + 1] !== undefined ? m[Number(i) + 1] : all));
}

export function translateError(message, texts) {
  if (!texts || typeof message !== 'string') {
    return message;
  }
  for (const [key, pattern] of ERROR_PATTERNS) {
    const m = message.match(pattern);
    if (m && texts[key]) {
      return fill(texts[key], m);
    }
  }
  return message;
}

// The viewer's own texts around the analyst's fields (a select's "Select", a search box's "Search", a table's pager,
// the file picker's button...) are literals of form-js 1.19's components, with no hook either. They are translated
// in the rendered page, only where form-js puts them (each rule names the element form-js renders that text in, and
// the exact English text), from the texts the server sets (chromeTexts: ScriptForm, messages files); a mutation
// observer on the form's own container re-applies them when form-js renders again. What the analyst wrote (labels,
// options, placeholders they set) is never in those places, so it stays as written.
const CHROME_TEXT_RULES = [
  ['.fjs-select-display.fjs-select-placeholder', /^Select$/, 'select'],
  ['.fjs-dropdownlist-empty', /^No results$/, 'noResults'],
  ['.fjs-dropdownlist-empty', /^All values selected$/, 'allSelected'],
  ['.fjs-filepicker-button', /^Browse$/, 'browse'],
  ['.fjs-filepicker-container .fjs-form-field-label', /^No files selected$/, 'noFiles'],
  ['.fjs-filepicker-container .fjs-form-field-label', /^(\d+) files selected$/, 'filesSelected'],
  ['.fjs-skip-link', /^Skip to search$/, 'skipToSearch'],
  ['.fjs-form-field-table', /^Nothing to show\.$/, 'nothingToShow'],
  ['.fjs-form-field-table td', /^Nothing to show\.$/, 'nothingToShow'],
  ['.fjs-table-nav-label', /^ of $/, 'pageOf'],
];
const CHROME_ATTRIBUTE_RULES = [
  ['.fjs-form-field-taglist input.fjs-taglist-input', 'placeholder', /^Search$/, 'search'],
  ['.fjs-form-field-select input', 'placeholder', /^Search$/, 'search'],
  ['.fjs-taglist-tag-remove', 'title', /^Remove tag$/, 'removeTag'],
  ['.fjs-number-arrow-up', 'aria-label', /^Increment$/, 'increment'],
  ['.fjs-number-arrow-down', 'aria-label', /^Decrement$/, 'decrement'],
  ['.fjs-table-nav-button', 'aria-label', /^Previous page$/, 'previousPage'],
  ['.fjs-table-nav-button', 'aria-label', /^Next page$/, 'nextPage'],
  ['.fjs-form-field-table th', 'aria-label', /^Click to sort by (.+) descending$/, 'sortDescending'],
  ['.fjs-form-field-table th', 'aria-label', /^Click to sort by (.+) ascending$/, 'sortAscending'],
  ['.fjs-form-field-table th', 'aria-label', /^Click to remove sorting$/, 'sortRemove'],
  ['.fjs-repeat-row-remove', 'aria-label', /^Remove list item (\d+)$/, 'removeListItem'],
  ['[class*="-download-button"]', 'aria-label', /^Download (.+)$/, 'download'],
];

/** Translates the viewer's own texts under {@code root} (a no-op when {@code texts} is null: English). */
export function translateChrome(root, texts) {
  if (!root || !texts) {
    return;
  }
  for (const [selector, pattern, key] of CHROME_TEXT_RULES) {
    if (!texts[key]) {
      continue;
    }
    for (const el of root.querySelectorAll(selector)) {
      for (const node of el.childNodes) {
        if (node.nodeType === 3) {
          const m = node.data.match(pattern);
          const to = m && (key === 'pageOf' ? ' ' + fill(texts[key], m) + ' ' : fill(texts[key], m));
          // written only when it changes: a write is itself a mutation, and in English the text is the same
          if (m && to !== node.data) {
            node.data = to;
          }
        }
      }
    }
  }
  for (const [selector, attribute, pattern, key] of CHROME_ATTRIBUTE_RULES) {
    if (!texts[key]) {
      continue;
    }
    for (const el of root.querySelectorAll(selector)) {
      const value = el.getAttribute(attribute);
      const m = value && value.match(pattern);
      const to = m && fill(texts[key], m);
      if (m && to !== value) {
        el.setAttribute(attribute, to);
      }
    }
  }
}

function errorTextsModule(element) {
  function EvsErrorTexts(validator) {
    for (const name of ['validateField', 'validateFieldInstance']) {
      const original = validator[name].bind(validator);
      validator[name] = (...args) => original(...args).map((m) => translateError(m, element._errorTexts()));
    }
  }
  EvsErrorTexts.$inject = ['validator'];
  return { __init__: ['evsErrorTexts'], evsErrorTexts: ['type', EvsErrorTexts] };
}

class EvsScriptForm extends LitElement {
  static get properties() {
    return { schema: { type: String }, data: { type: String }, errorTexts: { type: String },
      chromeTexts: { type: String } };
  }

  _chromeTexts() {
    return this._parsed('chromeTexts');
  }

  _translateChrome() {
    translateChrome(this.querySelector('.evs-script-form-canvas'), this._chromeTexts());
  }

  // a JSON property set by the server, parsed once per value (null when absent or not JSON)
  _parsed(name) {
    this._parsedCache = this._parsedCache || {};
    const cached = this._parsedCache[name];
    if (!cached || cached.of !== this[name]) {
      let value = null;
      try {
        value = this[name] ? JSON.parse(this[name]) : null;
      } catch (e) {
        value = null;
      }
      this._parsedCache[name] = { of: this[name], value };
    }
    return this._parsedCache[name].value;
  }

  _errorTexts() {
    return this._parsed('errorTexts');
  }

  createRenderRoot() {
    return this;
  }

  render() {
    return html`<div class="evs-script-form-canvas"></div>`;
  }

  firstUpdated() {
    this._form = new Form({
      container: this.querySelector('.evs-script-form-canvas'),
      additionalModules: [errorTextsModule(this)],
    });
    this._form.on('changed', () => this._send());
    const canvas = this.querySelector('.evs-script-form-canvas');
    this._chromeObserver = new MutationObserver(() => this._translateChrome());
    this._chromeObserver.observe(canvas, { childList: true, subtree: true, characterData: true, attributes: true,
      attributeFilter: ['placeholder', 'title', 'aria-label'] });
    this._import();
  }

  updated(changed) {
    if (this._form && (changed.has('schema') || changed.has('data'))) {
      this._import();
    }
    if (this._form && changed.has('chromeTexts')) {
      this._translateChrome();
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    if (this._chromeObserver) {
      this._chromeObserver.disconnect();
      this._chromeObserver = null;
    }
    if (this._form) {
      this._form.destroy();
      this._form = null;
    }
  }

  async _import() {
    const key = (this.schema || '') + '\u0000' + (this.data || '');
    if (!this.schema || key === this._lastKey) {
      return;
    }
    this._lastKey = key;
    try {
      await this._form.importSchema(JSON.parse(this.schema), this.data ? JSON.parse(this.data) : {});
      this._translateChrome();
      this.dataset.imported = String((Number(this.dataset.imported) || 0) + 1);
      this._send();
    } catch (e) {
      this.$server && this.$server.onImportFailed(String(e && e.message || e));
    }
  }

  // the values of the form's fields only (what submit() would give, without showing validation errors)
  _answers() {
    if (typeof this._form._getSubmitData === 'function') {
      return this._form._getSubmitData();
    }
    return this._form._getState().data;
  }

  _send() {
    const data = this._form && this._answers();
    if (this.$server && data) {
      this.$server.onAnswers(JSON.stringify(data));
    }
  }
}

customElements.define('evs-script-form', EvsScriptForm);
