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
      readOnly: { type: Boolean, attribute: 'read-only' }
    };
  }

  createRenderRoot() {
    return this;
  }

  render() {
    return html`<div class="evs-bpmn-layout" style="display:flex;height:100%;width:100%;min-height:0">
        <div class="evs-bpmn-canvas" style="flex:1 1 auto;min-width:0;height:100%;position:relative;border:1px solid var(--lumo-contrast-10pct)"></div>
        <div class="evs-bpmn-properties" style="flex:0 0 320px;height:100%;overflow:auto;border:1px solid var(--lumo-contrast-10pct);border-left:none"></div>
      </div>`;
  }

  firstUpdated() {
    this._createModeler();
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
        translateModule(this.lang || 'en')
      ],
      moddleExtensions: { zeebe: zeebeModdle }
    });
    this._modelerLang = this.lang || 'en';
    this._modeler.on('commandStack.changed', (event) => {
      if (!event || event.trigger !== 'clear') {
        this._changed();
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
    if (changed.has('lang') && (this.lang || 'en') !== this._modelerLang) {
      this._createModeler();
      return;
    }
    if (changed.has('templates')) {
      this._applyTemplates();
    }
    if (changed.has('xml') && this.xml && this.xml !== this._lastXml) {
      this._import(this.xml);
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

  async _import(xml) {
    const started = performance.now();
    try {
      const result = await this._modeler.importXML(xml);
      this._lastXml = xml;
      this._modeler.get('canvas').zoom('fit-viewport', 'auto');
      const ms = performance.now() - started;
      this.dataset.importMs = String(Math.round(ms));
      this.dataset.imported = String(Date.now());
      this._call('onImported', Math.round(ms), (result.warnings || []).map(w => w.message).join('\n'));
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
  mark(kind, idsJson) {
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
