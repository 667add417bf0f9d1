package com.evscallpro.core.queue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test implementation of the {@link InboundCallConnector} port, which in the application the IVR runtime
 * implements (it dials the agent's phone from the caller's live AGI channel). It answers from a script per agent:
 * each ring takes the agent's next scripted outcome; an agent with nothing scripted keeps ringing until the test
 * completes {@link #ringing(String, long)}. It writes down every ring as {@code callId->agentId}.
 */
final class ScriptedConnector implements InboundCallConnector {

    final List<String> rings = new CopyOnWriteArrayList<>();
    private final Map<Long, Deque<ConnectOutcome>> script = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<ConnectOutcome>> pending = new ConcurrentHashMap<>();

    ScriptedConnector script(long agentId, ConnectOutcome... outcomes) {
        script.computeIfAbsent(agentId, id -> new ArrayDeque<>()).addAll(List.of(outcomes));
        return this;
    }

    /** The ring still in progress for this call and agent. */
    CompletableFuture<ConnectOutcome> ringing(String callId, long agentId) {
        CompletableFuture<ConnectOutcome> f = pending.get(callId + "->" + agentId);
        if (f == null) {
            throw new AssertionError("agent " + agentId + " is not ringing for " + callId + "; rings: " + rings);
        }
        return f;
    }

    @Override
    public CompletableFuture<ConnectOutcome> connect(String callId, long agentUserId, String extension,
                                                     Duration ringTimeout) {
        rings.add(callId + "->" + agentUserId);
        Deque<ConnectOutcome> next = script.get(agentUserId);
        if (next != null && !next.isEmpty()) {
            return CompletableFuture.completedFuture(next.poll());
        }
        CompletableFuture<ConnectOutcome> f = new CompletableFuture<>();
        pending.put(callId + "->" + agentUserId, f);
        return f;
    }
}
