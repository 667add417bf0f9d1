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
 * <p>
 * As the analyst edits, bpmnlint checks the model in the browser ({@code evs-flow-lint.js}): the engine's rules
 * (bpmnlint-plugin-camunda-compat, camunda-cloud-8-8) and ours, the twins of {@code core.flow.FlowLint}
 * ({@code evs-bpmnlint-rules.js}), given their facts and texts by the server ({@link #setLintFacts},
 * {@link #setLintTexts}); each problem is outlined and counted on its element and listed below the canvas (a click
 * selects the element). The palette and the replace menus offer only what our engine and workers run
 * ({@link #setKind}). bpmnlint 11.15.0: 12.0.0 needs {@code @bpmn-io/lint-core}, which the registry we reach lacks.
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
@NpmPackage(value = "bpmnlint", version = "11.15.0")
@NpmPackage(value = "bpmnlint-plugin-camunda-compat", version = "2.61.0")
@JsModule("./evs-bpmn-modeler.js")
// imported by evs-bpmn-modeler.js (and by one another); named here too so that editing one of them alone makes the
// build say the production bundle must be rebuilt: Vaadin hashes (config/stats.json, frontendHashes) only the
// add-on modules it is given, not what they import (docs/flow-editor.md)
@JsModule("./evs-bpmn-translations.js")
@JsModule("./evs-flow-lint.js")
@JsModule("./evs-bpmnlint-config.js")
@JsModule("./evs-bpmnlint-rules.js")
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

    /** The flow's kind ({@code IVR}, {@code OUTBOUND_CALL}): which rules apply and which elements the palette offers. */
    public void setKind(String kind) {
        getElement().setProperty("kind", kind);
    }

    /** The live check's facts (JSON: job types, required inputs, prompt names; {@code FlowLintFacts}). */
    public void setLintFacts(String factsJson) {
        getElement().setProperty("lintFacts", factsJson);
    }

    /** The live check's texts in the analyst's language (JSON: code → text with {0}, {1}…). */
    public void setLintTexts(String textsJson) {
        getElement().setProperty("lintTexts", textsJson);
    }

    /** Asks the browser for the current XML; it arrives in the {@link #setSaveListener(Consumer)} listener. */
    public void requestSave() {
        getElement().callJsFunction("save");
    }

    /** Marks elements on the diagram: {@code error} (validation) or {@code path} (a call's path). */
    public void mark(String kind, List<String> elementIds) {
        getElement().callJsFunction("mark", kind, toJson(elementIds));
    }

    /**
     * Draws a call's path: the elements of its journey in order; the flows and gateways between them are found on
     * the diagram. An empty list clears it.
     */
    public void path(List<String> elementIds) {
        getElement().callJsFunction("path", toJson(elementIds));
    }

    /**
     * The heat map: per element, how many calls went through it and how many callers hung up there
     * ({@code calls}, {@code hangups}); an empty map clears it.
     */
    public void traffic(java.util.Map<String, long[]> callsAndHangups, String hangupLabel) {
        StringBuilder json = new StringBuilder("{");
        callsAndHangups.forEach((id, n) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(quoted(id)).append(":{\"calls\":").append(n[0]).append(",\"hangups\":").append(n[1]).append('}');
        });
        getElement().callJsFunction("traffic", json.append('}').toString(), hangupLabel);
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
        return "[" + String.join(",", ids.stream().map(BpmnModeler::quoted).toList()) + "]";
    }

    /** A JSON string (control characters dropped: element ids have none). */
    static String quoted(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\');
            }
            if (c >= 0x20) {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }
}
