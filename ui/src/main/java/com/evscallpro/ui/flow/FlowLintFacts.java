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
    /**
     * The engine's rules the browser runs (bpmnlint-plugin-camunda-compat's {@code camunda-cloud-8-8}, as packed in
     * {@code evs-bpmnlint-config.js}; {@code FlowLintFactsTest} keeps the two lists equal): each has its text in
     * both languages, {@code flows.engine.<rule>}, shown instead of the plugin's English message, which stays in
     * the tooltip ({@code flows.lint.engineDetail}) for its specifics (element types, property names).
     */
    static final List<String> ENGINE_RULES = List.of(
            "camunda-compat/implementation", "camunda-compat/called-element",
            "camunda-compat/duplicate-task-headers", "camunda-compat/element-type", "camunda-compat/error-reference",
            "camunda-compat/event-based-gateway-target", "camunda-compat/executable-process",
            "camunda-compat/loop-characteristics", "camunda-compat/message-reference", "camunda-compat/io-mapping",
            "camunda-compat/no-business-id", "camunda-compat/no-cancel-execution-listener",
            "camunda-compat/no-execution-listener-headers", "camunda-compat/no-expression",
            "camunda-compat/no-job-priority-definition", "camunda-compat/no-loop",
            "camunda-compat/no-multiple-none-start-events", "camunda-compat/sequence-flow-condition",
            "camunda-compat/start-event-form", "camunda-compat/subscription", "camunda-compat/timer",
            "camunda-compat/user-task-definition", "camunda-compat/user-task-form", "camunda-compat/variable-name",
            "camunda-compat/feel", "camunda-compat/feel-compatibility", "bpmnlint/start-event-required",
            "camunda-compat/connector-properties", "camunda-compat/escalation-boundary-event-attached-to-ref",
            "camunda-compat/escalation-reference", "camunda-compat/link-event", "camunda-compat/task-schedule",
            "camunda-compat/secrets", "camunda-compat/signal-reference", "camunda-compat/wait-for-completion",
            "camunda-compat/duplicate-execution-listeners", "camunda-compat/execution-listener",
            "camunda-compat/no-before-all-execution-listener", "camunda-compat/priority-definition",
            "camunda-compat/version-tag", "camunda-compat/zeebe-user-task", "camunda-compat/ad-hoc-sub-process",
            "camunda-compat/no-interrupting-event-subprocess", "camunda-compat/agent-tool-documentation",
            "camunda-compat/agent-tool-output-key", "camunda-compat/agent-fromai-contract",
            "camunda-compat/task-listener");
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
     * The texts of the live check: each code's {@code flows.rule.<code>} with its placeholders kept, each engine
     * rule's {@code flows.engine.<rule>} (under {@code engine}), the summary line and the warning mark;
     * {@code translate} is Vaadin's {@code getTranslation(key, args)}.
     */
    static String texts(BiFunction<String, Object[], String> translate) {
        Map<String, Object> texts = new LinkedHashMap<>();
        Object[] placeholders = {"{0}", "{1}", "{2}"};
        for (String code : CODES) {
            texts.put(code, translate.apply("flows.rule." + code, placeholders));
        }
        Map<String, String> engine = new LinkedHashMap<>();
        for (String rule : ENGINE_RULES) { // no parameters: the texts are taken as written
            engine.put(rule, translate.apply("flows.engine." + rule, new Object[0]));
        }
        texts.put("engine", engine);
        texts.put("engineDetail", translate.apply("flows.lint.engineDetail", placeholders));
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
