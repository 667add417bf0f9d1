package com.evscallpro.db.auth;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One refresh token, by the hash of its value. {@code rotatedAt} is set when it was exchanged for a new one (it is
 * single-use); {@code revokedAt} when its family was revoked (logout, reuse, password change).
 */
@Table("refresh_token")
public record RefreshToken(@Id Long id, String tokenHash, UUID familyId, long userId, Instant issuedAt,
                           Instant expiresAt, Instant rotatedAt, Instant revokedAt) {

    public static RefreshToken issue(String tokenHash, UUID familyId, long userId, Instant now, Instant expiresAt) {
        return new RefreshToken(null, tokenHash, familyId, userId, now, expiresAt, null, null);
    }
}
