package com.evscallpro.ui.audit;

import com.evscallpro.core.audit.AuditActor;
import com.evscallpro.ui.security.EvsUser;
import com.vaadin.flow.server.VaadinRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The person acting on this thread: the signed-in user of the Vaadin request (or of any servlet request), with the
 * client's address. Off a request (the dialer, schedulers) there is nobody: the system acts.
 */
@Component
class SignedInAuditActor implements AuditActor {

    @Override
    public Optional<Actor> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return Optional.empty();
        }
        Long id = auth.getPrincipal() instanceof EvsUser user ? user.userId() : null;
        if (id == null && "anonymousUser".equals(auth.getName())) {
            return Optional.empty();
        }
        return Optional.of(new Actor(id, auth.getName(), address()));
    }

    private static String address() {
        VaadinRequest vaadin = VaadinRequest.getCurrent();
        if (vaadin != null) {
            return vaadin.getRemoteAddr();
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
            HttpServletRequest request = servlet.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
