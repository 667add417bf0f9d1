package com.evscallpro.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.agent.PauseReason;
import com.evscallpro.core.campaign.CampaignStatus;
import com.evscallpro.core.contact.ContactStatus;
import com.evscallpro.core.pbxconfig.PbxConfigValidationException;
import com.evscallpro.core.call.LiveCall;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EvsI18NProviderTest {

    private final EvsI18NProvider provider = new EvsI18NProvider();

    @Test
    void french_and_english_have_exactly_the_same_keys() {
        Properties fr = load("fr");
        Properties en = load("en");
        assertThat(missingKeys(fr, en)).as("keys in messages_fr missing from messages_en").isEmpty();
        assertThat(missingKeys(en, fr)).as("keys in messages_en missing from messages_fr").isEmpty();
        assertThat(fr).isNotEmpty();
    }

    @Test
    void the_key_comparison_reports_a_key_missing_in_one_file() {
        Properties complete = new Properties();
        complete.setProperty("a", "A");
        complete.setProperty("b", "B");
        Properties partial = new Properties();
        partial.setProperty("a", "A");
        assertThat(missingKeys(complete, partial)).containsExactly("b");
        assertThat(missingKeys(partial, complete)).isEmpty();
    }

    @Test
    void no_text_is_blank_and_files_are_read_as_utf8() {
        for (String lang : List.of("fr", "en")) {
            load(lang).forEach((k, v) -> assertThat((String) v).as(lang + ":" + k).isNotBlank());
        }
        assertThat(provider.getTranslation("agent.state.PAUSED", Locale.FRENCH)).isEqualTo("En pause");
        assertThat(provider.getTranslation("supervision.col.phone", Locale.FRENCH)).isEqualTo("Téléphone");
    }

    @Test
    void apostrophes_are_doubled_only_in_texts_with_parameters() {
        for (String lang : List.of("fr", "en")) {
            load(lang).forEach((k, v) -> {
                String text = (String) v;
                boolean hasParams = text.contains("{");
                if (hasParams) {
                    assertThat(text.replace("''", "")).as(lang + ":" + k + " needs '' for apostrophes")
                            .doesNotContain("'");
                } else {
                    assertThat(text).as(lang + ":" + k + " has no parameters, so a single ' is enough")
                            .doesNotContain("''");
                }
            });
        }
    }

    @Test
    void translates_with_parameters_and_falls_back_to_french() {
        assertThat(provider.getTranslation("admin.import.result.line", Locale.ENGLISH, 12, "invalid phone"))
                .isEqualTo("line 12: invalid phone");
        assertThat(provider.getTranslation("admin.import.result.line", Locale.FRENCH, 1234, "numéro invalide"))
                .isEqualTo("ligne 1234 : numéro invalide");
        assertThat(provider.getTranslation("admin.import.failed", Locale.FRENCH, "a.csv"))
                .isEqualTo("L'import de a.csv a échoué.");
        assertThat(provider.getTranslation("agent.state.READY", Locale.GERMAN)).isEqualTo("Disponible");
        assertThat(provider.getTranslation("agent.state.READY", Locale.UK)).isEqualTo("Ready");
        assertThat(provider.getTranslation("no.such.key", Locale.ENGLISH)).isEqualTo("!no.such.key!");
        assertThat(provider.getProvidedLocales()).containsExactly(Locale.FRENCH, Locale.ENGLISH);
    }

    @Test
    void every_key_used_by_the_views_exists_in_both_languages() throws IOException {
        Set<String> used = new TreeSet<>(literalKeysInSources());
        for (AgentState s : AgentState.values()) {
            used.add("agent.state." + s.name());
        }
        for (LiveCall.LiveCallState s : LiveCall.LiveCallState.values()) {
            used.add("call.state." + s.name());
        }
        for (CampaignStatus s : CampaignStatus.values()) {
            used.add("campaign.status." + s.name());
        }
        for (ContactStatus s : ContactStatus.values()) {
            used.add("contact.status." + s.name());
        }
        for (PauseReason reason : PauseReason.values()) {
            used.add("pause.reason." + reason.code());
        }
        for (PbxConfigValidationException.Subject.Kind kind : PbxConfigValidationException.Subject.Kind.values()) {
            used.add("admin.pbx.subject." + kind.name());
        }
        for (com.evscallpro.core.qualification.Qualification.QualificationCategory c
                : com.evscallpro.core.qualification.Qualification.QualificationCategory.values()) {
            used.add("qualification.category." + c.name());
        }
        for (com.evscallpro.core.call.TechnicalFailureKind kind : com.evscallpro.core.call.TechnicalFailureKind.values()) {
            used.add("technical.kind." + kind.code());
        }
        assertThat(used).hasSizeGreaterThan(50);
        for (String lang : List.of("fr", "en")) {
            Properties texts = load(lang);
            List<String> missing = used.stream().filter(k -> !texts.containsKey(k)).toList();
            assertThat(missing).as("keys used in code but missing from messages_" + lang).isEmpty();
        }
    }

    /** Codes built from a literal prefix and a variable part, with every value the variable part takes. */
    private static final Map<String, List<String>> CODE_PREFIXES = Map.of(
            "agent.cannot-", List.of("ready", "logout", "reserve", "release", "connect", "wrap-up", "finish"),
            "campaign.cannot-", List.of("start", "pause", "finish", "archive"),
            "campaign.invalid-", List.of("name", "description", "max-attempts", "ring-timeout", "retry-delay",
                    "caller-id", "region", "legal-preset", "preview-timeout", "abandon-target", "max-lines",
                    "callback-grace", "wrap-up-timeout"));

    @Test
    void every_error_code_thrown_in_core_has_a_text_in_both_languages() throws IOException {
        Set<String> codes = errorCodesInCore();
        assertThat(codes).contains("campaign.not-found", "import.not-a-phone", "pbx.host-invalid",
                "agent.cannot-ready", "task.customer-on-line", "pbx.reload-timeout");
        for (String lang : List.of("fr", "en")) {
            Properties texts = load(lang);
            List<String> missing = codes.stream().filter(c -> !texts.containsKey("error." + c)).toList();
            assertThat(missing).as("error codes without a text in messages_" + lang).isEmpty();
        }
    }

    /**
     * Every code given to an {@code EvsException}, a {@code FieldError} or an import {@code Rejection} in the core
     * sources: their string literals shaped like codes ({@code area.some-thing}); a literal prefix ending in '-' must
     * be listed in {@link #CODE_PREFIXES}.
     */
    private static Set<String> errorCodesInCore() throws IOException {
        Pattern literal = Pattern.compile("\"((?:agent|campaign|import|task|pbx|contact|presence)\\.[a-z-]+)\"");
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("../core/src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                if (!source.contains("EvsException") && !source.contains("FieldError")
                        && !source.contains("Rejection")) {
                    continue;
                }
                Matcher m = literal.matcher(source);
                while (m.find()) {
                    String code = m.group(1);
                    if (code.endsWith("-")) {
                        assertThat(CODE_PREFIXES).as("values of the code prefix " + code).containsKey(code);
                        CODE_PREFIXES.get(code).forEach(v -> codes.add(code + v));
                    } else {
                        codes.add(code);
                    }
                }
            }
        }
        return codes;
    }

    /** String literals that look like message keys and are passed to getTranslation or the display. */
    private static Set<String> literalKeysInSources() throws IOException {
        Pattern call = Pattern.compile(
                "(?:getTranslation|showError|showSuccess|item|runCampaignAction|counter)\\([^;]*?\"([a-z]+(?:\\.[A-Za-z]+)+)\"");
        Pattern key = Pattern.compile("\"((?:login|layout|refused|nav|agent|supervision|admin|common|pause|call|campaign)"
                + "\\.[A-Za-z.]+[A-Za-z])\"");
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher m = key.matcher(source);
                while (m.find()) {
                    keys.add(m.group(1));
                }
                Matcher c = call.matcher(source);
                while (c.find()) {
                    keys.add(c.group(1));
                }
            }
        }
        keys.removeIf(k -> k.endsWith("."));
        return keys;
    }

    static List<String> missingKeys(Properties reference, Properties other) {
        List<String> missing = new ArrayList<>();
        for (String k : new TreeSet<>(reference.stringPropertyNames())) {
            if (!other.containsKey(k)) {
                missing.add(k);
            }
        }
        return missing;
    }

    static Properties load(String lang) {
        String path = "/i18n/messages_" + lang + ".properties";
        try (InputStream in = EvsI18NProviderTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
