package com.evscallpro.ui.password;

import com.evscallpro.core.user.UserCredentials;
import com.evscallpro.ui.security.EvsUser;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * While a signed-in user owes a password change ({@link UserCredentials#state}), every navigation goes to
 * {@link ChangePasswordView}. Once the state says nothing is owed, the session remembers it and asks no more.
 */
@Component
class PasswordChangeGuard implements VaadinServiceInitListener {

    private static final String CLEARED = PasswordChangeGuard.class.getName() + ".cleared";

    private final UserCredentials credentials;

    PasswordChangeGuard(UserCredentials credentials) {
        this.credentials = credentials;
    }

    /** Called by the view once the current session's user changed the password. */
    static void passwordChanged() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            session.setAttribute(CLEARED, currentUsername());
        }
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::check));
    }

    private void check(BeforeEnterEvent event) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof EvsUser user)
                || event.getNavigationTarget() == ChangePasswordView.class) {
            return;
        }
        VaadinSession session = event.getUI().getSession();
        if (user.getUsername().equals(session.getAttribute(CLEARED))) {
            return;
        }
        if (credentials.state(user.userId()).mustChangePassword()) {
            event.forwardTo(ChangePasswordView.class);
        } else {
            session.setAttribute(CLEARED, user.getUsername());
        }
    }

    private static String currentUsername() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? null : auth.getName();
    }
}
