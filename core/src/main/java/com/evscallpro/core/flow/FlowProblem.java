package com.evscallpro.core.flow;

import java.util.List;

/**
 * What is wrong, or doubtful, in a flow, pointing at its element.
 *
 * @param elementId the BPMN element at fault, or null for the whole file
 * @param code      a stable rule code ({@code zeebe} for the engine's own model validation; ours: see
 *                  {@link FlowLint}); screens translate {@code flows.rule.<code>}
 * @param args      what the message needs (e.g. the unknown job type)
 * @param message   an English sentence, for logs and API clients
 * @param severity  {@link Severity#ERROR} refuses publish and import; {@link Severity#WARNING} is shown to the analyst
 *                  and does not
 */
public record FlowProblem(String elementId, String code, List<String> args, String message, Severity severity) {

    /** Whether a problem stops a publish. */
    public enum Severity {
        /** The flow cannot be published or imported with it. */
        ERROR,
        /** The flow runs, but probably not as the analyst meant (e.g. a caller left in silence). */
        WARNING
    }

    public FlowProblem {
        args = args == null ? List.of() : List.copyOf(args);
        severity = severity == null ? Severity.ERROR : severity;
    }

    /** An error: the flow cannot be published with it. */
    public FlowProblem(String elementId, String code, List<String> args, String message) {
        this(elementId, code, args, message, Severity.ERROR);
    }

    /** A warning: shown, published anyway. */
    static FlowProblem warning(String elementId, String code, List<String> args, String message) {
        return new FlowProblem(elementId, code, args, message, Severity.WARNING);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
