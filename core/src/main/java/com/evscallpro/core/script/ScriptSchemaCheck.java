package com.evscallpro.core.script;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The server's check of a form-js schema (Camunda Forms JSON) before it is stored: valid JSON of at most
 * {@link #MAX_BYTES} bytes, a form ({@code type: "default"}) with a {@code components} array, every component of a
 * type agents' screens support (nested in groups and dynamic lists too), field keys well formed and unique. The
 * browser's editor cannot be trusted (the REST API takes schemas too), so nothing else is stored.
 */
public final class ScriptSchemaCheck {

    /** A script of a few hundred fields stays far below; a pasted image or a runaway file does not. */
    public static final int MAX_BYTES = 256 * 1024;
    public static final int MAX_COMPONENTS = 500;

    /**
     * The form-js component types the agent's viewer renders. Left out on purpose: {@code button} (the agent submits
     * by qualifying the call), {@code iframe} (a foreign page inside the agent's screen), {@code filepicker} and
     * {@code documentPreview} (no file storage for scripts).
     */
    public static final Set<String> KNOWN_TYPES = Set.of("textfield", "textarea", "number", "datetime", "checkbox",
            "checklist", "radio", "select", "taglist", "text", "html", "image", "spacer", "separator", "group",
            "dynamiclist", "expression", "table");
    /** Types whose {@code key} holds a value (the answer). */
    private static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "datetime", "checkbox",
            "checklist", "radio", "select", "taglist", "expression");
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,99}(\\.[A-Za-z_][A-Za-z0-9_]{0,99}){0,4}");

    private static final ObjectMapper JSON = new ObjectMapper();

    private ScriptSchemaCheck() {
    }

    /** The problems of {@code schemaJson}; empty when it can be stored. */
    public static List<SchemaProblem> problems(String schemaJson) {
        List<SchemaProblem> problems = new ArrayList<>();
        if (schemaJson == null || schemaJson.isBlank()) {
            problems.add(SchemaProblem.of("script.schema-empty"));
            return problems;
        }
        int bytes = schemaJson.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            problems.add(SchemaProblem.of("script.schema-too-large", bytes / 1024, MAX_BYTES / 1024));
            return problems;
        }
        JsonNode root;
        try {
            root = JSON.readTree(schemaJson);
        } catch (JsonProcessingException e) {
            problems.add(SchemaProblem.of("script.schema-not-json", e.getOriginalMessage()));
            return problems;
        }
        if (root == null || !root.isObject() || !"default".equals(root.path("type").asText(null))
                || !root.path("components").isArray()) {
            problems.add(SchemaProblem.of("script.schema-not-a-form"));
            return problems;
        }
        int[] count = {0};
        check(root.path("components"), problems, new HashSet<>(), count);
        if (count[0] > MAX_COMPONENTS) {
            problems.add(SchemaProblem.of("script.schema-too-many-components", count[0], MAX_COMPONENTS));
        }
        return problems;
    }

    private static void check(JsonNode components, List<SchemaProblem> problems, Set<String> keys, int[] count) {
        for (JsonNode c : components) {
            count[0]++;
            String type = c.path("type").asText("");
            if (!KNOWN_TYPES.contains(type)) {
                problems.add(SchemaProblem.of("script.schema-unknown-type", type.isEmpty() ? "?" : type));
                continue;
            }
            if (INPUT_TYPES.contains(type)) {
                String key = c.path("key").asText("");
                if (!KEY.matcher(key).matches()) {
                    problems.add(SchemaProblem.of("script.schema-key-invalid", key, label(c)));
                } else if (!keys.add(key)) {
                    problems.add(SchemaProblem.of("script.schema-key-duplicate", key));
                }
            }
            if (c.path("components").isArray()) {
                check(c.path("components"), problems, keys, count);
            }
        }
    }

    private static String label(JsonNode c) {
        String label = c.path("label").asText("");
        return label.isEmpty() ? c.path("id").asText(c.path("type").asText("")) : label;
    }
}
