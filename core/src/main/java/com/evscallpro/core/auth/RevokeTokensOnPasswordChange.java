package com.evscallpro.core.auth;

import com.evscallpro.core.user.PasswordChanged;
import com.evscallpro.core.user.UserDeactivated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A changed password ends every API session of the user: their refresh token families are revoked and their token
 * version raised, so even an access token still within its 5 minutes is refused at once. Runs once the change is
 * committed.
 */
@Component
class RevokeTokensOnPasswordChange {

    private static final Logger log = LoggerFactory.getLogger(RevokeTokensOnPasswordChange.class);

    private final TokenService tokens;

    RevokeTokensOnPasswordChange(TokenService tokens) {
        this.tokens = tokens;
    }

    /** A disabled or deleted account: its access tokens die at once, its refresh tokens are refused. */
    @TransactionalEventListener
    void on(UserDeactivated event) {
        tokens.revokeAll(event.userId());
        log.info("User {} deactivated: every API token of theirs revoked", event.username());
    }

    @TransactionalEventListener
    void on(PasswordChanged event) {
        tokens.revokeAll(event.userId());
        log.info("Password of user {} changed: every API token of theirs revoked", event.username());
    }
}
