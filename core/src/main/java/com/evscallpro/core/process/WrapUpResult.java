package com.evscallpro.core.process;

import java.time.Instant;

/**
 * How an agent (or the system) qualified a call.
 *
 * @param category     POSITIVE, NEGATIVE, NEUTRAL, CALLBACK or DO_NOT_CALL
 * @param callbackAt   when to call back, for a callback; else null
 * @param finalOutcome false: the contact is called again while attempts remain (an answering machine...)
 */
public record WrapUpResult(String qualificationCode, String category, Instant callbackAt, String comment,
                           boolean finalOutcome) {

    /** A final qualification. */
    public WrapUpResult(String qualificationCode, String category, Instant callbackAt, String comment) {
        this(qualificationCode, category, callbackAt, comment, true);
    }

    /** The system qualification of a wrap-up nobody did (no agent, or the wrap-up timed out). */
    public static final String NOT_QUALIFIED = "NOT_QUALIFIED";

    public static WrapUpResult notQualified() {
        return new WrapUpResult(NOT_QUALIFIED, "NEUTRAL", null, null);
    }
}
