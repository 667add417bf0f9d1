package com.evscallpro.processes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every text of our element templates that the flow editor shows (template name and description, category, group
 * labels, field labels and descriptions, choices, constraint messages) has a French text in
 * {@code element-templates/translations.fr.json}, and that file holds no text the templates no longer have.
 */
class ElementTemplatesFrenchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FILES = List.of("element-templates/evscallpro-ivr-blocks.json",
            "element-templates/evscallpro-tasks.json");

    @Test
    void every_template_text_has_a_french_text_and_none_is_left_over() throws IOException {
        Set<String> shown = new TreeSet<>();
        for (String file : FILES) {
            for (JsonNode template : read(file)) {
                add(shown, template, "name", "description");
                add(shown, template.get("category"), "name");
                template.path("groups").forEach(g -> add(shown, g, "label"));
                template.path("properties").forEach(p -> {
                    add(shown, p, "label", "description");
                    p.path("choices").forEach(c -> add(shown, c, "name"));
                    add(shown, p.path("constraints").get("pattern"), "message");
                });
            }
        }
        JsonNode french = read("element-templates/translations.fr.json").get("texts");
        List<String> missing = new ArrayList<>();
        shown.forEach(text -> {
            if (!french.has(text) || french.get(text).asText().isBlank()) {
                missing.add(text);
            }
        });
        List<String> unused = new ArrayList<>();
        french.fieldNames().forEachRemaining(text -> {
            if (!shown.contains(text)) {
                unused.add(text);
            }
        });
        assertThat(shown).hasSizeGreaterThan(80);
        assertThat(missing).as("texts without a French text").isEmpty();
        assertThat(unused).as("French texts of no template text").isEmpty();
        assertThat(french.get("EVSCallPro IVR: Menu").asText()).isEqualTo("EVSCallPro SVI : Menu");
    }

    private static void add(Set<String> texts, JsonNode node, String... fields) {
        for (String field : fields) {
            if (node != null && node.path(field).isTextual()) {
                texts.add(node.get(field).asText());
            }
        }
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = ElementTemplatesFrenchTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return JSON.readTree(in);
        }
    }
}
