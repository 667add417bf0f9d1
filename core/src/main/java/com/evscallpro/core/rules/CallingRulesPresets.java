package com.evscallpro.core.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The legal presets, read once from the classpath: every {@code calling-rules/<CODE>.json} (a country's law, or
 * {@code NONE}). Adding a country is adding a file; the format is in {@code docs/calling-rules.md}. The campaign
 * editor offers {@link #codes()} for {@code campaign.legal_preset}.
 */
@Component
public class CallingRulesPresets implements com.evscallpro.core.campaign.LegalPresets {

    /** The rules a preset may hold, in the order they are checked (refusal codes are listed in docs). */
    public static final List<String> RULES = List.of(CallingRuleCodes.PURPOSE, CallingRuleCodes.DO_NOT_CALL,
            CallingRuleCodes.BLOCTEL, CallingRuleCodes.CONSENT, CallingRuleCodes.PRESENTED_NUMBER,
            CallingRuleCodes.HOLIDAY, CallingRuleCodes.HOURS, CallingRuleCodes.PLANNING,
            CallingRuleCodes.ATTEMPTS, CallingRuleCodes.REFUSAL_SILENCE);

    /** The preset of campaigns with none set (V30's default). */
    public static final String DEFAULT = "FR";

    /**
     * A preset.
     *
     * @param rules rule code → its parameters (JSON values: numbers, strings, booleans, lists), in check order
     */
    public record Preset(String code, String nameFr, String nameEn, ZoneId defaultZone,
                         Map<String, Map<String, Object>> rules) {

        public String name(Locale locale) {
            return locale != null && "fr".equals(locale.getLanguage()) ? nameFr : nameEn;
        }

        /** NONE and any preset without a rule but the campaign's own planning: every call allowed. */
        public boolean unrestricted() {
            return rules.keySet().stream().allMatch(CallingRuleCodes.PLANNING::equals);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, Preset> presets;

    public CallingRulesPresets() {
        this(loadAll("classpath*:calling-rules/*.json"));
    }

    CallingRulesPresets(Map<String, Preset> presets) {
        this.presets = Map.copyOf(presets);
    }

    /** The known preset codes, sorted. */
    @Override
    public List<String> codes() {
        return new ArrayList<>(new TreeMap<>(presets).keySet());
    }

    public List<Preset> presets() {
        return new ArrayList<>(new TreeMap<>(presets).values());
    }

    public Optional<Preset> preset(String code) {
        return Optional.ofNullable(code == null ? null : presets.get(code.toUpperCase(Locale.ROOT)));
    }

    private static Map<String, Preset> loadAll(String pattern) {
        Map<String, Preset> found = new LinkedHashMap<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                try (InputStream in = r.getInputStream()) {
                    Preset p = read(in);
                    String file = r.getFilename();
                    if (file != null && !file.equals(p.code() + ".json")) {
                        throw new IllegalStateException("calling-rules/" + file + " holds preset " + p.code());
                    }
                    found.put(p.code(), p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the calling-rules presets", e);
        }
        return found;
    }

    /** Reads one preset file; refuses an unknown rule or a missing code. */
    static Preset read(InputStream in) throws IOException {
        JsonNode root = JSON.readTree(in);
        String code = root.path("code").asText("");
        if (!code.matches("[A-Z][A-Z0-9_]{1,19}")) {
            throw new IllegalStateException("a calling-rules preset needs a code like FR, was '" + code + "'");
        }
        Map<String, Map<String, Object>> rules = new LinkedHashMap<>();
        JsonNode declared = root.path("rules");
        declared.fieldNames().forEachRemaining(rule -> {
            if (!RULES.contains(rule)) {
                throw new IllegalStateException("preset " + code + ": unknown rule '" + rule + "' (known: " + RULES
                        + ")");
            }
        });
        for (String rule : RULES) {
            JsonNode params = declared.get(rule);
            if (params != null && params.path("enabled").asBoolean(true)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> values = JSON.convertValue(params, LinkedHashMap.class);
                values.remove("enabled");
                rules.put(rule, values);
            }
        }
        return new Preset(code, root.path("name").path("fr").asText(code), root.path("name").path("en").asText(code),
                ZoneId.of(root.path("defaultZone").asText("UTC")), rules);
    }
}
