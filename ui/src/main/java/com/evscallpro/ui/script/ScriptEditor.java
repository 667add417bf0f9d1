package com.evscallpro.ui.script;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import java.util.function.Consumer;

/**
 * The form-js editor ({@code evs-script-editor.js}): palette, form and properties panel. The server sets the schema
 * (JSON); the browser sends it back on {@link #requestSave()} and after each change (debounced). form-js-editor 1.19.0
 * is the newest that accepts the preact pinned for bpmn-js (1.21+ ask for preact &lt;= 10.15.1 and would bring a second
 * copy); it shares {@code @bpmn-io/properties-panel} 3.55.0 with the flow editor.
 */
@Tag("evs-script-editor")
@NpmPackage(value = "@bpmn-io/form-js-editor", version = "1.19.0")
@NpmPackage(value = "@bpmn-io/form-js-viewer", version = "1.19.0")
@NpmPackage(value = "@bpmn-io/properties-panel", version = "3.55.0")
@NpmPackage(value = "preact", version = "10.29.8")
@JsModule("./evs-script-editor.js")
// imported by evs-script-editor.js; named here too so that editing them makes the build say the production bundle
// must be rebuilt (Vaadin hashes only the modules it is given)
@JsModule("./evs-script-editor-i18n.js")
@JsModule("./evs-script-editor-fr.js")
@JsModule("./evs-script-viewer-i18n.js")
@NpmPackage(value = "flatpickr", version = "4.6.13")
public class ScriptEditor extends Component implements HasSize, LocaleChangeObserver {

    private Consumer<String> saved = json -> { };
    private Consumer<String> changed = json -> { };
    private Consumer<String> importFailed = reason -> { };
    private String schema;

    public ScriptEditor() {
        setSizeFull();
    }

    /**
     * form-js's own texts (palette, properties panel, new fields' labels) in the analyst's language, and the texts of
     * form-js's viewer components, which draw the analyst's fields in the canvas (as the agent's): given when the
     * editor is attached and again when the UI's locale changes while it is shown (evs-script-editor.js then draws the
     * editor again in it, keeping the form as edited).
     */
    @Override
    public void localeChange(LocaleChangeEvent event) {
        ScriptForm.setViewerTexts(this, event.getLocale());
    }

    /** Shows a form-js schema (JSON). */
    public void setSchema(String schemaJson) {
        this.schema = schemaJson;
        getElement().setProperty("schema", schemaJson == null ? "" : schemaJson);
    }

    /** The schema last set or received from the browser. */
    public String getSchema() {
        return schema;
    }

    /** Asks the browser for the current schema; it arrives in the {@link #setSaveListener(Consumer)} listener. */
    public void requestSave() {
        getElement().callJsFunction("save");
    }

    public void setSaveListener(Consumer<String> listener) {
        this.saved = listener;
    }

    public void setChangeListener(Consumer<String> listener) {
        this.changed = listener;
    }

    public void setImportFailedListener(Consumer<String> listener) {
        this.importFailed = listener;
    }

    @ClientCallable
    private void onSaved(String json) {
        this.schema = json;
        saved.accept(json);
    }

    @ClientCallable
    private void onChanged(String json) {
        this.schema = json;
        changed.accept(json);
    }

    @ClientCallable
    private void onImportFailed(String reason) {
        importFailed.accept(reason);
    }
}
