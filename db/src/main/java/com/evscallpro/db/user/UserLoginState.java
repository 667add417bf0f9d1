package com.evscallpro.db.user;

import java.time.Instant;

/**
 * The sign-in state of one user (table {@code user_login_state}, V11): forced password change, last sign-in, failed
 * attempts of the current window and the lock-out they caused. {@link #none(long)} for a user without a row.
 */
public record UserLoginState(long userId, boolean mustChangePassword, Instant passwordChangedAt, Instant lastLoginAt,
                             int failedAttempts, Instant firstFailureAt, Instant lastFailureAt, Instant lockedUntil) {

    public static UserLoginState none(long userId) {
        return new UserLoginState(userId, false, null, null, 0, null, null, null);
    }
}
