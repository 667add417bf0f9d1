package com.evscallpro.sandbox;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.script.ScriptService;
import com.evscallpro.core.script.ScriptView;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The form-js editor of agent scripts in the analyst's language, in a real Chromium: a French analyst sees the palette,
 * the canvas and the properties panel of a selected text field in French (and none of form-js's English texts: the
 * page is read against the list of the editor's English texts, {@code form-editor-english.txt}), the panel's
 * validation message in French, searches the palette in French, and a dropped field gets a French label in the schema;
 * the viewer's components the canvas draws the fields with (a select's placeholder, a number's arrows, a date
 * picker's calendar, a time picker's 24-hour clock) speak French too; an English analyst sees form-js's English.
 */
class ScriptEditorLanguageBrowserTest {

    private static final LocatorAssertions.IsVisibleOptions VISIBLE =
            new LocatorAssertions.IsVisibleOptions().setTimeout(30_000);
    private static final Path ENGLISH = Path.of("../ui/src/test/resources/script/form-editor-english.txt");
    /** English texts that are the same words in French (or names), so finding them proves nothing. */
    private static final Set<String> SAME_IN_FRENCH = Set.of("Action", "Auto", "Condition", "Expression", "ID",
            "Maximum", "Minimum", "Pagination", "Type", "URL", "Validation", "Date", "Erika Muller");

    @RegisterExtension
    static final BrowserSessionExtension browser = new BrowserSessionExtension();

    private final SandboxTestContext stack = SandboxTestContext.get();

    private Page open(String language, String suffix) {
        ScriptView script = stack.bean(ScriptService.class).create("Langue " + language + " " + suffix, null, """
                {"type": "default", "components": [
                  {"type": "textfield", "id": "Field_lang", "key": "question", "label": "Question"},
                  {"type": "number", "id": "Field_num", "key": "age", "label": "Number"},
                  {"type": "select", "id": "Field_sel", "key": "choice", "label": "Choix",
                   "values": [{"label": "Oui", "value": "yes"}]},
                  {"type": "datetime", "id": "Field_dt", "key": "when", "subtype": "date", "dateLabel": "Quand"},
                  {"type": "datetime", "id": "Field_dtt", "key": "rdv", "subtype": "datetime", "dateLabel": "Jour",
                   "timeLabel": "Heure", "timeSerializingFormat": "utc_offset", "timeInterval": 15},
                  {"type": "checkbox", "id": "Field_cb", "key": "agreed", "label": "D'accord"},
                  {"type": "group", "id": "Field_grp", "label": "Bloc", "components": []},
                  {"type": "radio", "id": "Field_rad", "key": "pick", "label": "Choix 2",
                   "values": [{"label": "Non", "value": "no"}]},
                  {"type": "dynamiclist", "id": "Field_dyn", "path": "items", "label": "Liste", "components": []},
                  {"type": "text", "id": "Field_txt", "text": "# Bonjour"}]}""", null);
        String username = "script-lang-" + language + "-" + suffix;
        stack.bean(UserAccountService.class).create(username, username + "-pw", username, UserAccount.Role.ANALYST,
                null, language);
        Page page = browser.session().signIn(username, username + "-pw");
        page.navigate(browser.session().base() + "scripts/" + script.id());
        assertThat(page.locator("#script-editor .fjs-editor-container")).isVisible(VISIBLE);
        return page;
    }

    /** Selects a field of the form: the properties panel shows its entries, every group opened. */
    private static void selectTheField(Locator editor, String id) {
        Locator panel = editor.locator(".fjs-properties-panel[data-field='" + id + "']");
        if (panel.count() == 0) { // a click on the selected field would unselect it
            editor.locator(".fjs-element[data-id='" + id + "']").first().click(
                    new Locator.ClickOptions().setPosition(4, 4));
        }
        assertThat(panel).isVisible(VISIBLE);
        Locator closed = editor.locator(".bio-properties-panel-group-header:not(.open)");
        for (int i = closed.count() - 1; i >= 0; i--) {
            closed.nth(i).click();
        }
    }

    /** Every text of the editor's palette, hints and properties panel (text nodes, titles, placeholders, aria-labels). */
    @SuppressWarnings("unchecked")
    private static List<String> shownTexts(Locator editor) {
        return (List<String>) editor.evaluate("""
                root => {
                  const out = [];
                  const parts = ['.fjs-palette-container', '.fjs-properties-container', '.fjs-empty-component',
                      '.fjs-empty-editor', '.fjs-context-pad'];
                  for (const part of root.querySelectorAll(parts.join(', '))) {
                    const walker = document.createTreeWalker(part, NodeFilter.SHOW_TEXT);
                    while (walker.nextNode()) {
                      // not what the analyst typed (the FEEL and template editors' content)
                      if (walker.currentNode.parentElement.closest('[contenteditable="true"], .cm-content')) continue;
                      const t = walker.currentNode.nodeValue.trim(); if (t) out.push(t);
                    }
                    for (const el of part.querySelectorAll('[title], [placeholder], [aria-label]')) {
                      for (const a of ['title', 'placeholder', 'aria-label']) {
                        const v = el.getAttribute(a); if (v && v.trim()) out.push(v.trim());
                      }
                    }
                  }
                  return out;
                }""");
    }

    @Test
    void a_french_analyst_sees_the_form_editor_in_french_and_a_dropped_field_gets_a_french_label() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Page page = open("fr", suffix);
        Locator editor = page.locator("#script-editor");

        // the palette
        assertThat(editor.locator(".fjs-palette-header")).hasText("Composants");
        assertThat(editor.locator("input.fjs-palette-search")).hasAttribute("placeholder", "Rechercher un composant");
        Locator groups = editor.locator(".fjs-palette-group-title");
        assertThat(groups.first()).hasText("Saisie");
        assertThat(groups).containsText(new String[] {"Saisie", "Sélection", "Présentation", "Conteneurs"});
        Locator textfield = editor.locator(".fjs-palette-field[data-field-type='textfield']");
        assertThat(textfield.locator(".fjs-palette-field-text")).hasText("Champ texte");
        assertThat(textfield).hasAttribute("title", "Créer un élément « Champ texte »");
        assertThat(editor.locator(".fjs-palette-field[data-field-type='checkbox'] .fjs-palette-field-text"))
                .hasText("Case à cocher");
        assertThat(editor.locator(".fjs-palette-container")).not().containsText("Components");
        assertThat(editor.locator(".fjs-palette-container")).not().containsText("Text field");

        // the canvas draws the analyst's fields with form-js's viewer components: their own texts are French too (as
        // in the agent's viewer), the date picker's calendar included (built hidden: the canvas's fields are inert)
        assertThat(editor.locator(".fjs-element[data-id='Field_sel'] .fjs-select-display")).hasText("Sélectionner");
        assertThat(editor.locator(".fjs-element[data-id='Field_num'] .fjs-number-arrow-up"))
                .hasAttribute("aria-label", "Augmenter");
        Locator date = editor.locator(".fjs-element[data-id='Field_dt']");
        assertThat(date.locator("input.fjs-input")).hasAttribute("placeholder", "jj/mm/aaaa");
        assertThat(date.locator(".flatpickr-weekday").first()).hasText("lun");
        assertThat(date.locator("select.flatpickr-monthDropdown-months option[value='0']")).hasText("janvier");
        // a time as French agents see it: 24-hour, although the field leaves form-js's 12-hour default
        assertThat(editor.locator(".fjs-element[data-id='Field_dtt'] .fjs-timepicker input"))
                .hasAttribute("placeholder", "hh:mm");

        // the properties panel of the selected text field
        selectTheField(editor, "Field_lang");
        Locator panel = editor.locator(".fjs-properties-panel");
        assertThat(panel.locator(".bio-properties-panel-header-type")).hasText("Champ texte", ignoringCase());
        assertThat(panel.locator(".bio-properties-panel-group-header-title", new Locator.LocatorOptions()
                .setHasText("Général"))).isVisible();
        assertThat(panel.locator(".bio-properties-panel-group-header-title", new Locator.LocatorOptions()
                .setHasText("Validation"))).isVisible();
        assertThat(panel.locator("label[for='bio-properties-panel-label']")).hasText("Libellé du champ");
        assertThat(panel.locator("label[for='bio-properties-panel-key']")).hasText("Clé");
        assertThat(panel.locator("[data-entry-id='key'] .bio-properties-panel-description"))
                .hasText("Lie le champ à une variable du formulaire");
        assertThat(panel).containsText("Obligatoire");
        for (String english : List.of("General", "Field label", "Binds to a form variable", "Required")) {
            assertThat(panel).not().containsText(english);
        }
        // the selected field's context pad (its title is built from the field type's name)
        assertThat(editor.locator(".fjs-element[data-id='Field_lang'] .fjs-context-pad-item"))
                .hasAttribute("title", "Supprimer « Champ texte »");
        // the analyst's own texts stay as written: the canvas shows the field's label, the panel its value
        assertThat(editor.locator(".fjs-form-field-textfield label").first()).hasText("Question");
        // even one that is an English text of the editor ("Number", the number field's type): the form is theirs
        assertThat(editor.locator(".fjs-element[data-id='Field_num'] .fjs-form-field-label").first())
                .hasText("Number");

        // nothing of the editor's English left in the palette, the canvas's hints and the panel of each kind of
        // field, every group open
        List<String> english = Files.readAllLines(ENGLISH, StandardCharsets.UTF_8).stream()
                .map(t -> t.replace("\\n", "\n")).toList();
        List<String> left = new ArrayList<>();
        for (String id : List.of("Field_lang", "Field_num", "Field_sel", "Field_dt", "Field_dtt", "Field_cb",
                "Field_rad", "Field_txt", "Field_dyn", "Field_grp")) {
            selectTheField(editor, id);
            for (String shown : shownTexts(editor)) {
                if (english.contains(shown) && !SAME_IN_FRENCH.contains(shown)) {
                    left.add(id + ": " + shown);
                }
            }
        }
        assertThat(left).as("form-js English texts shown to a French analyst").isEmpty();
        // the 24-hour setting of a time says that French is always 24-hour
        selectTheField(editor, "Field_dtt");
        assertThat(panel).containsText("Format 24 h en anglais (toujours 24 h en français)");
        // the empty group's hint
        assertThat(editor.locator(".fjs-empty-component-text").first()).hasText("Glissez-déposez des composants ici.");
        selectTheField(editor, "Field_lang");

        // a validation message of the panel, in French
        Locator key = panel.locator("#bio-properties-panel-key");
        key.fill("bad key");
        assertThat(panel.locator("[data-entry-id='key'] .bio-properties-panel-error"))
                .hasText("Doit être une variable ou un chemin séparé par des points.");
        key.fill("question");
        assertThat(panel.locator("[data-entry-id='key'] .bio-properties-panel-error")).isHidden();

        // the palette is searched in French
        editor.locator("input.fjs-palette-search").fill("case");
        assertThat(editor.locator(".fjs-palette-field[data-field-type='checkbox']")).isVisible();
        assertThat(textfield).isHidden();
        editor.locator("input.fjs-palette-search").fill("");
        assertThat(textfield).isVisible();

        // a dropped field's default label is French, in the canvas and in the schema sent to the server
        Locator fields = editor.locator(".fjs-form-field-textfield");
        editor.locator(".fjs-drag-row-move").last().scrollIntoViewIfNeeded(); // the form is taller than the page
        AgentScriptBrowserTest.dropBelowTheLastRow(page, editor, textfield, fields, 2);
        assertThat(fields).hasCount(2);
        assertThat(fields.nth(1).locator("label")).hasText("Champ texte");
        String schema = (String) editor.evaluate("el => el._current()");
        assertThat(schema).contains("\"label\": \"Champ texte\"").doesNotContain("\"Text field\"");
        assertThat(browser.session().cspViolations).as("CSP violations").isEmpty();
    }

    @Test
    void an_english_analyst_sees_form_js_english() {
        Page page = open("en", UUID.randomUUID().toString().substring(0, 6));
        Locator editor = page.locator("#script-editor");
        assertThat(editor.locator(".fjs-palette-header")).hasText("Components");
        assertThat(editor.locator("input.fjs-palette-search")).hasAttribute("placeholder", "Search components");
        assertThat(editor.locator(".fjs-palette-field[data-field-type='textfield'] .fjs-palette-field-text"))
                .hasText("Text field");
        // the viewer's components in the canvas: form-js's English, the calendar's weeks from Sunday
        assertThat(editor.locator(".fjs-element[data-id='Field_sel'] .fjs-select-display")).hasText("Select");
        Locator date = editor.locator(".fjs-element[data-id='Field_dt']");
        assertThat(date.locator(".flatpickr-weekday").first()).hasText("Sun");
        assertThat(date.locator("select.flatpickr-monthDropdown-months option[value='0']")).hasText("January");
        // the date in the language's format (the browser's is en-US here too), a time in the field's own clock
        assertThat(date.locator("input.fjs-input")).hasAttribute("placeholder", "mm/dd/yyyy");
        assertThat(editor.locator(".fjs-element[data-id='Field_dtt'] .fjs-timepicker input"))
                .hasAttribute("placeholder", "hh:mm --");
        selectTheField(editor, "Field_lang");
        Locator panel = editor.locator(".fjs-properties-panel");
        assertThat(panel.locator("label[for='bio-properties-panel-label']")).hasText("Field label");
        assertThat(panel.locator("label[for='bio-properties-panel-key']")).hasText("Key");
        assertThat(panel).not().containsText("Général");
        assertThat(editor.locator(".fjs-palette-container")).not().containsText("Composants");
    }

    private static LocatorAssertions.HasTextOptions ignoringCase() {
        return new LocatorAssertions.HasTextOptions().setIgnoreCase(true);
    }
}
