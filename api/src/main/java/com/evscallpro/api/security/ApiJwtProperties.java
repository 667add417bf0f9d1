package com.evscallpro.api.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code evs.api.jwt.*}: the HS256 signing secret ({@code secret}, from {@code EVS_JWT_SECRET}; at least
 * {@value #MIN_SECRET_BYTES} bytes, required: the application refuses to start without it), the access tokens' life
 * ({@code access-token-ttl}, default and maximum 5 min), the refresh tokens' life ({@code refresh-token-ttl},
 * default 12 h), the clock skew tolerated on expiry ({@code clock-skew}, default 5 s) and the issuer claim.
 */
@ConfigurationProperties("evs.api.jwt")
public record ApiJwtProperties(String secret, Duration accessTokenTtl, Duration refreshTokenTtl, Duration clockSkew,
                               String issuer) {

    public static final int MIN_SECRET_BYTES = 32;
    public static final Duration MAX_ACCESS_TOKEN_TTL = Duration.ofMinutes(5);

    public ApiJwtProperties {
        accessTokenTtl = accessTokenTtl == null ? MAX_ACCESS_TOKEN_TTL : accessTokenTtl;
        refreshTokenTtl = refreshTokenTtl == null ? Duration.ofHours(12) : refreshTokenTtl;
        clockSkew = clockSkew == null ? Duration.ofSeconds(5) : clockSkew;
        issuer = issuer == null || issuer.isBlank() ? "evscallpro" : issuer;
    }

    /** The secret's bytes, after checking it is there, long enough, and the TTLs are in range. */
    byte[] checkedSecret() {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("No JWT signing secret: set EVS_JWT_SECRET (evs.api.jwt.secret) to at "
                    + "least " + MIN_SECRET_BYTES + " random bytes, e.g. `openssl rand -base64 48`");
        }
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("EVS_JWT_SECRET (evs.api.jwt.secret) is too short: " + bytes.length
                    + " bytes, at least " + MIN_SECRET_BYTES + " needed");
        }
        if (accessTokenTtl.isNegative() || accessTokenTtl.isZero()
                || accessTokenTtl.compareTo(MAX_ACCESS_TOKEN_TTL) > 0) {
            throw new IllegalStateException("evs.api.jwt.access-token-ttl must be over 0 and at most 5 minutes, was "
                    + accessTokenTtl);
        }
        if (refreshTokenTtl.isNegative() || refreshTokenTtl.isZero()) {
            throw new IllegalStateException("evs.api.jwt.refresh-token-ttl must be over 0, was " + refreshTokenTtl);
        }
        return bytes;
    }

    @Override
    public String toString() {
        return "ApiJwtProperties[accessTokenTtl=" + accessTokenTtl + ", refreshTokenTtl=" + refreshTokenTtl
                + ", clockSkew=" + clockSkew + ", issuer=" + issuer + "]"; // never the secret
    }
}
