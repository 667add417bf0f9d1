package com.evscallpro.core.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.evscallpro.core.error.EvsException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every transition of {@link AgentSession}, legal and illegal, from every state. */
class AgentSessionTest {

    private static final Instant T0 = Instant.parse("2026-12-05T09:00:00Z");
    private static final Instant T1 = T0.plusSeconds(30);
    private static final String CALL = "call-1";

    /** A session brought to {@code state} through legal moves, on call {@link #CALL} where the state has one. */
    private static AgentSession in(AgentState state) {
        AgentSession s = new AgentSession(7, T0);
        switch (state) {
            case OFFLINE -> { }
            case READY -> s.ready(T0);
            case PAUSED -> s.pause("break", T0);
            case RESERVED -> {
                s.ready(T0);
                s.reserve(CALL, T0);
            }
            case ON_CALL -> {
                s.ready(T0);
                s.reserve(CALL, T0);
                s.connect(CALL, T0);
            }
            case WRAP_UP -> {
                s.ready(T0);
                s.reserve(CALL, T0);
                s.connect(CALL, T0);
                s.wrapUp(CALL, T0);
            }
        }
        assertThat(s.state()).isEqualTo(state);
        return s;
    }

    /** Each move, with the states it is legal from and where it leads (without a pending pause). */
    private record Move(String code, Set<AgentState> from, AgentState to, BiConsumer<AgentSession, Instant> run) {
    }

    private static final Map<String, Move> MOVES = Map.of(
            "ready", new Move("agent.cannot-ready", EnumSet.of(AgentState.OFFLINE, AgentState.READY,
                    AgentState.PAUSED, AgentState.WRAP_UP), AgentState.READY, AgentSession::ready),
            "logout", new Move("agent.cannot-logout", EnumSet.of(AgentState.OFFLINE, AgentState.READY,
                    AgentState.PAUSED, AgentState.WRAP_UP), AgentState.OFFLINE, AgentSession::logOut),
            "reserve", new Move("agent.cannot-reserve", EnumSet.of(AgentState.READY), AgentState.RESERVED,
                    (s, now) -> s.reserve("call-2", now)),
            "release", new Move("agent.cannot-release", EnumSet.of(AgentState.RESERVED), AgentState.READY,
                    (s, now) -> s.release(CALL, now)),
            "connect", new Move("agent.cannot-connect", EnumSet.of(AgentState.RESERVED), AgentState.ON_CALL,
                    (s, now) -> s.connect(CALL, now)),
            "wrap-up", new Move("agent.cannot-wrap-up", EnumSet.of(AgentState.RESERVED, AgentState.ON_CALL),
                    AgentState.WRAP_UP, (s, now) -> s.wrapUp(CALL, now)),
            "finish", new Move("agent.cannot-finish", EnumSet.of(AgentState.RESERVED, AgentState.ON_CALL,
                    AgentState.WRAP_UP), AgentState.READY, (s, now) -> s.finish(CALL, now)));

    @ParameterizedTest
    @EnumSource(AgentState.class)
    void every_move_is_legal_exactly_from_its_states(AgentState from) {
        for (Move move : MOVES.values()) {
            AgentSession s = in(from);
            long version = s.version();
            if (move.from().contains(from)) {
                move.run().accept(s, T1);
                assertThat(s.state()).as("%s from %s", move.code(), from).isEqualTo(move.to());
                assertThat(s.since()).isEqualTo(T1);
                assertThat(s.version()).isEqualTo(version + 1);
            } else {
                assertThatThrownBy(() -> move.run().accept(s, T1)).as("%s from %s", move.code(), from)
                        .isInstanceOfSatisfying(EvsException.class, e -> {
                            assertThat(e.code()).isEqualTo(move.code());
                            assertThat(e.args().getFirst()).isEqualTo(from);
                        });
                assertThat(s.state()).isEqualTo(from);
                assertThat(s.version()).isEqualTo(version);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = AgentState.class, names = {"OFFLINE", "READY", "PAUSED"})
    void pause_outside_a_call_takes_effect_at_once(AgentState from) {
        AgentSession s = in(from);
        s.pause("lunch", T1);
        assertThat(s.state()).isEqualTo(AgentState.PAUSED);
        assertThat(s.pauseReason()).isEqualTo("lunch");
        assertThat(s.pendingPauseReason()).isNull();
        assertThat(s.since()).isEqualTo(T1);
    }

    @ParameterizedTest
    @EnumSource(value = AgentState.class, names = {"RESERVED", "ON_CALL", "WRAP_UP"})
    void pause_during_a_call_is_pending_and_taken_when_the_call_is_finished(AgentState from) {
        AgentSession s = in(from);
        long version = s.version();
        s.pause("break", T1);
        assertThat(s.state()).isEqualTo(from);
        assertThat(s.callId()).isEqualTo(CALL);
        assertThat(s.pendingPauseReason()).isEqualTo("break");
        assertThat(s.version()).isEqualTo(version + 1);

        s.finish(CALL, T1);
        assertThat(s.state()).isEqualTo(AgentState.PAUSED);
        assertThat(s.pauseReason()).isEqualTo("break");
        assertThat(s.pendingPauseReason()).isNull();
        assertThat(s.callId()).isNull();
    }

    @Test
    void a_pending_pause_survives_connect_and_wrap_up() {
        AgentSession s = in(AgentState.RESERVED);
        s.pause("training", T1);
        s.connect(CALL, T1);
        s.wrapUp(CALL, T1);
        assertThat(s.pendingPauseReason()).isEqualTo("training");
        s.finish(CALL, T1);
        assertThat(s.state()).isEqualTo(AgentState.PAUSED);
        assertThat(s.pauseReason()).isEqualTo("training");
    }

    @Test
    void a_released_call_with_a_pending_pause_pauses_the_agent_so_the_dialer_cannot_reserve_them() {
        AgentSession s = in(AgentState.RESERVED);
        s.pause("phone-not-answered", T1);
        s.release(CALL, T1);
        assertThat(s.state()).isEqualTo(AgentState.PAUSED);
        assertThat(s.pauseReason()).isEqualTo("phone-not-answered");
        assertThatThrownBy(() -> s.reserve("call-2", T1)).isInstanceOf(EvsException.class);
    }

    @ParameterizedTest
    @EnumSource(value = AgentState.class, names = {"RESERVED", "ON_CALL", "WRAP_UP"})
    void ready_during_a_call_cancels_the_pending_pause(AgentState from) {
        AgentSession s = in(from);
        s.pause("meeting", T1);
        s.ready(T1);
        assertThat(s.state()).isEqualTo(from);
        assertThat(s.pendingPauseReason()).isNull();
        s.finish(CALL, T1);
        assertThat(s.state()).isEqualTo(AgentState.READY);
    }

    @Test
    void a_pause_without_a_reason_is_refused_with_its_code() {
        AgentSession s = in(AgentState.READY);
        assertThatThrownBy(() -> s.pause(" ", T1)).isInstanceOfSatisfying(EvsException.class, e -> {
            assertThat(e.code()).isEqualTo("agent.unknown-pause-reason");
        });
        assertThat(s.state()).isEqualTo(AgentState.READY);
    }

    @Test
    void call_moves_for_another_call_are_refused() {
        AgentSession s = in(AgentState.ON_CALL);
        assertThatThrownBy(() -> s.wrapUp("other", T1)).isInstanceOfSatisfying(EvsException.class,
                e -> assertThat(e.code()).isEqualTo("agent.cannot-wrap-up"));
        assertThatThrownBy(() -> s.finish("other", T1)).isInstanceOf(EvsException.class);
        assertThat(s.state()).isEqualTo(AgentState.ON_CALL);
    }

    @Test
    void logout_clears_reason_call_and_pending_pause() {
        AgentSession s = in(AgentState.WRAP_UP);
        s.pause("break", T1);
        s.logOut(T1);
        assertThat(s.state()).isEqualTo(AgentState.OFFLINE);
        assertThat(s.pendingPauseReason()).isNull();
        assertThat(s.callId()).isNull();
        assertThat(s.pauseReason()).isNull();
    }

    @Test
    void the_phone_chosen_at_login_is_kept_through_calls_and_dropped_at_logout() {
        AgentSession s = new AgentSession(7, T0);
        s.usePhone("2042", T0);
        s.ready(T0);
        s.reserve(CALL, T0);
        s.connect(CALL, T0);
        s.wrapUp(CALL, T1);
        s.finish(CALL, T1);
        assertThat(s.phone()).isEqualTo("2042");
        s.logOut(T1);
        assertThat(s.phone()).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = AgentState.class, names = {"RESERVED", "ON_CALL", "WRAP_UP"})
    void the_phone_cannot_change_during_a_call(AgentState state) {
        AgentSession s = in(state);
        assertThatThrownBy(() -> s.usePhone("2042", T1)).isInstanceOfSatisfying(EvsException.class,
                e -> assertThat(e.code()).isEqualTo("agent.cannot-change-phone"));
        assertThat(s.phone()).isNull();
    }

    @Test
    void a_session_phone_is_two_to_twenty_digits() {
        assertThat(AgentPhones.valid("20")).isTrue();
        assertThat(AgentPhones.valid("12345678901234567890")).isTrue();
        assertThat(AgentPhones.valid("1")).isFalse();
        assertThat(AgentPhones.valid("123456789012345678901")).isFalse();
        assertThat(AgentPhones.valid("20a2")).isFalse();
        assertThat(AgentPhones.valid("+3312")).isFalse();
        assertThat(AgentPhones.valid(null)).isFalse();
    }
}
