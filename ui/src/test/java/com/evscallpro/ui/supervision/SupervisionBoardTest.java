package com.evscallpro.ui.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.agent.AgentStatus;
import com.evscallpro.core.agent.AgentStatusChanged;
import com.evscallpro.core.call.LiveCall;
import com.evscallpro.core.call.LiveCall.LiveCallState;
import com.evscallpro.core.call.LiveCallChanged;
import com.evscallpro.ui.supervision.SupervisionBoard.Applied;
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
    void the_next_version_of_an_agent_replaces_that_agent_only() {
        board.load(List.of(agent(1, "Zoé", AgentState.READY, 3), agent(2, "Alain", AgentState.READY, 7)), List.of());
        assertThat(board.apply(changed(agent(1, "Zoé", AgentState.RESERVED, 4)))).isEqualTo(Applied.CHANGED);
        assertThat(board.apply(changed(agent(1, "Zoé", AgentState.ON_CALL, 5)))).isEqualTo(Applied.CHANGED);
        assertThat(board.agents()).extracting(AgentStatus::state).containsExactly(AgentState.READY, AgentState.ON_CALL);
        assertThat(board.counters().onCall()).isEqualTo(1);
    }

    @Test
    void after_a_missed_event_the_newer_status_is_shown_as_it_carries_the_whole_state() {
        board.load(List.of(agent(1, "Zoé", AgentState.READY, 3)), List.of());
        // version 4 (READY -> PAUSED) was lost; version 5 (PAUSED -> READY... -> ON_CALL) arrives: it is the present
        assertThat(board.apply(changed(agent(1, "Zoé", AgentState.ON_CALL, 5)))).isEqualTo(Applied.CHANGED);
        assertThat(board.agents().getFirst().version()).isEqualTo(5);
        assertThat(board.counters().onCall()).isEqualTo(1);
    }

    @Test
    void a_late_event_never_replaces_a_newer_state() {
        board.load(List.of(agent(1, "Zoé", AgentState.PAUSED, 6)), List.of());
        // the READY of version 5 was published by another thread and overtaken by the PAUSED of version 6
        assertThat(board.apply(changed(agent(1, "Zoé", AgentState.READY, 5)))).isEqualTo(Applied.STALE);
        assertThat(board.apply(changed(agent(1, "Zoé", AgentState.READY, 6)))).isEqualTo(Applied.STALE);
        assertThat(board.agents().getFirst().state()).isEqualTo(AgentState.PAUSED);
        assertThat(board.agents().getFirst().version()).isEqualTo(6);
    }

    @Test
    void an_agent_the_board_does_not_know_asks_for_a_reload() {
        board.load(List.of(agent(1, "Zoé", AgentState.READY, 1)), List.of());
        assertThat(board.apply(changed(agent(5, "New", AgentState.PAUSED, 2)))).isEqualTo(Applied.UNKNOWN);
        assertThat(board.agents()).hasSize(1);
    }

    @Test
    void the_board_reloads_periodically_even_when_every_event_arrived() {
        board.load(List.of(), List.of(), T0);
        assertThat(board.reconcileDue(T0.plusSeconds(14))).isFalse();
        assertThat(board.reconcileDue(T0.plus(SupervisionBoard.RECONCILE_EVERY))).isTrue();
        board.load(List.of(), List.of(), T0.plusSeconds(15));
        assertThat(board.reconcileDue(T0.plusSeconds(16))).isFalse();
        assertThat(new SupervisionBoard().reconcileDue(T0)).as("never loaded").isTrue();
    }

    private static AgentStatusChanged changed(AgentStatus status) {
        return new AgentStatusChanged(status, AgentState.OFFLINE);
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
        return agent(id, name, state, 0);
    }

    private static AgentStatus agent(long id, String name, AgentState state, long version) {
        return new AgentStatus(id, "u" + id, name, "10" + id, state, null, T0, null, null, version);
    }

    private static LiveCall call(String id, LiveCallState state, Instant started) {
        return new LiveCall(id, 1, "Camp", 9, "Jeanne Martin", "+33 6•• •• •• 78", 2L, "Alain", state, started,
                null);
    }
}
