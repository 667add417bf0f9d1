package com.evscallpro.ui.security;

import com.evscallpro.core.user.UserCredentials;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Feeds Spring Security's authentication events to {@link UserCredentials}: a wrong password counts towards the
 * temporary lock-out, a success records the last sign-in and clears the failures. A refusal of a locked or disabled
 * account is not a new failure.
 */
@Component
class SignInAttempts {

    private final UserCredentials credentials;

    SignInAttempts(UserCredentials credentials) {
        this.credentials = credentials;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        credentials.signInFailed(event.getAuthentication().getName());
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof EvsUser user) {
            credentials.signInSucceeded(user.getUsername());
        }
    }
}
