package com.evscallpro.core.script;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The server's check of an agent's answers against the form-js schema they were given for: the rules a field's
 * {@code validate} carries ({@code required}, {@code minLength} / {@code maxLength}, {@code pattern}, {@code min} /
 * {@code max}, {@code validationType} email / phone), as the form-js 1.19 viewer applies them. The browser's viewer
 * shows the same errors, but the server must not trust it (the agent REST API takes answers too).
 * <p>Left to the browser, on purpose: a field with a {@code conditional} (its FEEL condition may hide it, and form-js
 * leaves hidden fields out of the answers), a {@code disabled} field (form-js does not validate it either), a rule
 * written as a FEEL expression ({@code "=..."}), and the fields inside a dynamic list (an array of items).
 */
public final class ScriptAnswersCheck {

    /** form-js 1.19's own patterns for {@code validationType} (Validator.js), so both sides agree. */
    private static final Pattern EMAIL = Pattern.compile("^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9]"
            + "(?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$");
    private static final Pattern PHONE = Pattern.compile("^(\\+|00)[1-9][0-9]{6,20}$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScriptAnswersCheck() {
    }

    /**
     * The problems of {@code answers} (nested by dotted keys, as form-js submits them) against {@code schemaJson}:
     * {@code script.answer-required} (label) for an empty required field when {@code requireFilled}; for a value given
     * that breaks a rule, whatever {@code requireFilled} says: {@code script.answer-too-short} / {@code -too-long}
     * (label, length), {@code script.answer-pattern} (label, pattern), {@code script.answer-email} /
     * {@code -phone} / {@code -not-a-number} (label), {@code script.answer-below-min} / {@code -above-max} (label,
     * limit). Empty when the answers are fine.
     */
    public static List<SchemaProblem> problems(String schemaJson, Map<String, Object> answers, boolean requireFilled) {
        JsonNode root;
        try {
            root = JSON.readTree(schemaJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored script schema is not JSON", e);
        }
        List<SchemaProblem> problems = new ArrayList<>();
        check(root.path("components"), "", answers == null ? Map.of() : answers, requireFilled, problems);
        return problems;
    }

    private static void check(JsonNode components, String prefix, Map<String, Object> answers, boolean requireFilled,
                              List<SchemaProblem> problems) {
        for (JsonNode c : components) {
            String type = c.path("type").asText("");
            if ("dynamiclist".equals(type) || c.has("conditional") || c.path("disabled").asBoolean(false)) {
                continue;
            }
            if ("group".equals(type)) {
                String path = c.path("path").asText("");
                check(c.path("components"), path.isEmpty() ? prefix : prefix + path + ".", answers, requireFilled,
                        problems);
                continue;
            }
            if (!c.hasNonNull("key") || !c.has("validate") && !"number".equals(type)) {
                continue;
            }
            field(c, type, value(answers, prefix + c.path("key").asText()), requireFilled, problems);
        }
    }

    private static void field(JsonNode c, String type, Object value, boolean requireFilled,
                              List<SchemaProblem> problems) {
        JsonNode v = c.path("validate");
        String label = label(c);
        boolean empty = value == null || "".equals(value) || value instanceof Collection<?> l && l.isEmpty()
                || "checkbox".equals(type) && Boolean.FALSE.equals(value);
        if (empty) {
            if (requireFilled && v.path("required").asBoolean(false)) {
                problems.add(SchemaProblem.of("script.answer-required", label));
            }
            return;
        }
        if (value instanceof String s) {
            String trimmed = s.strip();
            Integer min = limit(v, "minLength");
            Integer max = limit(v, "maxLength");
            if (min != null && trimmed.length() < min) {
                problems.add(SchemaProblem.of("script.answer-too-short", label, min));
            }
            if (max != null && trimmed.length() > max) {
                problems.add(SchemaProblem.of("script.answer-too-long", label, max));
            }
            String pattern = v.path("pattern").asText("");
            if (!pattern.isEmpty() && !matches(pattern, s)) {
                problems.add(SchemaProblem.of("script.answer-pattern", label, pattern));
            }
            String validationType = v.path("validationType").asText("");
            if ("email".equals(validationType) && !EMAIL.matcher(s).matches()) {
                problems.add(SchemaProblem.of("script.answer-email", label));
            }
            if ("phone".equals(validationType) && !PHONE.matcher(s).matches()) {
                problems.add(SchemaProblem.of("script.answer-phone", label));
            }
        }
        if ("number".equals(type)) {
            BigDecimal number = number(value);
            if (number == null) {
                problems.add(SchemaProblem.of("script.answer-not-a-number", label));
                return;
            }
            BigDecimal min = decimal(v, "min");
            BigDecimal max = decimal(v, "max");
            if (min != null && number.compareTo(min) < 0) {
                problems.add(SchemaProblem.of("script.answer-below-min", label, min.toPlainString()));
            }
            if (max != null && number.compareTo(max) > 0) {
                problems.add(SchemaProblem.of("script.answer-above-max", label, max.toPlainString()));
            }
        }
    }

    /** The value at a dotted path of the nested answers ({@code contact.firstName} under {@code contact}). */
    @SuppressWarnings("unchecked")
    private static Object value(Map<String, Object> answers, String dotted) {
        Object current = answers;
        for (String part : dotted.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = ((Map<String, Object>) map).get(part);
        }
        return current;
    }

    /** A whole-value match, as form-js's {@code new RegExp(pattern).test(value)} with an anchored pattern. */
    private static boolean matches(String pattern, String value) {
        try {
            return Pattern.compile(pattern).matcher(value).find();
        } catch (PatternSyntaxException e) {
            return true; // a pattern Java cannot read (JavaScript-only syntax): the browser's check stands
        }
    }

    private static Integer limit(JsonNode v, String name) {
        JsonNode n = v.path(name);
        return n.isNumber() ? n.asInt() : null; // "=..." (FEEL) is left to the browser
    }

    private static BigDecimal decimal(JsonNode v, String name) {
        JsonNode n = v.path(name);
        return n.isNumber() ? n.decimalValue() : null;
    }

    private static BigDecimal number(Object value) {
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        try {
            return new BigDecimal(value.toString().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String label(JsonNode c) {
        String label = c.path("label").asText("");
        return label.isBlank() ? c.path("key").asText() : label;
    }
}
