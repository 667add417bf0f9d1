package com.evscallpro.core.rules;

/** The rules' codes: preset keys, override targets and the {@code rule} of a stored refusal. */
public final class CallingRuleCodes {

    /** Not a check: whether calls are prospecting (consent and Bloctel apply only to prospecting calls). */
    public static final String PURPOSE = "purpose";
    public static final String DO_NOT_CALL = "do-not-call";
    /** Opposed on Bloctel (refusal); its stale variant is {@link #BLOCTEL_STALE}. */
    public static final String BLOCTEL = "bloctel";
    /** Refusal only: the number's last Bloctel check is missing or too old. */
    public static final String BLOCTEL_STALE = "bloctel-stale";
    public static final String CONSENT = "consent";
    public static final String PRESENTED_NUMBER = "presented-number";
    public static final String HOLIDAY = "holiday";
    public static final String HOURS = "hours";
    public static final String PLANNING = "planning";
    public static final String ATTEMPTS = "attempts-30d";
    public static final String REFUSAL_SILENCE = "refusal-silence";

    private CallingRuleCodes() {
    }
}
