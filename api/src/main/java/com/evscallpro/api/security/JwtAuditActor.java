package com.evscallpro.api.security;

import com.evscallpro.core.audit.AuditActor;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** For the audit trail, an API call's actor: the user of its access token, and the client's address. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class JwtAuditActor implements AuditActor {

    @Override
    public Optional<Actor> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof Jwt jwt)) {
            return Optional.empty();
        }
        Number id = jwt.getClaim(AccessTokens.USER_ID);
        String address = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
                ? servlet.getRequest().getRemoteAddr() : null;
        return Optional.of(new Actor(id == null ? null : id.longValue(), jwt.getSubject(), address));
    }
}
