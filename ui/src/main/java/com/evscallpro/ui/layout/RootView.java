package com.evscallpro.ui.layout;

import com.evscallpro.ui.security.CurrentUser;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** {@code /}: forwards every signed-in user to their role's workspace (agent, supervision or admin). */
@Route(value = "", autoLayout = false)
@PermitAll
class RootView extends Div implements BeforeEnterObserver {

    private final CurrentUser currentUser;

    RootView(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        currentUser.get().ifPresentOrElse(
                user -> event.forwardTo(HomeRoutes.home(user.role())),
                () -> event.forwardTo("login"));
    }
}
