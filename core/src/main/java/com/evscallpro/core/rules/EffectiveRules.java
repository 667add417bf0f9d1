package com.evscallpro.core.rules;

import com.evscallpro.db.rules.RulesTables.OverrideRow;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A campaign's rules: its preset with its overrides applied (a rule switched off, or one parameter changed). */
record EffectiveRules(CallingRulesPresets.Preset preset, Map<String, Map<String, Object>> rules) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static EffectiveRules of(CallingRulesPresets.Preset preset, List<OverrideRow> overrides) {
        Map<String, Map<String, Object>> rules = new LinkedHashMap<>();
        preset.rules().forEach((rule, params) -> rules.put(rule, new LinkedHashMap<>(params)));
        for (OverrideRow o : overrides) {
            Map<String, Object> params = rules.get(o.rule());
            if (params == null) {
                continue; // only a preset's own rules can be changed
            }
            if (o.parameter().isEmpty()) {
                if (!o.enabled()) {
                    rules.remove(o.rule());
                }
            } else if (params.containsKey(o.parameter())) {
                params.put(o.parameter(), parse(o.value()));
            }
        }
        return new EffectiveRules(preset, rules);
    }

    /** An override's value: JSON (4, "10:00", ["MONDAY"], true), or else the text itself. */
    static Object parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            return JSON.readValue(value, Object.class);
        } catch (JsonProcessingException e) {
            return value;
        }
    }

    boolean on(String rule) {
        return rules.containsKey(rule);
    }

    Object param(String rule, String name) {
        Map<String, Object> params = rules.get(rule);
        return params == null ? null : params.get(name);
    }

    int integer(String rule, String name, int fallback) {
        return param(rule, name) instanceof Number n ? n.intValue() : fallback;
    }

    boolean bool(String rule, String name, boolean fallback) {
        return param(rule, name) instanceof Boolean b ? b : fallback;
    }

    String text(String rule, String name, String fallback) {
        Object v = param(rule, name);
        return v == null ? fallback : v.toString();
    }

    List<String> list(String rule, String name) {
        return param(rule, name) instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }
}
