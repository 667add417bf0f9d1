package com.evscallpro.ui.security;

import com.evscallpro.core.user.UserAccount;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The signed-in user of the current Vaadin request, through Vaadin's {@link AuthenticationContext}. */
@Component
public class CurrentUser {

    private final AuthenticationContext authenticationContext;

    public CurrentUser(AuthenticationContext authenticationContext) {
        this.authenticationContext = authenticationContext;
    }

    public Optional<EvsUser> get() {
        return authenticationContext.getAuthenticatedUser(EvsUser.class);
    }

    /** @throws IllegalStateException when nobody is signed in (views are protected, so this is a bug) */
    public EvsUser require() {
        return get().orElseThrow(() -> new IllegalStateException("no authenticated user"));
    }

    public boolean hasRole(UserAccount.Role role) {
        return authenticationContext.hasRole(role.name());
    }

    public void logout() {
        authenticationContext.logout();
    }
}
