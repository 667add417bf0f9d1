// The form-js editor (Camunda Forms) for agent scripts. Renders into light DOM like evs-bpmn-modeler; the server sets
// the schema (JSON text) and asks for it back with save(); each change is reported (onChanged) so the view knows
// there is something to save. form-js shares preact and @bpmn-io/properties-panel with the bpmn-js set (one copy of
// each: see docs/agent-scripts.md).
import { LitElement, html } from 'lit';
// @ts-ignore
import { FormEditor } from '@bpmn-io/form-js-editor';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import '@bpmn-io/form-js-editor/dist/assets/form-js-editor.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import { formEditorI18nModule } from './evs-script-editor-i18n.js';
import { viewerClockModule, watchViewerTexts } from './evs-script-viewer-i18n.js';

class EvsScriptEditor extends LitElement {
  static get properties() {
    // lang: the analyst's language (fr, en); the editor's own texts follow it (evs-script-editor-i18n.js), and so do
    // the texts of the viewer's components the canvas draws the fields with (a select's "Select", a date picker's
    // calendar...: chromeTexts, the same as the agent's viewer, evs-script-viewer-i18n.js)
    return { schema: { type: String }, lang: { type: String }, chromeTexts: { type: String } };
  }

  _chromeTexts() {
    if (this._chromeOf !== this.chromeTexts) {
      this._chromeOf = this.chromeTexts;
      try {
        this._chromeParsed = this.chromeTexts ? JSON.parse(this.chromeTexts) : null;
      } catch (e) {
        this._chromeParsed = null;
      }
    }
    return this._chromeParsed;
  }

  createRenderRoot() {
    return this;
  }

  render() {
    return html`<div class="evs-script-editor-canvas" style="height:100%;width:100%;min-height:0;border:1px solid var(--lumo-contrast-10pct)"></div>`;
  }

  firstUpdated() {
    this._createEditor();
    this._viewerTexts = watchViewerTexts(this.querySelector('.evs-script-editor-canvas'), () => this._chromeTexts(),
      () => this.lang);
  }

  /** Creates the editor in the current language, showing {@code current} (the form as edited) or the server's. */
  _createEditor(current) {
    if (this._editor) {
      this._editor.destroy();
    }
    this._editorLang = this.lang || 'en';
    this._editor = new FormEditor({
      container: this.querySelector('.evs-script-editor-canvas'),
      // the canvas draws times in the analyst's clock, as the agents of that language see them (viewerClockModule;
      // before the texts' module, which registers every field type again with the one it finds)
      additionalModules: [viewerClockModule(this._editorLang), formEditorI18nModule(this._editorLang)],
    });
    this._editor.on('changed', () => this._changed());
    if (current || this.schema) {
      this._import(current || this.schema);
    }
  }

  updated(changed) {
    if (this._editor && changed.has('lang') && (this.lang || 'en') !== this._editorLang) {
      // the language changed while the editor is shown: drawn again in it, with the form as edited so far (not saved
      // yet), unless the server sent another one with it
      this._createEditor(changed.has('schema') ? null : this._current());
      return;
    }
    if (this._editor && changed.has('schema') && this.schema && this.schema !== this._lastSchema) {
      this._import(this.schema);
    }
    if (this._viewerTexts && changed.has('chromeTexts')) {
      this._viewerTexts.apply();
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    if (this._viewerTexts) {
      this._viewerTexts.disconnect();
      this._viewerTexts = null;
    }
    if (this._editor) {
      this._editor.destroy();
      this._editor = null;
    }
  }

  async _import(text) {
    this._lastSchema = text;
    this._importing = true;
    try {
      await this._editor.importSchema(JSON.parse(text));
      this.dataset.imported = String((Number(this.dataset.imported) || 0) + 1);
    } catch (e) {
      this.$server && this.$server.onImportFailed(String(e && e.message || e));
    } finally {
      this._importing = false;
    }
  }

  _current() {
    const text = JSON.stringify(this._editor.saveSchema(), null, 2);
    this._lastSchema = text;
    return text;
  }

  _changed() {
    if (this._importing || !this.$server) {
      return;
    }
    clearTimeout(this._timer);
    this._timer = setTimeout(() => this.$server.onChanged(this._current()), 400);
  }

  save() {
    clearTimeout(this._timer);
    this.$server.onSaved(this._current());
  }
}

customElements.define('evs-script-editor', EvsScriptEditor);
