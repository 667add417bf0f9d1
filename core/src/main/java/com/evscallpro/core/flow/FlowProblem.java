package com.evscallpro.core.flow;

import java.util.List;

/**
 * Why a flow cannot be published, pointing at its element.
 *
 * @param elementId the BPMN element at fault, or null for the whole file
 * @param code      a stable rule code ({@code zeebe} for the engine's own model validation; ours: see
 *                  {@link FlowLint}); screens translate {@code flows.rule.<code>}
 * @param args      what the message needs (e.g. the unknown job type)
 * @param message   an English sentence, for logs and API clients
 */
public record FlowProblem(String elementId, String code, List<String> args, String message) {

    public FlowProblem {
        args = args == null ? List.of() : List.copyOf(args);
    }
}
