package com.evscallpro.core.user;

import java.time.Instant;

/**
 * Published (Spring application event) once a user's password has changed, after the new hash is stored and in the
 * same transaction: listen with {@code @TransactionalEventListener} to act only once it is committed (e.g. revoke
 * the user's tokens and other sessions).
 */
public record PasswordChanged(long userId, String username, Instant at) {
}
