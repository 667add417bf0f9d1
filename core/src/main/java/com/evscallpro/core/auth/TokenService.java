package com.evscallpro.core.auth;

import com.evscallpro.core.user.UserAccount;
import java.time.Duration;

/**
 * API credentials and token lifecycle. Refusals are {@link com.evscallpro.core.error.EvsException}s:
 * {@code auth.bad-credentials} (unknown user, wrong password, disabled account: one code for all),
 * {@code auth.refresh-invalid} (unknown, expired or revoked refresh token), {@code auth.refresh-reused} (an already
 * rotated token: its whole family is revoked).
 */
public interface TokenService {

    /** The account whose password this is; {@code auth.bad-credentials} otherwise. */
    UserAccount authenticate(String username, String password);

    /** Starts a family (a login) with its first refresh token. */
    RefreshGrant issue(long userId, Duration ttl);

    /**
     * Exchanges a refresh token for a new one of the same family. The given token is spent: a second use revokes
     * the family ({@code auth.refresh-reused}).
     */
    RefreshGrant rotate(String refreshToken, Duration ttl);

    /**
     * Logout: revokes the family of this refresh token (if known) and raises the user's token version, so every
     * access token issued so far is refused at once (the user's other logins refresh to go on).
     *
     * @return the user logged out
     */
    long logout(long userId, String refreshToken);

    /**
     * Revokes every token of the user: all refresh-token families, and every access token (token version raised).
     * Call it when a password changes or an account is disabled.
     */
    void revokeAll(long userId);

    /** The user's current token version (-1 for an unknown user). */
    long tokenVersion(long userId);
}
