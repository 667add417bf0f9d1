package com.evscallpro.core.agent;

import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One agent's session: the only place that decides agent state transitions. Each legal move is logged
 * ({@code agent 12 READY -reserve-> RESERVED}); an illegal one throws an {@link IllegalStateException} naming the
 * current state. Not thread-safe by itself: {@link AgentSessions} serialises access per agent.
 */
final class AgentSession {

    private static final Logger log = LoggerFactory.getLogger(AgentSession.class);

    private final long userId;
    private AgentState state = AgentState.OFFLINE;
    private String pauseReason;
    private String callId;
    private Instant since;

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

    String callId() {
        return callId;
    }

    Instant since() {
        return since;
    }

    void ready(Instant now) {
        move("ready", Set.of(AgentState.OFFLINE, AgentState.PAUSED, AgentState.WRAP_UP, AgentState.READY),
                AgentState.READY, null, null, now);
    }

    void pause(String reason, Instant now) {
        move("pause", Set.of(AgentState.OFFLINE, AgentState.READY, AgentState.PAUSED), AgentState.PAUSED, reason, null,
                now);
    }

    void logOut(Instant now) {
        if (state == AgentState.RESERVED || state == AgentState.ON_CALL) {
            throw new IllegalStateException("Agent " + userId + " cannot log out while " + state);
        }
        transition("logout", AgentState.OFFLINE, null, null, now);
    }

    void reserve(String forCall, Instant now) {
        move("reserve", Set.of(AgentState.READY), AgentState.RESERVED, null, forCall, now);
    }

    /** The reserved call did not reach the agent (busy, no answer…): back to READY. */
    void release(String forCall, Instant now) {
        requireCall(forCall, "release");
        move("release", Set.of(AgentState.RESERVED), AgentState.READY, null, null, now);
    }

    void connect(String forCall, Instant now) {
        requireCall(forCall, "connect");
        move("connect", Set.of(AgentState.RESERVED), AgentState.ON_CALL, null, forCall, now);
    }

    void wrapUp(String forCall, Instant now) {
        requireCall(forCall, "wrap-up");
        move("wrap-up", Set.of(AgentState.RESERVED, AgentState.ON_CALL), AgentState.WRAP_UP, null, forCall, now);
    }

    /** The agent qualified the call: back to READY whatever the call's state was. */
    void finish(String forCall, Instant now) {
        requireCall(forCall, "finish");
        move("finish", Set.of(AgentState.RESERVED, AgentState.ON_CALL, AgentState.WRAP_UP), AgentState.READY, null,
                null, now);
    }

    private void requireCall(String forCall, String event) {
        if (callId == null || !callId.equals(forCall)) {
            throw new IllegalStateException("Agent " + userId + " cannot " + event + " call " + forCall
                    + ": its current call is " + callId + " (state " + state + ")");
        }
    }

    private void move(String event, Set<AgentState> from, AgentState to, String reason, String newCallId,
                      Instant now) {
        if (!from.contains(state)) {
            throw new IllegalStateException("Agent " + userId + " cannot " + event + " while " + state);
        }
        transition(event, to, reason, newCallId, now);
    }

    private void transition(String event, AgentState to, String reason, String newCallId, Instant now) {
        log.info("agent {} {} -{}-> {}", userId, state, event, to);
        this.state = to;
        this.pauseReason = reason;
        this.callId = newCallId;
        this.since = now;
    }
}
