package com.evscallpro.core.agent;

import java.util.Locale;

/**
 * A pause reason an agent may pick.
 *
 * @param code     lower-case letters, digits and dashes ({@code break}); what sessions and the journal carry
 * @param position display order
 * @param active   false: no longer offered (kept for the journal's history)
 */
public record PauseReasonChoice(String code, String labelFr, String labelEn, int position, boolean active) {

    public String label(Locale locale) {
        return locale != null && "fr".equals(locale.getLanguage()) ? labelFr : labelEn;
    }
}
