package com.evscallpro.core.flow;

import java.util.Set;

/**
 * The job types our workers serve, as flows may name them: the IVR blocks ({@code ="ivr.<block>." + evsNode}: the
 * block's worker on the node holding the call) and the outbound call journey's tasks. The workers' tests check
 * these lists against what they register, so the editor's validation and the runtime agree.
 */
public final class FlowJobTypes {

    /** The IVR blocks (workers.ivr). */
    public static final Set<String> IVR_BLOCKS = Set.of("play", "menu", "collect", "hours", "lookup", "set",
            "transfer", "queue", "voicemail", "callback", "hangup");

    /**
     * The IVR journey's execution listener, added to every IVR flow's intermediate catch events at deploy time (not a
     * block analysts draw): {@code ="ivr.event." + evsNode}, an {@code end} listener. Gateways get none: their rows
     * are written from the next element of the call's journey ({@link FlowGraph}).
     */
    public static final String IVR_EVENT_LISTENER = "event";

    /** The outbound call journey's job types (processes.OutboundCallProcess). */
    public static final Set<String> OUTBOUND = Set.of("pbx.originate", "pbx.hangup", "cdr.record",
            "contact.schedule-retry", "contact.schedule-callback", "contact.close", "agent.wrap-up-timeout",
            "call.record-technical-failure");

    /** The inputs each IVR block cannot run without (its element template's {@code notEmpty} fields). */
    public static final java.util.Map<String, java.util.List<String>> IVR_REQUIRED_INPUTS = java.util.Map.ofEntries(
            java.util.Map.entry("play", java.util.List.of("prompt")),
            java.util.Map.entry("menu", java.util.List.of("prompt", "choices")),
            java.util.Map.entry("collect", java.util.List.of("prompt")),
            java.util.Map.entry("hours", java.util.List.of("planning")),
            java.util.Map.entry("lookup", java.util.List.of()),
            java.util.Map.entry("set", java.util.List.of("variable", "value")),
            java.util.Map.entry("transfer", java.util.List.of("number", "trunk")),
            java.util.Map.entry("queue", java.util.List.of("queue")),
            java.util.Map.entry("voicemail", java.util.List.of("mailbox")),
            java.util.Map.entry("callback", java.util.List.of("campaign")),
            java.util.Map.entry("hangup", java.util.List.of()));

    private FlowJobTypes() {
    }

    /**
     * The IVR block a task definition type names: {@code ="ivr.play." + evsNode} (the form our templates write) or a
     * literal {@code ivr.play.<node>}; null when it names none.
     */
    static String ivrBlock(String type) {
        String t = type == null ? "" : type.strip();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("^=\\s*\"ivr\\.([a-z-]+)\\.\"\\s*\\+\\s*evsNode\\s*$").matcher(t);
        if (m.matches()) {
            return m.group(1);
        }
        m = java.util.regex.Pattern.compile("^ivr\\.([a-z-]+)\\.[A-Za-z0-9_.-]+$").matcher(t);
        return m.matches() ? m.group(1) : null;
    }

    /** Whether a worker of ours serves {@code type} in a flow of {@code kind}. */
    static boolean known(FlowKind kind, String type) {
        if (kind == FlowKind.IVR) {
            String block = ivrBlock(type);
            return block != null && IVR_BLOCKS.contains(block);
        }
        return OUTBOUND.contains(type == null ? "" : type.strip());
    }
}
