package com.evscallpro.ui.user;

import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import com.evscallpro.ui.security.CurrentUser;
import com.evscallpro.ui.security.EvsUser;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * A signed-in user whose account was deactivated or deleted meanwhile is signed out at their next navigation (their
 * API tokens are revoked at once by the core).
 */
@Component
class DeactivatedAccountGuard implements VaadinServiceInitListener {

    private final UserAccountService accounts;
    private final CurrentUser currentUser;

    DeactivatedAccountGuard(UserAccountService accounts, CurrentUser currentUser) {
        this.accounts = accounts;
        this.currentUser = currentUser;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::check));
    }

    private void check(BeforeEnterEvent event) {
        EvsUser user = currentUser.get().orElse(null);
        if (user != null && !accounts.findById(user.userId()).map(UserAccount::enabled).orElse(false)) {
            currentUser.logout();
        }
    }
}
