package com.evscallpro.api.security;

import com.evscallpro.core.auth.TokenService;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses an access token whose {@code ver} claim is not the user's current token version: a logout, a logout
 * everywhere or a password change raises the version, so every access token issued before dies at once, without
 * waiting for its expiry. One indexed read per request.
 */
final class TokenVersionValidator implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2Error REVOKED = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
            "The access token was revoked", null);

    private final TokenService tokens;

    TokenVersionValidator(TokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        Object uid = jwt.getClaims().get(AccessTokens.USER_ID);
        Object ver = jwt.getClaims().get(AccessTokens.TOKEN_VERSION);
        if (!(uid instanceof Number user) || !(ver instanceof Number version)) {
            return OAuth2TokenValidatorResult.failure(REVOKED);
        }
        long current = tokens.tokenVersion(user.longValue());
        return current >= 0 && current == version.longValue()
                ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(REVOKED);
    }
}
