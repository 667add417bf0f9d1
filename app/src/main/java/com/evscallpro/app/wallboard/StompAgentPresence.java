package com.evscallpro.app.wallboard;

import com.evscallpro.core.agent.AgentPresence;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.ui.security.EvsUser;
import java.security.Principal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionConnectedEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * A STOMP session opened by a signed-in agent (a softphone or a wallboard client working for the agent) is one of the
 * agent's clients for {@link AgentPresence}: connected while the session lasts, gone at its DISCONNECT or when its
 * WebSocket closes (Spring sends {@link SessionDisconnectEvent} for both). Sessions of other roles are not watched.
 */
@Component
class StompAgentPresence {

    private static final String CLIENT_PREFIX = "stomp-";

    private final AgentPresence presence;
    private final Map<String, Long> agentBySession = new ConcurrentHashMap<>();

    StompAgentPresence(AgentPresence presence) {
        this.presence = presence;
    }

    @EventListener
    void connected(SessionConnectedEvent event) {
        Long agentId = agentOf(event.getUser());
        String sessionId = SimpMessageHeaderAccessor.getSessionId(event.getMessage().getHeaders());
        if (agentId != null && sessionId != null) {
            agentBySession.put(sessionId, agentId);
            presence.register(agentId, CLIENT_PREFIX + sessionId, () -> agentBySession.containsKey(sessionId));
        }
    }

    @EventListener
    void disconnected(SessionDisconnectEvent event) {
        Long agentId = agentBySession.remove(event.getSessionId());
        if (agentId != null) {
            presence.unregister(agentId, CLIENT_PREFIX + event.getSessionId());
        }
    }

    /** Sessions of agents open now. */
    int agentSessions() {
        return agentBySession.size();
    }

    private static Long agentOf(Principal user) {
        if (user instanceof Authentication auth && auth.getPrincipal() instanceof EvsUser evs
                && evs.role() == UserAccount.Role.AGENT) {
            return evs.userId();
        }
        return null;
    }
}
