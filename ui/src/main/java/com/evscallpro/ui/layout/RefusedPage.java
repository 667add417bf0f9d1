package com.evscallpro.ui.layout;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * A page the user may not open, or that does not exist ({@code refused-page}, {@code data-status} 403 or 404): a
 * short text in the user's language and a link back to their workspace, never the development route list nor the
 * exception text.
 */
abstract class RefusedPage extends Div implements HasDynamicTitle {

    private final String titleKey;

    RefusedPage(String titleKey, String textKey, int status) {
        this.titleKey = titleKey;
        setId("refused-page");
        getElement().setAttribute("data-status", Integer.toString(status));
        getStyle().set("padding", "var(--lumo-space-xl)");
        Anchor home = new Anchor("", getTranslation("refused.home"));
        home.setId("refused-home");
        add(new H2(getTranslation(titleKey)), new Paragraph(getTranslation(textKey)), home);
    }

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey) + " · EVSCallPro";
    }
}
