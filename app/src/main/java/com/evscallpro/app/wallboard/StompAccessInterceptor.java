package com.evscallpro.app.wallboard;

import com.evscallpro.core.user.UserAccount.Role;
import com.evscallpro.ui.security.EvsUser;
import java.security.Principal;
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

/**
 * Inbound STOMP frames of {@code /ws}: a client never SENDs (no destination accepts client messages; the broker
 * topics are fed by the server only, so nobody forges an {@code agentStatusUpdate}), and SUBSCRIBEs only to a topic
 * its role may see ({@link WallboardTopics#SUBSCRIBERS}). CONNECT and DISCONNECT pass: an agent's session still
 * counts for presence although the agent may subscribe to nothing. A refused frame becomes a STOMP ERROR.
 */
class StompAccessInterceptor implements ChannelInterceptor {

    private static final Logger log = LoggerFactory.getLogger(StompAccessInterceptor.class);

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (stomp == null || stomp.getCommand() == null) {
            return message;
        }
        StompCommand command = stomp.getCommand();
        if (command == StompCommand.SEND) {
            refuse(stomp, "clients may not send");
        } else if (command == StompCommand.SUBSCRIBE
                && !WallboardTopics.maySubscribe(roleOf(stomp.getUser()), stomp.getDestination())) {
            refuse(stomp, "not allowed to subscribe");
        }
        return message;
    }

    private static void refuse(StompHeaderAccessor stomp, String why) {
        Principal user = stomp.getUser();
        log.warn("STOMP {} to {} refused for {}: {}", stomp.getCommand(), stomp.getDestination(),
                user == null ? "anonymous" : user.getName(), why);
        throw new MessageDeliveryException("Access denied: " + why);
    }

    private static Role roleOf(Principal user) {
        return user instanceof Authentication auth && auth.isAuthenticated()
                && auth.getPrincipal() instanceof EvsUser evs ? evs.role() : null;
    }
}
