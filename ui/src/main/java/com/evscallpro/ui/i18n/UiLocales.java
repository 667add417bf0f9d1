package com.evscallpro.ui.i18n;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;

/** The two UI languages and how the chosen one is kept in the Vaadin session. */
public final class UiLocales {

    /** Session attribute: the username whose account locale was applied (done once per login). */
    public static final String APPLIED_FOR_USER = "evs.locale.appliedForUser";

    private UiLocales() {
    }

    /** French or English: English for an English locale, French for anything else (including null). */
    public static Locale supported(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.FRENCH;
    }

    /** Stores the language in the session (all its UIs follow) and in the given UI. */
    public static void apply(VaadinSession session, UI ui, Locale locale) {
        Locale supported = supported(locale);
        if (session != null) {
            session.setLocale(supported);
        }
        if (ui != null) {
            ui.setLocale(supported);
        }
    }
}
