package com.evscallpro.ui.user;

import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import com.evscallpro.core.user.UserDeactivated;
import com.evscallpro.ui.security.CurrentUser;
import com.evscallpro.ui.security.EvsUser;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A signed-in user whose account is deactivated or deleted is signed out of every open page at once (their API
 * tokens are revoked by the core): each page of theirs is pushed a reload, and the reload's navigation finds the
 * account disabled and signs them out (a sign-out needs the browser's own request). A page that could not be reached
 * (no push connection) meets the same check at its next navigation.
 */
@Component
class DeactivatedAccountGuard implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(DeactivatedAccountGuard.class);

    private final UserAccountService accounts;
    private final CurrentUser currentUser;
    /** The open pages of each signed-in user, by user id. */
    private final Map<Long, Set<UI>> pages = new ConcurrentHashMap<>();

    DeactivatedAccountGuard(UserAccountService accounts, CurrentUser currentUser) {
        this.accounts = accounts;
        this.currentUser = currentUser;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            UI ui = init.getUI();
            ui.addBeforeEnterListener(this::check);
            ui.addDetachListener(detach -> forget(ui));
        });
    }

    private void check(BeforeEnterEvent event) {
        EvsUser user = currentUser.get().orElse(null);
        if (user == null) {
            return;
        }
        if (!accounts.findById(user.userId()).map(UserAccount::enabled).orElse(false)) {
            forget(event.getUI());
            currentUser.logout();
            return;
        }
        pages.computeIfAbsent(user.userId(), id -> ConcurrentHashMap.newKeySet()).add(event.getUI());
    }

    private void forget(UI ui) {
        pages.values().forEach(set -> set.remove(ui));
        pages.values().removeIf(Set::isEmpty);
    }

    /** After the commit: the reloaded page must read the account disabled. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(UserDeactivated deactivated) {
        Set<UI> open = pages.remove(deactivated.userId());
        if (open == null) {
            return;
        }
        for (UI ui : open) {
            try {
                ui.access(() -> ui.getPage().reload());
            } catch (RuntimeException e) {
                log.debug("A page of deactivated user {} is gone already: {}", deactivated.userId(), e.toString());
            }
        }
        log.info("Deactivated user {}: {} open page(s) signed out", deactivated.userId(), open.size());
    }
}
