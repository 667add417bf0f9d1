package com.evscallpro.core.callcontrol;

import java.util.Objects;

/**
 * Where an agent transfers their call.
 *
 * @param kind  AGENT (value: the agent's user id), QUEUE (value: the queue's name, as the PBX dialplan knows it) or
 *              NUMBER (value: a phone number, normalised to E.164)
 * @param value what identifies the target for its kind
 */
public record TransferTarget(Kind kind, String value) {

    public enum Kind { AGENT, QUEUE, NUMBER }

    public TransferTarget {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    public static TransferTarget agent(long userId) {
        return new TransferTarget(Kind.AGENT, Long.toString(userId));
    }
}
