package com.evscallpro.ui.layout;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * No such page, or one the user may not open (in development mode Vaadin's access control reports a refused route
 * as not found): HTTP 404, in place of Vaadin's route list.
 */
@AnonymousAllowed
class NotFoundPage extends RefusedPage implements HasErrorParameter<NotFoundException> {

    NotFoundPage() {
        super("refused.notFound.title", "refused.notFound.text", HttpServletResponse.SC_NOT_FOUND);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
