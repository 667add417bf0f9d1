package com.evscallpro.ui.i18n;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;

/**
 * FR / EN buttons ({@code lang-fr}, {@code lang-en}) inside {@code language-switch}. A click stores the language in
 * the session and reloads the page so every text is rendered again in it.
 */
public class LanguageSwitch extends HorizontalLayout {

    private final Button french = new Button("FR", e -> switchTo(Locale.FRENCH));
    private final Button english = new Button("EN", e -> switchTo(Locale.ENGLISH));

    public LanguageSwitch() {
        setId("language-switch");
        setSpacing(false);
        getStyle().set("gap", "var(--lumo-space-xs)");
        french.setId("lang-fr");
        english.setId("lang-en");
        french.getElement().setAttribute("lang", "fr");
        english.getElement().setAttribute("lang", "en");
        for (Button b : new Button[] {french, english}) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        }
        add(french, english);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        markCurrent(UiLocales.supported(attachEvent.getUI().getLocale()));
    }

    private void switchTo(Locale locale) {
        UI ui = UI.getCurrent();
        UiLocales.apply(VaadinSession.getCurrent(), ui, locale);
        markCurrent(UiLocales.supported(locale));
        if (ui != null) {
            ui.getPage().reload();
        }
    }

    private void markCurrent(Locale current) {
        boolean fr = Locale.FRENCH.equals(current);
        setPrimary(french, fr);
        setPrimary(english, !fr);
        french.getElement().setAttribute("aria-pressed", String.valueOf(fr));
        english.getElement().setAttribute("aria-pressed", String.valueOf(!fr));
    }

    private static void setPrimary(Button button, boolean primary) {
        if (primary) {
            button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        } else {
            button.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
    }
}
