package com.evscallpro.app.wallboard;

import com.evscallpro.api.security.AccessTokens;
import com.evscallpro.core.user.UserAccount.Role;
import com.evscallpro.ui.security.EvsUser;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Inbound STOMP frames of {@code /ws}. CONNECT: the user is the one of the HTTP session that made the handshake, or
 * else the bearer access token of the API sent as the CONNECT frame's native {@code Authorization: Bearer ...} header
 * (browsers cannot set headers on a WebSocket handshake), validated by the API's {@link JwtDecoder} (signature,
 * expiry, token version: a revoked token is refused) and mapped to its role; a CONNECT with neither, or with a bad
 * token, is refused. A token sent by a client that also has a session is checked too, and wins. Then a client never
 * SENDs (no destination accepts client messages; the broker
 * topics are fed by the server only, so nobody forges an {@code agentStatusUpdate}), and SUBSCRIBEs only to a topic
 * its role may see ({@link WallboardTopics#SUBSCRIBERS}). An agent's session still counts for presence although the
 * agent may subscribe to nothing. A refused frame becomes a STOMP ERROR.
 */
class StompAccessInterceptor implements ChannelInterceptor {

    private static final Logger log = LoggerFactory.getLogger(StompAccessInterceptor.class);
    private static final String BEARER = "Bearer ";

    private final JwtDecoder tokens;

    StompAccessInterceptor(JwtDecoder tokens) {
        this.tokens = tokens;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (stomp == null || stomp.getCommand() == null) {
            return message;
        }
        StompCommand command = stomp.getCommand();
        if (command == StompCommand.CONNECT || command == StompCommand.STOMP) {
            connect(stomp);
        } else if (command == StompCommand.SEND) {
            refuse(stomp, "clients may not send");
        } else if (command == StompCommand.SUBSCRIBE
                && !WallboardTopics.maySubscribe(roleOf(stomp.getUser()), stomp.getDestination())) {
            refuse(stomp, "not allowed to subscribe");
        }
        return message;
    }

    private void connect(StompHeaderAccessor stomp) {
        String authorization = stomp.getFirstNativeHeader("Authorization");
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                refuse(stomp, "unsupported Authorization header");
            }
            Jwt jwt;
            try {
                jwt = tokens.decode(authorization.substring(BEARER.length()).strip());
            } catch (JwtException e) {
                log.warn("STOMP CONNECT with a refused bearer token: {}", e.getMessage());
                throw new MessageDeliveryException("Access denied: invalid token");
            }
            List<String> roles = jwt.getClaimAsStringList(AccessTokens.ROLES);
            List<SimpleGrantedAuthority> authorities = (roles == null ? List.<String>of() : roles).stream()
                    .map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
            stomp.setUser(new JwtAuthenticationToken(jwt, authorities, jwt.getSubject()));
            stomp.removeNativeHeader("Authorization");
        } else if (!(stomp.getUser() instanceof Authentication auth && auth.isAuthenticated())) {
            refuse(stomp, "not authenticated");
        }
    }

    private static void refuse(StompHeaderAccessor stomp, String why) {
        Principal user = stomp.getUser();
        log.warn("STOMP {} to {} refused for {}: {}", stomp.getCommand(), stomp.getDestination(),
                user == null ? "anonymous" : user.getName(), why);
        throw new MessageDeliveryException("Access denied: " + why);
    }

    static Role roleOf(Principal user) {
        if (!(user instanceof Authentication auth) || !auth.isAuthenticated()) {
            return null;
        }
        if (auth.getPrincipal() instanceof EvsUser evs) {
            return evs.role();
        }
        if (auth instanceof JwtAuthenticationToken) {
            return auth.getAuthorities().stream().map(a -> a.getAuthority().substring("ROLE_".length()))
                    .filter(r -> Arrays.stream(Role.values()).anyMatch(known -> known.name().equals(r)))
                    .map(Role::valueOf).findFirst().orElse(null);
        }
        return null;
    }
}
