package com.evscallpro.ui.layout;

import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** A signed-in user opened a workspace of another role (e.g. an agent typing {@code /admin}): HTTP 403. */
@AnonymousAllowed
class AccessDeniedPage extends RefusedPage implements HasErrorParameter<AccessDeniedException> {

    AccessDeniedPage() {
        super("refused.denied.title", "refused.denied.text", HttpServletResponse.SC_FORBIDDEN);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
