package com.evscallpro.ui.agent;

import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.ui.security.EvsUser;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Logs an agent out of the dialer when their web session ends (closed browser, expired session) without a logout:
 * otherwise a READY agent nobody is watching would keep being sent calls. An agent still on a call is left alone;
 * and so is one in wrap-up, whose task waits for them.
 */
@Component
class AgentSessionCloser implements VaadinServiceInitListener {

    static final String AGENT_ID = AgentSessionCloser.class.getName() + ".agentId";

    private static final Logger log = LoggerFactory.getLogger(AgentSessionCloser.class);

    private final AgentService agents;

    AgentSessionCloser(AgentService agents) {
        this.agents = agents;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth != null && auth.getPrincipal() instanceof EvsUser user
                    && user.role() == UserAccount.Role.AGENT) {
                ui.getUI().getSession().setAttribute(AGENT_ID, user.userId());
            }
        });
        event.getSource().addSessionDestroyListener(e -> close(e.getSession()));
    }

    void close(VaadinSession session) {
        if (!(session.getAttribute(AGENT_ID) instanceof Long agentId)) {
            return;
        }
        try {
            AgentState state = agents.status(agentId).state();
            if (state == AgentState.READY || state == AgentState.PAUSED) {
                agents.logOut(agentId);
                log.info("Agent {} logged out: web session ended while {}", agentId, state);
            }
        } catch (RuntimeException ex) {
            log.warn("Agent {} not logged out at session end: {}", agentId, ex.toString());
        }
    }
}
