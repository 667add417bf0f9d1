package com.evscallpro.db.auth;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Refresh tokens, and the users' token version ({@code app_user.token_version}) the access tokens carry. */
public interface RefreshTokenRepository extends ListCrudRepository<RefreshToken, Long> {

    Optional<RefreshToken> findByTokenHash(String tokenHash);

    /** Marks the token used, only if it was neither used nor revoked: 1 when this call won, 0 otherwise. */
    @Modifying
    @Query("UPDATE refresh_token SET rotated_at = :at WHERE id = :id AND rotated_at IS NULL AND revoked_at IS NULL")
    int markRotated(long id, Instant at);

    @Modifying
    @Query("UPDATE refresh_token SET revoked_at = :at WHERE family_id = :familyId AND revoked_at IS NULL")
    int revokeFamily(UUID familyId, Instant at);

    @Modifying
    @Query("UPDATE refresh_token SET revoked_at = :at WHERE user_id = :userId AND revoked_at IS NULL")
    int revokeUser(long userId, Instant at);

    /** The user's token version; empty for an unknown user. */
    @Query("SELECT token_version FROM app_user WHERE id = :userId")
    Optional<Long> tokenVersion(long userId);

    /** Raises the user's token version: every access token issued before is refused from now on. */
    @Modifying
    @Query("UPDATE app_user SET token_version = token_version + 1 WHERE id = :userId")
    int raiseTokenVersion(long userId);
}
