package com.evscallpro.ui.script;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.server.VaadinSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent script filled in during a call: the form-js viewer ({@code evs-script-form.js}) showing a published
 * schema prefilled with {@link #setData(Map) data} (the contact's fields). The browser sends the form's values after
 * each change; {@link #answers()} is what the agent sees, given with the qualification.
 */
@Tag("evs-script-form")
@NpmPackage(value = "@bpmn-io/form-js-viewer", version = "1.19.0")
@NpmPackage(value = "preact", version = "10.29.8")
// form-js's date picker; its French names come from its own l10n (evs-script-viewer-i18n.js)
@NpmPackage(value = "flatpickr", version = "4.6.13")
@JsModule("./evs-script-form.js")
// imported by evs-script-form.js and evs-script-editor.js; named here too so that editing it makes the build say the
// production bundle must be rebuilt (Vaadin hashes only the modules it is given)
@JsModule("./evs-script-viewer-i18n.js")
public class ScriptForm extends Component implements HasSize, LocaleChangeObserver {

    private static final Logger log = LoggerFactory.getLogger(ScriptForm.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** form-js's own field errors, given in the UI's language (evs-script-form.js maps form-js's English ones). */
    static final List<String> ERROR_TEXTS = List.of("required", "minLength", "maxLength", "min", "max", "pattern",
            "phone", "email", "notANumber", "integer", "decimals", "increment");
    /** Those of them that carry form-js's values ({0}, {1}). */
    static final Set<String> ERROR_TEXTS_WITH_VALUES = Set.of("minLength", "maxLength", "min", "max", "pattern",
            "decimals", "increment");

    /**
     * form-js's own texts around the fields (evs-script-viewer-i18n.js puts them where form-js renders its English
     * ones), and its date picker's (the placeholder giving the format typed, the calendar's month and year inputs).
     */
    static final List<String> CHROME_TEXTS = List.of("select", "search", "noResults", "allSelected", "removeTag",
            "browse", "noFiles", "filesSelected", "skipToSearch", "nothingToShow", "pageOf", "previousPage", "nextPage",
            "sortDescending", "sortAscending", "sortRemove", "increment", "decrement", "removeListItem", "download",
            "datePlaceholder", "calendarMonth", "calendarYear");
    /** Those of them that carry form-js's values ({0}). */
    static final Set<String> CHROME_TEXTS_WITH_VALUES = Set.of("filesSelected", "sortDescending", "sortAscending",
            "removeListItem", "download");

    private Map<String, Object> answers = Map.of();
    private String importFailure;
    /** The call the form is shown for (its answers are kept in the session: {@link #show(String, Map, String)}). */
    private String callId;
    private java.util.function.Consumer<Map<String, Object>> answersListener = a -> { };

    /**
     * The UI's language, given to the browser when the form is attached and again when the UI's locale changes while
     * it is shown: form-js's error texts and own texts, and {@code lang}, on which evs-script-form.js draws the form
     * again in that language (the date picker's format and names, the time picker's clock) with what was typed so far.
     */
    @Override
    public void localeChange(LocaleChangeEvent event) {
        Map<String, String> texts = new LinkedHashMap<>();
        // the placeholders go through as they are: the browser puts form-js's values in them
        ERROR_TEXTS.forEach(k -> texts.put(k, ERROR_TEXTS_WITH_VALUES.contains(k)
                ? getTranslation(event.getLocale(), "script.form.error." + k, "{0}", "{1}")
                : getTranslation(event.getLocale(), "script.form.error." + k)));
        try {
            getElement().setProperty("errorTexts", JSON.writeValueAsString(texts));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        setViewerTexts(this, event.getLocale());
    }

    /**
     * Gives a component drawing form-js's viewer components (this viewer, the editor's canvas) the UI's language
     * ({@code lang}) and form-js's own texts in it ({@code chromeTexts}, read by evs-script-viewer-i18n.js).
     */
    static void setViewerTexts(Component component, Locale locale) {
        Map<String, String> chrome = new LinkedHashMap<>();
        // the placeholders go through as they are: the browser puts form-js's values in them
        CHROME_TEXTS.forEach(k -> chrome.put(k, CHROME_TEXTS_WITH_VALUES.contains(k)
                ? component.getTranslation(locale, "script.form.viewer." + k, "{0}")
                : component.getTranslation(locale, "script.form.viewer." + k)));
        try {
            component.getElement().setProperty("chromeTexts", JSON.writeValueAsString(chrome));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        component.getElement().setProperty("lang", locale.getLanguage());
    }

    /** Shows the schema (JSON) prefilled with {@code data}; the answers start over. */
    public void show(String schemaJson, Map<String, Object> data) {
        show(schemaJson, data, null);
    }

    /**
     * Shows the schema (JSON) for the call {@code callId}, prefilled with {@code data} and with what the agent had
     * answered for that call in this browser session (a page reloaded during the call, e.g. by the FR/EN switch, shows
     * the answers typed so far again, now in the new language); for another call the answers start over.
     */
    public void show(String schemaJson, Map<String, Object> data, String callId) {
        answers = Map.of();
        importFailure = null;
        this.callId = callId;
        Map<String, Object> shown = data == null ? Map.of() : data;
        Kept kept = kept();
        if (callId != null && kept != null && callId.equals(kept.callId())) {
            shown = merged(shown, kept.answers());
        }
        try {
            getElement().setProperty("data", JSON.writeValueAsString(shown));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Script data is not JSON", e);
        }
        getElement().setProperty("schema", schemaJson);
    }

    /** The last answers sent by a form shown for a call, in this browser session (one call's: an agent's own). */
    record Kept(String callId, Map<String, Object> answers) implements java.io.Serializable {
    }

    static final String KEPT = ScriptForm.class.getName() + ".kept";

    private static Kept kept() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null || !(session.getAttribute(KEPT) instanceof Kept k) ? null : k;
    }

    /** {@code data} with {@code answers} over it, nested maps merged (the prefill a field does not show is kept). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merged(Map<String, Object> data, Map<String, Object> answers) {
        Map<String, Object> out = new LinkedHashMap<>(data);
        answers.forEach((k, v) -> out.put(k, out.get(k) instanceof Map<?, ?> was && v instanceof Map<?, ?> now
                ? merged((Map<String, Object>) was, (Map<String, Object>) now) : v));
        return out;
    }

    /** The form's current values (nested as the field keys say: {@code contact.firstName} under {@code contact}). */
    public Map<String, Object> answers() {
        return answers;
    }

    /** Told the form's values each time the browser sends them (the agent typed, or the form was shown). */
    public void setAnswersListener(java.util.function.Consumer<Map<String, Object>> listener) {
        answersListener = listener == null ? a -> { } : listener;
    }

    /**
     * Shows the fields' errors in the form (form-js's own {@code validate()}: "Ce champ est obligatoire." under an
     * empty required field...), after the server refused the answers; the agent sees which fields to correct.
     */
    public void showErrors() {
        getElement().executeJs("if (this._form) { this._form.validate(); }");
    }

    /** Why the browser could not show the schema, or null. */
    public String importFailure() {
        return importFailure;
    }

    @ClientCallable
    private void onAnswers(String json) {
        try {
            answers = JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
            VaadinSession session = VaadinSession.getCurrent();
            if (callId != null && session != null) {
                session.setAttribute(KEPT, new Kept(callId, answers));
            }
            answersListener.accept(answers);
        } catch (JsonProcessingException e) {
            log.warn("Script answers from the browser are not a JSON object: {}", e.getOriginalMessage());
        }
    }

    @ClientCallable
    private void onImportFailed(String reason) {
        importFailure = reason;
        log.warn("Agent script could not be shown: {}", reason);
    }
}
