package com.evscallpro.core.script;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed from one form-js schema to another, component by component. Components are matched by their form-js
 * {@code id} (the editor keeps it across edits, and a {@code .form} file carries it), else by their {@code key}; a
 * component found in one version only is added or removed, one found in both is compared property by property (see
 * {@link ScriptChange#property()}). Components nested in groups and dynamic lists are compared too. Order: the
 * changes of the newer version's components in its order, then the removed ones.
 */
public final class ScriptDiff {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ScriptDiff() {
    }

    public static List<ScriptChange> between(String olderJson, String newerJson) {
        Map<String, JsonNode> older = flatten(read(olderJson));
        Map<String, JsonNode> newer = flatten(read(newerJson));
        List<ScriptChange> changes = new ArrayList<>();
        newer.forEach((identity, after) -> {
            JsonNode before = older.get(identity);
            if (before == null) {
                changes.add(new ScriptChange(ScriptChange.Kind.ADDED, name(after), type(after), null, null, null));
            } else {
                compare(before, after, changes);
            }
        });
        older.forEach((identity, before) -> {
            if (!newer.containsKey(identity)) {
                changes.add(new ScriptChange(ScriptChange.Kind.REMOVED, name(before), type(before), null, null,
                        null));
            }
        });
        return changes;
    }

    private static void compare(JsonNode before, JsonNode after, List<ScriptChange> changes) {
        property(before, after, "label", text(before, "label"), text(after, "label"), changes);
        property(before, after, "key", text(before, "key"), text(after, "key"), changes);
        property(before, after, "type", type(before), type(after), changes);
        property(before, after, "required", required(before), required(after), changes);
        property(before, after, "validation", rules(before), rules(after), changes);
        property(before, after, "options", json(before.get("values")), json(after.get("values")), changes);
        property(before, after, "text", text(before, "text"), text(after, "text"), changes);
        property(before, after, "conditional", json(before.get("conditional")), json(after.get("conditional")),
                changes);
    }

    private static void property(JsonNode before, JsonNode after, String property, String was, String is,
                                 List<ScriptChange> changes) {
        if (!Objects.equals(was, is)) {
            changes.add(new ScriptChange(ScriptChange.Kind.CHANGED, name(after), type(after), property, was, is));
        }
    }

    /** Every component by identity, depth first in the form's order. */
    private static Map<String, JsonNode> flatten(JsonNode root) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        flatten(root.path("components"), "", out);
        return out;
    }

    private static void flatten(JsonNode components, String where, Map<String, JsonNode> out) {
        int i = 0;
        for (JsonNode c : components) {
            String identity = c.hasNonNull("id") ? "id:" + c.get("id").asText()
                    : c.hasNonNull("key") ? "key:" + c.get("key").asText()
                    : "at:" + where + i + ":" + type(c);
            out.putIfAbsent(identity, c);
            if (c.path("components").isArray()) {
                flatten(c.path("components"), where + i + ".", out);
            }
            i++;
        }
    }

    private static String required(JsonNode c) {
        return c.path("validate").path("required").asBoolean(false) ? "true" : "false";
    }

    /** The {@code validate} rules other than {@code required}; null when there are none. */
    private static String rules(JsonNode c) {
        if (!c.path("validate").isObject()) {
            return null;
        }
        ObjectNode rules = ((ObjectNode) c.get("validate")).deepCopy();
        rules.remove("required");
        return rules.isEmpty() ? null : json(rules);
    }

    private static String name(JsonNode c) {
        String label = text(c, "label");
        if (label != null && !label.isBlank()) {
            return label;
        }
        String key = text(c, "key");
        return key != null ? key : type(c);
    }

    private static String type(JsonNode c) {
        return c.path("type").asText("");
    }

    private static String text(JsonNode c, String field) {
        JsonNode n = c.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static String json(JsonNode n) {
        return n == null || n.isNull() ? null : n.toString();
    }

    private static JsonNode read(String schemaJson) {
        try {
            return JSON.readTree(schemaJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored script schema is not JSON", e);
        }
    }
}
