package com.evscallpro.core.ivr;

/**
 * One call in progress that runs through an IVR flow, on this node, and where the caller is now: in the flow's
 * voice menu, waiting in a queue, or with an agent it reached through the flow ({@link IvrCallLedger.Phase}).
 * {@code flowId} and {@code flowName} are null when the version's flow is not found.
 */
public record IvrLiveCall(String callId, Long flowId, String flowName, Long flowVersionId, String did,
                          IvrCallLedger.Phase phase) {
}
