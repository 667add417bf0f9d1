package com.evscallpro.core.user;

import java.time.Instant;

/**
 * What the sign-in layer knows about a user: a password change owed before anything else, the last successful
 * sign-in, the failed attempts of the current window and the end of a temporary lock-out (null: not locked).
 */
public record SignInState(boolean mustChangePassword, Instant lastLoginAt, int failedAttempts, Instant lockedUntil) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
