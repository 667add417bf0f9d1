package com.evscallpro.core.process;

import java.time.Instant;

/**
 * How an agent (or the system) qualified a call.
 *
 * @param category     POSITIVE, NEGATIVE, NEUTRAL, CALLBACK or DO_NOT_CALL
 * @param callbackAt   when to call back, for a callback; else null
 * @param finalOutcome false: the contact is called again while attempts remain (an answering machine...)
 * @param scriptAnswers the answers of the agent script (form-js values), empty when there was none
 */
public record WrapUpResult(String qualificationCode, String category, Instant callbackAt, String comment,
                           boolean finalOutcome, java.util.Map<String, Object> scriptAnswers) {

    public WrapUpResult {
        scriptAnswers = scriptAnswers == null ? java.util.Map.of() : scriptAnswers;
    }

    public WrapUpResult(String qualificationCode, String category, Instant callbackAt, String comment,
                        boolean finalOutcome) {
        this(qualificationCode, category, callbackAt, comment, finalOutcome, java.util.Map.of());
    }

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
