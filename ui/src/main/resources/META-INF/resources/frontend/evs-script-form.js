// The form-js viewer: an agent script in the screen-pop. The server sets the schema and the data that prefills it
// (contact fields: docs/agent-scripts.md); every change sends the form's current values back (onAnswers), so the
// answers the agent sees are the ones stored when the call is qualified.
import { LitElement, html } from 'lit';
// @ts-ignore
import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import { fill, viewerClockModule, watchViewerTexts } from './evs-script-viewer-i18n.js';

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
    // lang: the agent's language (fr, en); chromeTexts: form-js's own texts in it (evs-script-viewer-i18n.js)
    return { schema: { type: String }, data: { type: String }, errorTexts: { type: String },
      chromeTexts: { type: String }, lang: { type: String } };
  }

  _translateChrome() {
    if (this._viewerTexts) {
      this._viewerTexts.apply();
    }
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
    this._createForm();
    this._viewerTexts = watchViewerTexts(this.querySelector('.evs-script-form-canvas'),
      () => this._parsed('chromeTexts'), () => this.lang);
    this._import();
  }

  // the viewer, in the language it is created for (the clock of its time pickers: viewerClockModule)
  _createForm() {
    if (this._form) {
      this._form.destroy();
    }
    this._formLang = this.lang || 'en';
    this._form = new Form({
      container: this.querySelector('.evs-script-form-canvas'),
      additionalModules: [errorTextsModule(this), viewerClockModule(this._formLang)],
    });
    this._form.on('changed', () => this._send());
  }

  updated(changed) {
    if (this._form && changed.has('lang') && (this.lang || 'en') !== this._formLang) {
      // the language changed while the form is shown: drawn again in it, with what the agent has typed so far (unless
      // another form or call came with it)
      const data = changed.has('schema') || changed.has('data') ? undefined : this._form._getState().data;
      this._createForm();
      this._lastKey = null;
      this._import(data);
      return;
    }
    if (this._form && (changed.has('schema') || changed.has('data'))) {
      this._import();
    }
    if (this._form && changed.has('chromeTexts')) {
      this._translateChrome();
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    if (this._viewerTexts) {
      this._viewerTexts.disconnect();
      this._viewerTexts = null;
    }
    if (this._form) {
      this._form.destroy();
      this._form = null;
    }
  }

  /** Shows the schema with the server's data, or with {@code current} (the form's own data, drawn again). */
  async _import(current) {
    const key = (this.schema || '') + '\u0000' + (this.data || '');
    if (!this.schema || (key === this._lastKey && !current)) {
      return;
    }
    this._lastKey = key;
    try {
      const data = current || (this.data ? JSON.parse(this.data) : {});
      await this._form.importSchema(JSON.parse(this.schema), data);
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
