package com.evscallpro.ui.flow;

import com.evscallpro.core.flow.FlowJobTypes;
import com.evscallpro.core.flow.FlowKind;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * What the editor's live check (bpmnlint in the browser, {@code evs-bpmnlint-rules.js}) is given by the server, so
 * that it has no list of its own: the job types and required inputs of {@link FlowJobTypes}, the prompt library's
 * names, and the rules' texts in the analyst's language (the {@code flows.rule.<code>} messages the server's
 * validation shows, with {@code {0}}, {@code {1}} left for the browser to fill).
 */
final class FlowLintFacts {

    /** Our rule codes the browser checks (core.flow.FlowLint's, and the prompt library's warning). */
    static final List<String> CODES = List.of("unknown-job-type", "job-type-fixed-node", "required-input",
            "dead-end", "unreachable", "menu-choice-unhandled", "message-no-correlation-key", "unsupported-element",
            "ends-in-silence", "prompt-not-in-library");
    private static final ObjectMapper JSON = new ObjectMapper();

    private FlowLintFacts() {
    }

    /** {@code {ivrBlocks, outbound, requiredInputs, prompts}} as JSON (the kind is set apart). */
    static String facts(Collection<String> promptNames) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("ivrBlocks", new TreeSet<>(FlowJobTypes.IVR_BLOCKS));
        facts.put("outbound", new TreeSet<>(FlowJobTypes.OUTBOUND));
        facts.put("requiredInputs", new TreeMap<>(FlowJobTypes.IVR_REQUIRED_INPUTS));
        facts.put("prompts", promptNames == null ? null : new TreeSet<>(promptNames));
        return write(facts);
    }

    /**
     * The texts of the live check: each code's {@code flows.rule.<code>} with its placeholders kept, the summary line
     * and the warning mark; {@code translate} is Vaadin's {@code getTranslation(key, args)}.
     */
    static String texts(BiFunction<String, Object[], String> translate) {
        Map<String, String> texts = new LinkedHashMap<>();
        Object[] placeholders = {"{0}", "{1}", "{2}"};
        for (String code : CODES) {
            texts.put(code, translate.apply("flows.rule." + code, placeholders));
        }
        texts.put("summary", translate.apply("flows.lint.summary", placeholders));
        texts.put("warning", translate.apply("flows.editor.warning", new Object[0]));
        return write(texts);
    }

    /** The kind as the browser reads it. */
    static String kind(FlowKind kind) {
        return kind.name();
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
