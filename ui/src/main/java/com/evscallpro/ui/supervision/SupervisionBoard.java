package com.evscallpro.ui.supervision;

import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.agent.AgentStatus;
import com.evscallpro.core.agent.AgentStatusChanged;
import com.evscallpro.core.call.LiveCall;
import com.evscallpro.core.call.LiveCallChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The live picture a supervisor sees: agents by id, calls in progress by call id (an ENDED call leaves the board).
 * Not thread-safe: the view mutates it under the Vaadin session lock only.
 * <p>It never shows a wrong state for long: each agent event carries the agent's whole status and the session's
 * {@link AgentStatus#version()}. A newer version replaces the agent's row, even after a gap (the missed versions are
 * past states; the event is the present one); an older or equal version (a late event, overtaken by a newer one
 * published by another thread) is dropped; an agent the board does not know asks the view to reload the
 * authoritative state. Reloading on every gap or late event, as this board first did, re-sent every row of every
 * open screen several times a second under load (bench: supervision). The view also reloads every
 * {@link #RECONCILE_EVERY} ({@link #reconcileDue(Instant)}), which catches lost events and calls whose events were lost.
 */
final class SupervisionBoard {

    /** How often the board is reloaded from the services even when every event arrived. */
    static final Duration RECONCILE_EVERY = Duration.ofSeconds(15);

    /** Counters shown above the grids. */
    record Counters(long ready, long onCall, long paused, long calls) {
    }

    static final Comparator<AgentStatus> BY_NAME = Comparator
            .comparing((AgentStatus a) -> a.displayName() == null ? "" : a.displayName(), String.CASE_INSENSITIVE_ORDER)
            .thenComparingLong(AgentStatus::userId);
    static final Comparator<LiveCall> OLDEST_FIRST = Comparator
            .comparing((LiveCall c) -> c.startedAt() == null ? Instant.MAX : c.startedAt())
            .thenComparing(LiveCall::callId);

    private final Map<Long, AgentStatus> agents = new HashMap<>();
    private final Map<String, LiveCall> calls = new HashMap<>();
    private Instant loadedAt = Instant.MIN;

    /** Replaces everything with the authoritative state read at {@code now}. */
    void load(List<AgentStatus> agentStatuses, List<LiveCall> liveCalls, Instant now) {
        load(agentStatuses, liveCalls);
        loadedAt = now;
    }

    void load(List<AgentStatus> agentStatuses, List<LiveCall> liveCalls) {
        agents.clear();
        calls.clear();
        agentStatuses.forEach(a -> agents.put(a.userId(), a));
        liveCalls.forEach(this::putCall);
    }

    /** What {@link #apply(AgentStatusChanged)} did with an agent event. */
    enum Applied {
        /** The agent's row changed: redraw it. */
        CHANGED,
        /** Not newer than what the board shows: nothing to do. */
        STALE,
        /** An agent the board does not know: reload the state. */
        UNKNOWN
    }

    /** Applies the event when it is newer than the agent's status on the board. */
    Applied apply(AgentStatusChanged event) {
        AgentStatus status = event.status();
        if (status == null) {
            return Applied.STALE;
        }
        AgentStatus known = agents.get(status.userId());
        if (known == null) {
            return Applied.UNKNOWN;
        }
        if (status.version() <= known.version()) {
            return Applied.STALE;
        }
        agents.put(status.userId(), status);
        return Applied.CHANGED;
    }

    /** Whether the periodic reload is due at {@code now}. */
    boolean reconcileDue(Instant now) {
        return !now.isBefore(loadedAt.plus(RECONCILE_EVERY));
    }

    void apply(LiveCallChanged event) {
        if (event.call() != null) {
            putCall(event.call());
        }
    }

    /** The agent's status on the board, or null. */
    AgentStatus agent(long userId) {
        return agents.get(userId);
    }

    /** The call in progress on the board, or null. */
    LiveCall call(String callId) {
        return calls.get(callId);
    }

    List<AgentStatus> agents() {
        return agents.values().stream().sorted(BY_NAME).toList();
    }

    List<LiveCall> calls() {
        return calls.values().stream().sorted(OLDEST_FIRST).toList();
    }

    Counters counters() {
        return new Counters(countAgents(AgentState.READY), countAgents(AgentState.ON_CALL),
                countAgents(AgentState.PAUSED), calls.size());
    }

    private long countAgents(AgentState state) {
        return agents.values().stream().filter(a -> a.state() == state).count();
    }

    private void putCall(LiveCall call) {
        if (call.state() == LiveCall.LiveCallState.ENDED) {
            calls.remove(call.callId());
        } else {
            calls.put(call.callId(), call);
        }
    }
}
