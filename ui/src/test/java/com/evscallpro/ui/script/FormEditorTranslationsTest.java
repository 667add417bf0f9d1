package com.evscallpro.ui.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every English text the form-js editor can show (listed from form-js 1.19.0's and properties-panel 3.55.0's sources
 * by {@code scripts/form-editor-strings.mjs} into {@code form-editor-english.txt}) has its French in
 * {@code evs-script-editor-fr.js}: a direct entry, or a pattern for the texts built with values (the list writes
 * them as templates, {@code Remove {0}}; they are checked with a value put in).
 */
class FormEditorTranslationsTest {

    private static final Path FRENCH = Path.of("src/main/resources/META-INF/resources/frontend/evs-script-editor-fr.js");
    private static final Path ENGLISH = Path.of("src/test/resources/script/form-editor-english.txt");
    private static final Pattern ENTRY = Pattern.compile("^\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\",\\s*$");
    private static final Pattern PATTERN = Pattern.compile("^\\s*\\[\"((?:[^\"\\\\]|\\\\.)*)\",\\s*\"((?:[^\"\\\\]|\\\\.)*)\"],\\s*$");

    private static String unescape(String js) {
        return js.replace("\\\\", "\u0000").replace("\\\"", "\"").replace("\\n", "\n").replace("\u0000", "\\");
    }

    /** The dictionary: English → French. */
    static Map<String, String> texts() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(FRENCH, StandardCharsets.UTF_8)) {
            Matcher m = ENTRY.matcher(line);
            if (m.matches()) {
                out.put(unescape(m.group(1)), unescape(m.group(2)));
            }
        }
        return out;
    }

    /** The patterns: regular expression → French template. */
    static Map<Pattern, String> patterns() throws IOException {
        Map<Pattern, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(FRENCH, StandardCharsets.UTF_8)) {
            Matcher m = PATTERN.matcher(line);
            if (m.matches()) {
                out.put(Pattern.compile(unescape(m.group(1))), unescape(m.group(2)));
            }
        }
        return out;
    }

    /** The English texts of the editor (templates with {0}, {numOfItems} for the values). */
    static List<String> english() throws IOException {
        // a line break inside a text is written \n in the list
        return Files.readAllLines(ENGLISH, StandardCharsets.UTF_8).stream().filter(s -> !s.isBlank())
                .map(s -> s.replace("\\n", "\n")).toList();
    }

    @Test
    void every_english_text_of_the_editor_has_its_french() throws IOException {
        Map<String, String> texts = texts();
        Map<Pattern, String> patterns = patterns();
        List<String> missing = new ArrayList<>();
        for (String english : english()) {
            if (english.contains("{")) {
                String sample = english.replaceAll("\\{[A-Za-z0-9]+}", "3");
                if (patterns.keySet().stream().noneMatch(p -> p.matcher(sample).matches())) {
                    missing.add(english);
                }
            } else if (!texts.containsKey(english)) {
                missing.add(english);
            }
        }
        assertThat(missing).as("English texts of the form-js editor without French in evs-script-editor-fr.js")
                .isEmpty();
        assertThat(english()).hasSizeGreaterThan(200);
    }

    @Test
    void the_dictionary_is_read_whole_and_has_no_empty_translation() throws IOException {
        long lines = Files.readAllLines(FRENCH, StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("  \"")).count();
        Map<String, String> texts = texts();
        // every entry line was understood (a line the test cannot read would hide a missing text)
        assertThat(texts).hasSize((int) lines);
        assertThat(texts.values()).noneMatch(String::isBlank);
        assertThat(patterns()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(texts).containsEntry("Text field", "Champ texte").containsEntry("Components", "Composants");
    }
}
