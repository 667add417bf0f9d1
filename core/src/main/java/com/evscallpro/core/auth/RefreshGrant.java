package com.evscallpro.core.auth;

import java.time.Instant;
import java.util.UUID;

/**
 * A refresh token just issued, with what the access token issued beside it carries.
 *
 * @param refreshToken the opaque token, given to the client once (only its hash is stored)
 * @param familyId     the login it descends from; every rotation stays in it
 * @param tokenVersion the user's token version now (the access token's {@code ver} claim)
 */
public record RefreshGrant(long userId, UUID familyId, String refreshToken, Instant expiresAt, long tokenVersion) {

    @Override
    public String toString() {
        return "RefreshGrant[user " + userId + ", family " + familyId + "]"; // never the token
    }
}
