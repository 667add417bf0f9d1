package com.evscallpro.core.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison of two versions, component by component (no database). */
class ScriptDiffTest {

    static final String OLDER = """
            {"type": "default", "components": [
              {"id": "Field_title", "type": "text", "text": "# Survey"},
              {"id": "Field_name", "type": "textfield", "key": "name", "label": "Name"},
              {"id": "Field_age", "type": "textfield", "key": "age", "label": "Age"},
              {"id": "Field_choice", "type": "radio", "key": "interested", "label": "Interested?",
               "values": [{"label": "Yes", "value": "yes"}, {"label": "No", "value": "no"}]},
              {"id": "Field_gone", "type": "textarea", "key": "notes", "label": "Notes"},
              {"id": "Field_group", "type": "group", "label": "Address", "components": [
                {"id": "Field_city", "type": "textfield", "key": "city", "label": "City"}]}]}""";
    static final String NEWER = """
            {"type": "default", "components": [
              {"id": "Field_title", "type": "text", "text": "# Energy survey"},
              {"id": "Field_name", "type": "textfield", "key": "fullName", "label": "Full name",
               "validate": {"required": true}},
              {"id": "Field_age", "type": "number", "key": "age", "label": "Age", "validate": {"min": 18}},
              {"id": "Field_choice", "type": "radio", "key": "interested", "label": "Interested?",
               "values": [{"label": "Yes", "value": "yes"}, {"label": "Maybe", "value": "maybe"}]},
              {"id": "Field_group", "type": "group", "label": "Address", "components": [
                {"id": "Field_city", "type": "textfield", "key": "city", "label": "Town"},
                {"id": "Field_zip", "type": "textfield", "key": "zip", "label": "Postcode"}]}]}""";

    private static List<String> lines(String older, String newer) {
        return ScriptDiff.between(older, newer).stream().map(c -> c.kind() + " " + c.component()
                + (c.property() == null ? "" : " " + c.property() + ": " + c.before() + " -> " + c.after())).toList();
    }

    @Test
    void every_change_is_listed_component_by_component() {
        assertThat(lines(OLDER, NEWER)).containsExactly(
                "CHANGED text text: # Survey -> # Energy survey",
                "CHANGED Full name label: Name -> Full name",
                "CHANGED Full name key: name -> fullName",
                "CHANGED Full name required: false -> true",
                "CHANGED Age type: textfield -> number",
                "CHANGED Age validation: null -> {\"min\":18}",
                "CHANGED Interested? options: [{\"label\":\"Yes\",\"value\":\"yes\"},{\"label\":\"No\",\"value\":\"no\"}]"
                        + " -> [{\"label\":\"Yes\",\"value\":\"yes\"},{\"label\":\"Maybe\",\"value\":\"maybe\"}]",
                "CHANGED Town label: City -> Town",
                "ADDED Postcode",
                "REMOVED Notes");
    }

    @Test
    void the_same_form_has_no_change_and_components_without_id_are_matched_by_key() {
        assertThat(lines(OLDER, OLDER)).isEmpty();
        assertThat(lines("""
                {"type": "default", "components": [{"type": "textfield", "key": "a", "label": "A"}]}""", """
                {"type": "default", "components": [{"type": "textfield", "key": "a", "label": "A",
                 "validate": {"required": true, "maxLength": 5}}]}""")).containsExactly(
                "CHANGED A required: false -> true", "CHANGED A validation: null -> {\"maxLength\":5}");
    }
}
