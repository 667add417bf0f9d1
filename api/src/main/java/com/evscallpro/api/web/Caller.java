package com.evscallpro.api.web;

import com.evscallpro.api.security.AccessTokens;
import com.evscallpro.core.user.UserAccount;
import org.springframework.security.oauth2.jwt.Jwt;

/** The signed-in caller as its access token says: user id, username, role, API session (refresh family). */
public record Caller(long userId, String username, UserAccount.Role role, String session) {

    public static Caller of(Jwt jwt) {
        Number uid = jwt.getClaim(AccessTokens.USER_ID);
        java.util.List<String> roles = jwt.getClaimAsStringList(AccessTokens.ROLES);
        return new Caller(uid.longValue(), jwt.getSubject(), UserAccount.Role.valueOf(roles.get(0)),
                jwt.getClaimAsString(AccessTokens.SESSION));
    }
}
