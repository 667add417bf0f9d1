package com.evscallpro.core.qualification;

import java.util.Locale;

/** One disposition an agent can pick. */
public record Qualification(String code, String labelFr, String labelEn, QualificationCategory category,
                            boolean finalOutcome) {

    /** A final qualification (the contact is not called again for it). */
    public Qualification(String code, String labelFr, String labelEn, QualificationCategory category) {
        this(code, labelFr, labelEn, category, true);
    }

    public String label(Locale locale) {
        return locale != null && "fr".equals(locale.getLanguage()) ? labelFr : labelEn;
    }

    /** DO_NOT_CALL: the person asked not to be called again (the contact is closed). */
    public enum QualificationCategory { POSITIVE, NEGATIVE, NEUTRAL, CALLBACK, DO_NOT_CALL }
}
