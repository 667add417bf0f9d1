package com.evscallpro.api.security;

import com.evscallpro.core.user.UserAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * Issues access tokens with Spring Security's {@link JwtEncoder} (Nimbus, HS256). Claims: {@code sub} the username,
 * {@code uid} the user id, {@code roles}, {@code ver} the user's token version (checked on every request),
 * {@code sid} the refresh-token family (the API client's session), {@code iss}, {@code iat}, {@code exp}, {@code jti}.
 */
public final class AccessTokens {

    public static final String USER_ID = "uid";
    public static final String ROLES = "roles";
    public static final String TOKEN_VERSION = "ver";
    public static final String SESSION = "sid";

    private final JwtEncoder encoder;
    private final ApiJwtProperties properties;
    private final Clock clock;

    AccessTokens(JwtEncoder encoder, ApiJwtProperties properties, Clock clock) {
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    /** An access token, issued now. */
    public record AccessToken(String value, Instant expiresAt) {
    }

    /** An access token living the configured {@code access-token-ttl}. */
    public AccessToken issue(UserAccount account, long tokenVersion, UUID session) {
        return issue(account, tokenVersion, session, properties.accessTokenTtl());
    }

    /** An access token living {@code ttl} (tests of expiry use a short one). */
    public AccessToken issue(UserAccount account, long tokenVersion, UUID session, Duration ttl) {
        Instant now = clock.instant();
        Instant expires = now.plus(ttl);
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .subject(account.username())
                .issuedAt(now)
                .expiresAt(expires)
                .id(UUID.randomUUID().toString())
                .claim(USER_ID, account.id())
                .claim(ROLES, List.of(account.role().name()))
                .claim(TOKEN_VERSION, tokenVersion)
                .claim(SESSION, session.toString())
                .build();
        String value = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new AccessToken(value, expires);
    }
}
