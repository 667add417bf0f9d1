package com.evscallpro.ui.agent;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.evscallpro.core.agent.AgentPresence;
import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.agent.PresenceSettings;
import com.vaadin.flow.server.VaadinSession;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class AgentSessionCloserTest {

    private final AgentService agents = mock(AgentService.class);
    private final VaadinSession session = mock(VaadinSession.class);
    private final AgentSessionCloser closer = new AgentSessionCloser(agents,
            new AgentPresence(agents, PresenceSettings.defaults(), Clock.systemUTC()));

    @Test
    void an_agent_whose_web_session_ends_is_logged_out_when_idle() {
        when(session.getAttribute(AgentSessionCloser.AGENT_ID)).thenReturn(7L);
        closer.close(session);
        verify(agents).logOutIfIdle(7L);
    }

    @Test
    void sessions_of_other_users_are_ignored() {
        when(session.getAttribute(AgentSessionCloser.AGENT_ID)).thenReturn(null);
        closer.close(session);
        verify(agents, never()).logOutIfIdle(org.mockito.ArgumentMatchers.anyLong());
    }
}
