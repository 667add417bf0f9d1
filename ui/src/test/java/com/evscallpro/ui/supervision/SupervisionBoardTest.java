package com.evscallpro.ui.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.agent.AgentStatus;
import com.evscallpro.core.agent.AgentStatusChanged;
import com.evscallpro.core.call.LiveCall;
import com.evscallpro.core.call.LiveCall.LiveCallState;
import com.evscallpro.core.call.LiveCallChanged;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SupervisionBoardTest {

    private static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");

    private final SupervisionBoard board = new SupervisionBoard();

    @Test
    void counts_agents_by_state_and_calls_in_progress() {
        board.load(List.of(agent(1, "Zoé", AgentState.READY), agent(2, "Alain", AgentState.ON_CALL),
                agent(3, "Marc", AgentState.PAUSED), agent(4, "Bea", AgentState.READY)),
                List.of(call("c1", LiveCallState.CONNECTED, T0)));
        assertThat(board.counters()).isEqualTo(new SupervisionBoard.Counters(2, 1, 1, 1));
        assertThat(board.agents()).extracting(AgentStatus::displayName).containsExactly("Alain", "Bea", "Marc", "Zoé");
    }

    @Test
    void an_agent_event_replaces_that_agent_only() {
        board.load(List.of(agent(1, "Zoé", AgentState.READY), agent(2, "Alain", AgentState.READY)), List.of());
        board.apply(new AgentStatusChanged(agent(1, "Zoé", AgentState.ON_CALL), AgentState.READY));
        assertThat(board.agents()).extracting(AgentStatus::state).containsExactly(AgentState.READY, AgentState.ON_CALL);
        assertThat(board.counters().onCall()).isEqualTo(1);
        board.apply(new AgentStatusChanged(agent(5, "New", AgentState.PAUSED), AgentState.OFFLINE));
        assertThat(board.agents()).hasSize(3);
    }

    @Test
    void calls_appear_change_and_leave_when_ended_oldest_first() {
        board.load(List.of(), List.of());
        board.apply(new LiveCallChanged(call("c2", LiveCallState.DIALING, T0.plusSeconds(5))));
        board.apply(new LiveCallChanged(call("c1", LiveCallState.RINGING, T0)));
        assertThat(board.calls()).extracting(LiveCall::callId).containsExactly("c1", "c2");
        board.apply(new LiveCallChanged(call("c1", LiveCallState.CONNECTED, T0)));
        assertThat(board.calls().getFirst().state()).isEqualTo(LiveCallState.CONNECTED);
        board.apply(new LiveCallChanged(call("c1", LiveCallState.ENDED, T0)));
        assertThat(board.calls()).extracting(LiveCall::callId).containsExactly("c2");
        assertThat(board.counters().calls()).isEqualTo(1);
    }

    @Test
    void ended_calls_in_the_initial_load_are_left_out() {
        board.load(List.of(), List.of(call("c1", LiveCallState.ENDED, T0)));
        assertThat(board.calls()).isEmpty();
    }

    private static AgentStatus agent(long id, String name, AgentState state) {
        return new AgentStatus(id, "u" + id, name, "10" + id, state, null, T0, null);
    }

    private static LiveCall call(String id, LiveCallState state, Instant started) {
        return new LiveCall(id, 1, "Camp", 9, "Jeanne Martin", "+33 6•• •• •• 78", 2L, "Alain", state, started,
                null);
    }
}
