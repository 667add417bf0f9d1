package com.evscallpro.ui.flow;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.util.List;
import java.util.function.Consumer;

/**
 * The bpmn-js modeler with the Zeebe properties panel, Camunda 8 element templates and the template chooser
 * ({@code evs-bpmn-modeler.js}). The server sets the XML, the templates and the language; the browser sends the XML
 * back on {@link #requestSave()} and after each change (debounced: the autosave), and reports how long an import
 * took. Package versions: {@code ../shared/stack-notes.md} (preact pinned: without it the popup menus render empty).
 */
@Tag("evs-bpmn-modeler")
@NpmPackage(value = "bpmn-js", version = "18.31.1")
@NpmPackage(value = "bpmn-js-properties-panel", version = "5.65.3")
@NpmPackage(value = "@bpmn-io/properties-panel", version = "3.55.0")
@NpmPackage(value = "zeebe-bpmn-moddle", version = "2.0.0")
@NpmPackage(value = "camunda-bpmn-js-behaviors", version = "1.18.0")
@NpmPackage(value = "bpmn-js-element-templates", version = "2.37.0")
@NpmPackage(value = "@bpmn-io/element-template-chooser", version = "3.0.0")
@NpmPackage(value = "preact", version = "10.29.8")
@JsModule("./evs-bpmn-modeler.js")
public class BpmnModeler extends Component implements HasSize {

    private Consumer<String> saved = xml -> { };
    private Consumer<String> changed = xml -> { };
    private Consumer<String> importFailed = reason -> { };
    private String xml;
    private long lastImportMillis = -1;

    public BpmnModeler() {
        setSizeFull();
    }

    /** Shows {@code bpmnXml} (not re-imported when it is what the browser last sent). */
    public void setXml(String bpmnXml) {
        this.xml = bpmnXml;
        getElement().setProperty("xml", bpmnXml == null ? "" : bpmnXml);
    }

    /** The XML last set or received from the browser. */
    public String getXml() {
        return xml;
    }

    /** The element templates (a JSON array, as Camunda Modeler reads them). */
    public void setTemplates(String templatesJson) {
        getElement().setProperty("templates", templatesJson);
    }

    /** The editor's language: {@code fr} or {@code en} (texts of bpmn-js and of the panel). */
    public void setLanguage(String language) {
        getElement().setProperty("lang", language);
    }

    /** Asks the browser for the current XML; it arrives in the {@link #setSaveListener(Consumer)} listener. */
    public void requestSave() {
        getElement().callJsFunction("save");
    }

    /** Marks elements on the diagram: {@code error} (validation) or {@code path} (a call's path). */
    public void mark(String kind, List<String> elementIds) {
        getElement().callJsFunction("mark", kind, toJson(elementIds));
    }

    /** Selects an element and scrolls to it. */
    public void focus(String elementId) {
        getElement().callJsFunction("focus", elementId);
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

    /** How long the last import took in the browser, in ms (-1 before the first). */
    public long lastImportMillis() {
        return lastImportMillis;
    }

    @ClientCallable
    private void onSaved(String bpmnXml) {
        this.xml = bpmnXml;
        saved.accept(bpmnXml);
    }

    @ClientCallable
    private void onChanged(String bpmnXml) {
        this.xml = bpmnXml;
        changed.accept(bpmnXml);
    }

    @ClientCallable
    private void onImported(int millis, String warnings) {
        this.lastImportMillis = millis;
    }

    @ClientCallable
    private void onImportFailed(String reason) {
        importFailed.accept(reason);
    }

    static String toJson(List<String> ids) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < ids.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append('"');
            for (char c : ids.get(i).toCharArray()) {
                if (c == '"' || c == '\\') {
                    json.append('\\');
                }
                if (c >= 0x20) {
                    json.append(c);
                }
            }
            json.append('"');
        }
        return json.append(']').toString();
    }
}
