package com.evscallpro.core.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The answers' check against a schema's rules, as the form-js viewer applies them (no database). */
class ScriptAnswersCheckTest {

    static final String FORM = """
            {"type": "default", "components": [
              {"type": "textfield", "key": "email", "label": "E-mail",
               "validate": {"required": true, "validationType": "email"}},
              {"type": "textfield", "key": "contract", "label": "Contract",
               "validate": {"pattern": "^C-[0-9]{6}$", "minLength": 8, "maxLength": 8}},
              {"type": "number", "key": "households", "label": "Households", "validate": {"min": 1, "max": 20}},
              {"type": "checkbox", "key": "consent", "label": "Consent", "validate": {"required": true}},
              {"type": "checklist", "key": "topics", "label": "Topics", "validate": {"required": true},
               "values": [{"label": "A", "value": "a"}]},
              {"type": "group", "label": "Address", "path": "address", "components": [
                {"type": "textfield", "key": "city", "label": "City", "validate": {"required": true}}]},
              {"type": "textfield", "key": "why", "label": "Why", "validate": {"required": true},
               "conditional": {"hide": "=consent"}},
              {"type": "textfield", "key": "locked", "label": "Locked", "disabled": true,
               "validate": {"required": true}},
              {"type": "textfield", "key": "feel", "label": "Feel", "validate": {"minLength": "=3"}}]}""";

    private static List<String> codes(Map<String, Object> answers, boolean requireFilled) {
        return ScriptAnswersCheck.problems(FORM, answers, requireFilled).stream()
                .map(p -> p.code() + " " + p.args()).toList();
    }

    private static Map<String, Object> valid() {
        return Map.of("email", "ann@example.org", "contract", "C-123456", "households", 3, "consent", true,
                "topics", List.of("a"), "address", Map.of("city", "Lyon"));
    }

    @Test
    void complete_answers_pass() {
        assertThat(codes(valid(), true)).isEmpty();
    }

    @Test
    void every_empty_required_field_is_named_by_its_label_when_required_fields_count() {
        assertThat(codes(Map.of("consent", false, "topics", List.of(), "email", ""), true)).containsExactly(
                "script.answer-required [E-mail]", "script.answer-required [Consent]",
                "script.answer-required [Topics]", "script.answer-required [City]");
        // a conditional, a disabled field and a FEEL rule are the browser's: never refused here
        assertThat(codes(Map.of(), false)).isEmpty();
    }

    @Test
    void what_is_given_must_follow_its_rules_even_when_required_fields_do_not_count() {
        Map<String, Object> bad = new java.util.HashMap<>(valid());
        bad.put("email", "not-an-email");
        bad.put("contract", "X-1");
        bad.put("households", 21);
        assertThat(codes(bad, false)).containsExactly("script.answer-email [E-mail]",
                "script.answer-too-short [Contract, 8]", "script.answer-pattern [Contract, ^C-[0-9]{6}$]",
                "script.answer-above-max [Households, 20]");
        bad.put("households", "0");
        bad.put("contract", "C-1234567");
        assertThat(codes(bad, false)).contains("script.answer-below-min [Households, 1]",
                "script.answer-too-long [Contract, 8]");
        bad.put("households", "three");
        assertThat(codes(bad, false)).contains("script.answer-not-a-number [Households]");
    }
}
