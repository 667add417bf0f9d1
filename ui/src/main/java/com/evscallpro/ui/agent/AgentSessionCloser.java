package com.evscallpro.ui.agent;

import com.evscallpro.core.agent.AgentPresence;
import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.ui.security.EvsUser;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.communication.PushConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Tells {@link AgentPresence} which browser UIs an agent works through, and logs the agent out of the dialer when
 * their web session ends (closed browser, expired session) without a logout. Each agent UI is a presence client
 * whose liveness is its server-push connection: a closed tab or browser drops it at once, while a background tab
 * keeps it open (unlike client timers, which browsers throttle, and unlike Vaadin's heartbeat, whose default
 * interval of 5 minutes would notice a closed browser only after about 15). A detached UI is unregistered.
 * An agent still on a call, or in wrap-up, is left to presence (paused after the call).
 */
@Component
class AgentSessionCloser implements VaadinServiceInitListener {

    static final String AGENT_ID = AgentSessionCloser.class.getName() + ".agentId";

    private static final Logger log = LoggerFactory.getLogger(AgentSessionCloser.class);

    private final AgentService agents;
    private final AgentPresence presence;

    AgentSessionCloser(AgentService agents, AgentPresence presence) {
        this.agents = agents;
        this.presence = presence;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth != null && auth.getPrincipal() instanceof EvsUser user
                    && user.role() == UserAccount.Role.AGENT) {
                UI ui = e.getUI();
                ui.getSession().setAttribute(AGENT_ID, user.userId());
                track(ui, user.userId());
            }
        });
        event.getSource().addSessionDestroyListener(e -> close(e.getSession()));
    }

    private void track(UI ui, long agentId) {
        String client = "ui-" + ui.getSession().getPushId() + "-" + ui.getUIId();
        presence.register(agentId, client, () -> connected(ui));
        ui.addDetachListener(d -> presence.unregister(agentId, client));
    }

    /** The UI's push connection is up (a UI without push counts while attached). */
    static boolean connected(UI ui) {
        if (ui.isClosing()) {
            return false;
        }
        PushConnection push = ui.getInternals().getPushConnection();
        return push == null ? ui.isAttached() : push.isConnected();
    }

    void close(VaadinSession session) {
        if (!(session.getAttribute(AGENT_ID) instanceof Long agentId)) {
            return;
        }
        try {
            if (agents.logOutIfIdle(agentId)) {
                log.info("Agent {} logged out: web session ended", agentId);
            }
        } catch (RuntimeException ex) {
            log.warn("Agent {} not logged out at session end: {}", agentId, ex.toString());
        }
    }
}
