package com.evscallpro.core.process;

import java.time.Instant;

/**
 * How an agent (or the system) qualified a call.
 *
 * @param category   POSITIVE, NEGATIVE, CALLBACK or NEUTRAL
 * @param callbackAt when to call back, for a callback; else null
 */
public record WrapUpResult(String qualificationCode, String category, Instant callbackAt, String comment) {

    /** The system qualification of a wrap-up nobody did (no agent, or the wrap-up timed out). */
    public static final String NOT_QUALIFIED = "NOT_QUALIFIED";

    public static WrapUpResult notQualified() {
        return new WrapUpResult(NOT_QUALIFIED, "NEUTRAL", null, null);
    }
}
