package com.evscallpro.ui.agent;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.agent.AgentStatus;
import com.vaadin.flow.server.VaadinSession;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AgentSessionCloserTest {

    private final AgentService agents = mock(AgentService.class);
    private final VaadinSession session = mock(VaadinSession.class);
    private final AgentSessionCloser closer = new AgentSessionCloser(agents);

    @Test
    void a_ready_agent_whose_web_session_ends_is_logged_out_of_the_dialer() {
        agentIs(AgentState.READY);
        closer.close(session);
        verify(agents).logOut(7L);
    }

    @Test
    void an_agent_on_a_call_or_in_wrap_up_is_left_alone() {
        for (AgentState busy : new AgentState[] {AgentState.ON_CALL, AgentState.RESERVED, AgentState.WRAP_UP}) {
            agentIs(busy);
            closer.close(session);
        }
        verify(agents, never()).logOut(7L);
    }

    @Test
    void sessions_of_other_users_are_ignored() {
        when(session.getAttribute(AgentSessionCloser.AGENT_ID)).thenReturn(null);
        closer.close(session);
        verify(agents, never()).logOut(org.mockito.ArgumentMatchers.anyLong());
    }

    private void agentIs(AgentState state) {
        when(session.getAttribute(AgentSessionCloser.AGENT_ID)).thenReturn(7L);
        when(agents.status(7L)).thenReturn(new AgentStatus(7L, "a", "A", "2001", state, null, Instant.now(), null));
    }
}
