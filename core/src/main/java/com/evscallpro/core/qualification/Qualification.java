package com.evscallpro.core.qualification;

import java.util.Locale;

/** One disposition an agent can pick. */
public record Qualification(String code, String labelFr, String labelEn, QualificationCategory category) {

    public String label(Locale locale) {
        return locale != null && "fr".equals(locale.getLanguage()) ? labelFr : labelEn;
    }

    public enum QualificationCategory { POSITIVE, NEGATIVE, CALLBACK, NEUTRAL }
}
