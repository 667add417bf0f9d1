package com.evscallpro.ui.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Function;

/**
 * What the editor starts from: a new IVR flow's BPMN (from {@code flow-templates/}, its texts in the analyst's
 * language) and the element templates of our blocks (from the processes module's {@code element-templates/}, on the
 * application's class path).
 */
final class FlowTemplates {

    static final String[] ELEMENT_TEMPLATE_FILES = {
            "element-templates/evscallpro-ivr-blocks.json", "element-templates/evscallpro-tasks.json"};

    private FlowTemplates() {
    }

    /** A new IVR flow: a welcome prompt then a goodbye, named and labelled with {@code translate}. */
    static String newIvrFlow(String processId, String name, Function<String, String> translate) {
        return read("flow-templates/ivr-empty.bpmn")
                .replace("__PROCESS_ID__", processId)
                .replace("__NAME__", xmlEscape(name))
                .replace("__CALL_RECEIVED__", xmlEscape(translate.apply("flows.template.callReceived")))
                .replace("__WELCOME__", xmlEscape(translate.apply("flows.template.welcome")))
                .replace("__GOODBYE__", xmlEscape(translate.apply("flows.template.goodbye")))
                .replace("__CALL_ENDED__", xmlEscape(translate.apply("flows.template.callEnded")));
    }

    /** The French texts of our element templates, by their English text ({@code translations.fr.json}). */
    static final String FRENCH_TEXTS = "element-templates/translations.fr.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Our element templates in {@code language}: in French their names, descriptions, group labels, field labels,
     * descriptions, choices and constraint messages come from {@link #FRENCH_TEXTS} (a text it lacks stays English);
     * any other language gets them as written (English). Ids, bindings and values never change.
     */
    static String elementTemplates(String language) {
        String english = elementTemplates();
        if (!"fr".equals(language) || FlowTemplates.class.getClassLoader().getResource(FRENCH_TEXTS) == null) {
            return english;
        }
        try {
            JsonNode texts = JSON.readTree(read(FRENCH_TEXTS)).get("texts");
            JsonNode templates = JSON.readTree(english);
            for (JsonNode template : templates) {
                translate(template, texts, "name", "description");
                translate(template.get("category"), texts, "name");
                each(template.get("groups"), group -> translate(group, texts, "label"));
                each(template.get("properties"), property -> {
                    translate(property, texts, "label", "description");
                    each(property.get("choices"), choice -> translate(choice, texts, "name"));
                    JsonNode constraints = property.get("constraints");
                    translate(constraints == null ? null : constraints.get("pattern"), texts, "message");
                });
            }
            return JSON.writeValueAsString(templates);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void translate(JsonNode node, JsonNode texts, String... fields) {
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        for (String field : fields) {
            JsonNode value = object.get(field);
            JsonNode french = value == null || !value.isTextual() ? null : texts.get(value.asText());
            if (french != null && french.isTextual()) {
                object.put(field, french.asText());
            }
        }
    }

    private static void each(JsonNode array, java.util.function.Consumer<JsonNode> action) {
        if (array != null && array.isArray()) {
            array.forEach(action);
        }
    }

    /** Every element template of ours, one JSON array (empty when the processes module is not on the class path). */
    static String elementTemplates() {
        StringBuilder all = new StringBuilder("[");
        for (String file : ELEMENT_TEMPLATE_FILES) {
            if (FlowTemplates.class.getClassLoader().getResource(file) == null) {
                continue;
            }
            String array = read(file).strip();
            String inner = array.substring(1, array.length() - 1).strip();
            if (!inner.isEmpty()) {
                if (all.length() > 1) {
                    all.append(',');
                }
                all.append(inner);
            }
        }
        return all.append(']').toString();
    }

    /** A process id from a flow name: its letters and digits, lower case, dashed, starting {@code svi-}. */
    static String processIdFor(String name) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (ascii.length() > 60) {
            ascii = ascii.substring(0, 60);
        }
        if (ascii.isEmpty()) {
            return "svi-flow";
        }
        return ascii.equals("svi") || ascii.startsWith("svi-") ? ascii : "svi-" + ascii;
    }

    private static String read(String resource) {
        try (InputStream in = FlowTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String xmlEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
