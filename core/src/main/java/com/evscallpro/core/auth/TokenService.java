package com.evscallpro.core.auth;

import com.evscallpro.core.user.UserAccount;
import java.time.Duration;

/**
 * API credentials and token lifecycle. Refusals are {@link com.evscallpro.core.error.EvsException}s:
 * {@code auth.bad-credentials} (unknown user, wrong password: one code for both), {@code auth.account-locked}
 * (temporary lock-out after repeated failures, shared with the UI's sign-in), {@code auth.account-disabled} (right
 * password of a deactivated account), {@code auth.password-change-required} (right password, but a new one is owed),
 * {@code auth.refresh-invalid} (unknown, expired or revoked refresh token), {@code auth.refresh-reused} (an already
 * rotated token: its whole family is revoked).
 */
public interface TokenService {

    /**
     * The account whose password this is. Goes through the same lock-out as the UI's sign-in
     * ({@link com.evscallpro.core.user.UserCredentials}): a wrong password counts as a failure, a success records the
     * last sign-in. Refusals: {@code auth.bad-credentials}, {@code auth.account-locked}, {@code auth.account-disabled},
     * {@code auth.password-change-required}.
     */
    UserAccount authenticate(String username, String password);

    /**
     * The password change a user who owes one makes before getting tokens: the current password is checked like a
     * sign-in (same lock-out), then the policy of {@link com.evscallpro.core.user.UserCredentials#changePassword}
     * applies ({@code password.*} codes).
     */
    void changeOwedPassword(String username, String currentPassword, String newPassword);

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
