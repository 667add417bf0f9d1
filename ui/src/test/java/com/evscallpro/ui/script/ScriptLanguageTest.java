package com.evscallpro.ui.script;

import static org.assertj.core.api.Assertions.assertThat;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.when;

import com.evscallpro.ui.FakeVaadin;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.server.VaadinSession;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The agent's script viewer and the analysts' script editor get the UI's language when attached and again when the
 * UI's locale changes while they are shown ({@code lang}, form-js's own texts, its error texts): the browser draws
 * them again in it (evs-script-form.js, evs-script-editor.js: the date picker's format and names, the time picker's
 * clock, the editor's texts), so no reload is needed for the form to follow the language. The FR/EN switch reloads
 * the page, though: the answers typed for a call are kept in the browser session and shown again when the form is
 * shown again for the same call (and only for it).
 */
class ScriptLanguageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_viewer_follows_the_ui_s_language_when_attached_and_when_it_changes() {
        try (FakeVaadin vaadin = new FakeVaadin(Locale.FRENCH)) {
            ScriptForm form = new ScriptForm();
            vaadin.ui().add(form);
            assertThat(form.getElement().getProperty("lang")).isEqualTo("fr");
            assertThat(form.getElement().getProperty("chromeTexts")).contains("\"datePlaceholder\":\"jj/mm/aaaa\"")
                    .contains("\"select\":\"Sélectionner\"");
            assertThat(form.getElement().getProperty("errorTexts")).contains("\"required\":\"Ce champ est obligatoire.\"");

            vaadin.ui().setLocale(Locale.ENGLISH);
            assertThat(form.getElement().getProperty("lang")).isEqualTo("en");
            assertThat(form.getElement().getProperty("chromeTexts")).contains("\"datePlaceholder\":\"mm/dd/yyyy\"")
                    .contains("\"select\":\"Select\"");
            assertThat(form.getElement().getProperty("errorTexts")).contains("\"required\":\"This field is required.\"");
        }
    }

    @Test
    void the_editor_follows_the_ui_s_language_when_attached_and_when_it_changes() {
        try (FakeVaadin vaadin = new FakeVaadin(Locale.ENGLISH)) {
            ScriptEditor editor = new ScriptEditor();
            vaadin.ui().add(editor);
            assertThat(editor.getElement().getProperty("lang")).isEqualTo("en");
            assertThat(editor.getElement().getProperty("chromeTexts")).contains("\"select\":\"Select\"");

            vaadin.ui().setLocale(Locale.FRENCH);
            assertThat(editor.getElement().getProperty("lang")).isEqualTo("fr");
            assertThat(editor.getElement().getProperty("chromeTexts")).contains("\"select\":\"Sélectionner\"");
        }
    }

    @Test
    void a_form_shown_again_for_the_same_call_shows_the_answers_typed_so_far_and_another_call_starts_over()
            throws Exception {
        try (FakeVaadin vaadin = new FakeVaadin(Locale.FRENCH)) {
            Map<String, Object> attributes = new HashMap<>();
            VaadinSession session = VaadinSession.getCurrent();
            doAnswer(i -> attributes.put(i.getArgument(0), i.getArgument(1))).when(session)
                    .setAttribute(anyString(), any());
            when(session.getAttribute(anyString())).thenAnswer(i -> attributes.get(i.<String>getArgument(0)));
            String schema = "{\"type\": \"default\", \"components\": []}";
            Map<String, Object> prefill = Map.of("contact", Map.of("firstName", "Paula", "lastName", "Script"));

            ScriptForm before = new ScriptForm();
            vaadin.ui().add(before);
            before.show(schema, prefill, "call-1");
            Method onAnswers = ScriptForm.class.getDeclaredMethod("onAnswers", String.class);
            onAnswers.setAccessible(true);
            onAnswers.invoke(before, "{\"contact\": {\"firstName\": \"Paule\"}, \"callback\": "
                    + "\"2026-03-20T14:30+01:00\", \"offer\": null}");

            // the page reloaded (a new view, a new form) during the same call
            ScriptForm after = new ScriptForm();
            vaadin.ui().add(after);
            after.show(schema, prefill, "call-1");
            assertThat(JSON.readTree(after.getElement().getProperty("data"))).isEqualTo(JSON.readTree(
                    "{\"contact\": {\"firstName\": \"Paule\", \"lastName\": \"Script\"},"
                    + " \"callback\": \"2026-03-20T14:30+01:00\", \"offer\": null}"));
            // the next call starts over; so does a form shown for no call
            after.show(schema, prefill, "call-2");
            assertThat(JSON.readTree(after.getElement().getProperty("data")))
                    .isEqualTo(JSON.readTree("{\"contact\": {\"firstName\": \"Paula\", \"lastName\": \"Script\"}}"));
            after.show(schema, prefill);
            assertThat(after.getElement().getProperty("data")).doesNotContain("Paule");
        }
    }
}
