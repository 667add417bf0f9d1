package com.evscallpro.ui.supervision;

import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.agent.AgentStatus;
import com.evscallpro.core.agent.AgentStatusChanged;
import com.evscallpro.core.call.LiveCall;
import com.evscallpro.core.call.LiveCallChanged;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The live picture a supervisor sees: agents by id, calls in progress by call id (an ENDED call leaves the board).
 * Not thread-safe: the view mutates it under the Vaadin session lock only.
 */
final class SupervisionBoard {

    /** Counters shown above the grids. */
    record Counters(long ready, long onCall, long paused, long calls) {
    }

    private static final Comparator<AgentStatus> BY_NAME = Comparator
            .comparing((AgentStatus a) -> a.displayName() == null ? "" : a.displayName(), String.CASE_INSENSITIVE_ORDER)
            .thenComparingLong(AgentStatus::userId);
    private static final Comparator<LiveCall> OLDEST_FIRST = Comparator
            .comparing((LiveCall c) -> c.startedAt() == null ? Instant.MAX : c.startedAt())
            .thenComparing(LiveCall::callId);

    private final Map<Long, AgentStatus> agents = new HashMap<>();
    private final Map<String, LiveCall> calls = new HashMap<>();

    void load(List<AgentStatus> agentStatuses, List<LiveCall> liveCalls) {
        agents.clear();
        calls.clear();
        agentStatuses.forEach(a -> agents.put(a.userId(), a));
        liveCalls.forEach(this::putCall);
    }

    void apply(AgentStatusChanged event) {
        if (event.status() != null) {
            agents.put(event.status().userId(), event.status());
        }
    }

    void apply(LiveCallChanged event) {
        if (event.call() != null) {
            putCall(event.call());
        }
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
