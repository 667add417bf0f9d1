package com.evscallpro.ui.security;

import com.evscallpro.ui.i18n.UiLocales;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Applies the signed-in user's own locale once per login: on the first UI created after authentication, the
 * session locale becomes the account's. Later switches (FR/EN buttons) stay in the session and are not overridden.
 */
@Component
class UserLocaleInitializer implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(uiEvent -> {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth == null || !(auth.getPrincipal() instanceof EvsUser user)) {
                return;
            }
            VaadinSession session = uiEvent.getUI().getSession();
            if (!user.getUsername().equals(session.getAttribute(UiLocales.APPLIED_FOR_USER))) {
                session.setAttribute(UiLocales.APPLIED_FOR_USER, user.getUsername());
                UiLocales.apply(session, uiEvent.getUI(), user.locale());
            } else {
                uiEvent.getUI().setLocale(UiLocales.supported(session.getLocale()));
            }
        });
    }
}
