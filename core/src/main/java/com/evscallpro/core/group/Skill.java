package com.evscallpro.core.group;

import java.util.Locale;

/**
 * A skill an agent may hold at a level from {@link #MIN_LEVEL} to {@link #MAX_LEVEL}.
 *
 * @param id      null for a new skill
 * @param code    a short stable name ({@code [a-z0-9][a-z0-9_-]*}, at most 40), e.g. {@code spanish}
 * @param version the version read (optimistic locking); ignored on create
 */
public record Skill(Long id, String code, String labelFr, String labelEn, int version) {

    public static final int MIN_LEVEL = 1;
    public static final int MAX_LEVEL = 5;

    public static Skill draft(String code, String labelFr, String labelEn) {
        return new Skill(null, code, labelFr, labelEn, 0);
    }

    /** The label in the language of {@code locale} (French unless English). */
    public String label(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? labelEn : labelFr;
    }
}
