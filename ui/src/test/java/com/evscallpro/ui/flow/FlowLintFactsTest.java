package com.evscallpro.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.ui.i18n.EvsI18NProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The live check's engine rules have texts of ours: the list the server translates is the one the browser runs (the
 * packed camunda-cloud-8-8 configuration), and each rule reads in French and in English.
 */
class FlowLintFactsTest {

    private static final Path CONFIG = Path.of("src/main/resources/META-INF/resources/frontend/evs-bpmnlint-config.js");
    private final EvsI18NProvider i18n = new EvsI18NProvider();

    @Test
    void the_engine_rules_translated_are_the_rules_the_browser_runs() throws IOException {
        String js = Files.readString(CONFIG, StandardCharsets.UTF_8);
        int start = js.indexOf("export const engineRules");
        String block = js.substring(start, js.indexOf("\n};", start));
        List<String> packed = new ArrayList<>();
        Matcher m = Pattern.compile("\"([a-z-]+/[a-z-]+)\": \\[").matcher(block);
        while (m.find()) {
            packed.add(m.group(1));
        }
        assertThat(packed).hasSizeGreaterThan(40);
        assertThat(FlowLintFacts.ENGINE_RULES).containsExactlyInAnyOrderElementsOf(packed);
    }

    @Test
    void every_engine_rule_reads_in_french_and_in_english() throws IOException {
        JsonNode fr = texts(Locale.FRENCH);
        JsonNode en = texts(Locale.ENGLISH);
        for (String rule : FlowLintFacts.ENGINE_RULES) {
            String french = fr.get("engine").get(rule).asText();
            String english = en.get("engine").get(rule).asText();
            assertThat(french).as(rule).doesNotStartWith("!").isNotBlank().isNotEqualTo(english);
            assertThat(english).as(rule).doesNotStartWith("!").isNotBlank();
        }
        assertThat(fr.get("engine").get("camunda-compat/feel").asText())
                .isEqualTo("Un champ de cet élément n'est pas une expression FEEL valide.");
        assertThat(en.get("engine").get("camunda-compat/element-type").asText())
                .isEqualTo("The engine (Camunda 8.8) does not run this kind of element here.");
        assertThat(fr.get("engineDetail").asText()).isEqualTo("Règle du moteur {0} : {1}");
        assertThat(fr.get("dead-end").asText()).startsWith("Rien ne suit cet élément");
    }

    private JsonNode texts(Locale locale) throws IOException {
        return new ObjectMapper().readTree(FlowLintFacts.texts((key, args) -> i18n.getTranslation(key, locale, args)));
    }
}
