// The form-js viewer: an agent script in the screen-pop. The server sets the schema and the data that prefills it
// (contact fields: docs/agent-scripts.md); every change sends the form's current values back (onAnswers), so the
// answers the agent sees are the ones stored when the call is qualified.
import { LitElement, html } from 'lit';
// @ts-ignore
import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';

class EvsScriptForm extends LitElement {
  static get properties() {
    return { schema: { type: String }, data: { type: String } };
  }

  createRenderRoot() {
    return this;
  }

  render() {
    return html`<div class="evs-script-form-canvas"></div>`;
  }

  firstUpdated() {
    this._form = new Form({ container: this.querySelector('.evs-script-form-canvas') });
    this._form.on('changed', () => this._send());
    this._import();
  }

  updated(changed) {
    if (this._form && (changed.has('schema') || changed.has('data'))) {
      this._import();
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
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
