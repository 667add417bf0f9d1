package com.evscallpro.core.cdr;

import java.util.Arrays;

/** Asterisk's CDR disposition; {@link #asterisk()} is the text Asterisk writes (and we store). */
public enum CdrDisposition {
    ANSWERED("ANSWERED"),
    BUSY("BUSY"),
    NO_ANSWER("NO ANSWER"),
    FAILED("FAILED"),
    CONGESTION("CONGESTION");

    private final String asterisk;

    CdrDisposition(String asterisk) {
        this.asterisk = asterisk;
    }

    public String asterisk() {
        return asterisk;
    }

    /** From Asterisk's text ("NO ANSWER") or the enum name ("NO_ANSWER"); null for null. */
    public static CdrDisposition fromAsterisk(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        return Arrays.stream(values())
                .filter(d -> d.asterisk.equalsIgnoreCase(t) || d.name().equalsIgnoreCase(t))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown CDR disposition '" + text + "'"));
    }
}
