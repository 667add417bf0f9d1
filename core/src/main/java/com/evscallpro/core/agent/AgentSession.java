package com.evscallpro.core.agent;

import com.evscallpro.core.error.EvsException;
import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One agent's session: the only place that decides agent state transitions. Each legal move is logged
 * ({@code agent 12 READY -reserve-> RESERVED}) and increments {@link #version()}; an illegal one throws an
 * {@link EvsException} {@code agent.cannot-<event>} whose argument is the current state. Not thread-safe by itself:
 * {@link AgentSessions} serialises access per agent.
 * <p>A pause asked for during a call (RESERVED, ON_CALL, WRAP_UP) does not change the state: it is kept as
 * {@link #pendingPauseReason()} and taken when the call is over (released, or finished after the wrap-up), in the
 * same step, so the dialer can never reserve the agent in between.
 */
final class AgentSession {

    private static final Logger log = LoggerFactory.getLogger(AgentSession.class);
    private static final Set<AgentState> IN_CALL = Set.of(AgentState.RESERVED, AgentState.ON_CALL,
            AgentState.WRAP_UP);

    private final long userId;
    private AgentState state = AgentState.OFFLINE;
    private String pauseReason;
    private String pendingPauseReason;
    private String callId;
    /** The phone (extension) chosen for this session; null = the account's. Cleared when the session ends. */
    private String phone;
    private Instant since;
    private long version;

    AgentSession(long userId, Instant now) {
        this.userId = userId;
        this.since = now;
    }

    AgentState state() {
        return state;
    }

    String pauseReason() {
        return pauseReason;
    }

    String pendingPauseReason() {
        return pendingPauseReason;
    }

    String callId() {
        return callId;
    }

    Instant since() {
        return since;
    }

    String phone() {
        return phone;
    }

    /**
     * The phone this session rings from now on ({@code null}: the account's extension). Not during a call (RESERVED,
     * ON_CALL, WRAP_UP): the PBX may still be ringing or holding the previous one. The caller checks the format.
     */
    void usePhone(String extension, Instant now) {
        if (IN_CALL.contains(state)) {
            throw new EvsException("agent.cannot-change-phone", state);
        }
        note("phone(" + (extension == null ? "account" : extension) + ")");
        this.phone = extension;
    }

    long version() {
        return version;
    }

    /**
     * Available for the next call (from OFFLINE, PAUSED, READY, or WRAP_UP). During a call (wrap-up included) with a
     * pending pause, it cancels that pause instead (the agent changed their mind).
     */
    void ready(Instant now) {
        if (pendingPauseReason != null && IN_CALL.contains(state)) {
            note("cancel-pause");
            pendingPauseReason = null;
            return;
        }
        move("ready", Set.of(AgentState.OFFLINE, AgentState.PAUSED, AgentState.WRAP_UP, AgentState.READY),
                AgentState.READY, null, null, now);
    }

    /**
     * PAUSED now from OFFLINE, READY or PAUSED; during a call, pending until the call is over. {@code code} is a
     * known reason's code (checked by {@link AgentSessions}: a system reason or one of the catalog's).
     */
    void pause(String code, Instant now) {
        if (code == null || code.isBlank()) {
            throw new EvsException("agent.unknown-pause-reason", String.valueOf(code));
        }
        if (IN_CALL.contains(state)) {
            pendingPauseReason = code;
            note("pause-after-call(" + code + ")");
            return;
        }
        move("pause", Set.of(AgentState.OFFLINE, AgentState.READY, AgentState.PAUSED), AgentState.PAUSED, code,
                null, now);
    }

    void logOut(Instant now) {
        if (state == AgentState.RESERVED || state == AgentState.ON_CALL) {
            throw new EvsException("agent.cannot-logout", state);
        }
        transition("logout", AgentState.OFFLINE, null, null, now);
    }

    void reserve(String forCall, Instant now) {
        move("reserve", Set.of(AgentState.READY), AgentState.RESERVED, null, forCall, now);
    }

    /**
     * The agent places a call themselves (manual dialling, click-to-call): RESERVED from READY, or from PAUSED with
     * that pause kept pending, so the agent is back in it once the call (and its wrap-up) is over.
     */
    void reserveOwnCall(String forCall, Instant now) {
        String paused = state == AgentState.PAUSED ? pauseReason : null;
        move("reserve-own-call", Set.of(AgentState.READY, AgentState.PAUSED), AgentState.RESERVED, null, forCall, now);
        pendingPauseReason = paused;
    }

    /** The reserved call did not reach the agent (busy, no answer…): back to READY, or PAUSED when one is pending. */
    void release(String forCall, Instant now) {
        requireCall(forCall, "release");
        requireState("release", Set.of(AgentState.RESERVED));
        afterCall("release", now);
    }

    void connect(String forCall, Instant now) {
        requireCall(forCall, "connect");
        move("connect", Set.of(AgentState.RESERVED), AgentState.ON_CALL, null, forCall, now);
    }

    void wrapUp(String forCall, Instant now) {
        requireCall(forCall, "wrap-up");
        move("wrap-up", Set.of(AgentState.RESERVED, AgentState.ON_CALL), AgentState.WRAP_UP, null, forCall, now);
    }

    /** The agent qualified the call: READY, or PAUSED when a pause is pending, whatever the call's state was. */
    void finish(String forCall, Instant now) {
        requireCall(forCall, "finish");
        requireState("finish", IN_CALL);
        afterCall("finish", now);
    }

    private void afterCall(String event, Instant now) {
        String pending = pendingPauseReason;
        pendingPauseReason = null;
        if (pending != null) {
            transition(event, AgentState.PAUSED, pending, null, now);
        } else {
            transition(event, AgentState.READY, null, null, now);
        }
    }

    private void requireCall(String forCall, String event) {
        if (callId == null || !callId.equals(forCall)) {
            throw new EvsException("agent.cannot-" + event, state, forCall, callId);
        }
    }

    private void requireState(String event, Set<AgentState> from) {
        if (!from.contains(state)) {
            throw new EvsException("agent.cannot-" + event, state);
        }
    }

    private void move(String event, Set<AgentState> from, AgentState to, String reason, String newCallId,
                      Instant now) {
        requireState(event, from);
        transition(event, to, reason, newCallId, now);
    }

    private void transition(String event, AgentState to, String reason, String newCallId, Instant now) {
        log.info("agent {} {} -{}-> {}", userId, state, event, to);
        if (to == AgentState.OFFLINE || to == AgentState.READY || to == AgentState.PAUSED) {
            pendingPauseReason = null;
        }
        if (to == AgentState.OFFLINE) {
            phone = null; // the next session starts on the account's extension again
        }
        this.state = to;
        this.pauseReason = reason;
        this.callId = newCallId;
        this.since = now;
        this.version++;
    }

    /** A change that keeps the state (a pause asked for or cancelled during a call): logged and versioned. */
    private void note(String event) {
        log.info("agent {} {} -{}-> {}", userId, state, event, state);
        this.version++;
    }
}
