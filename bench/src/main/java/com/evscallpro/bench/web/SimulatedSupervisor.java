package com.evscallpro.bench.web;

import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.agent.AgentStatus;
import com.evscallpro.core.agent.AgentStatusChanged;
import com.evscallpro.core.call.LiveCall;
import com.evscallpro.core.call.LiveCallChanged;
import com.evscallpro.core.call.LiveCallService;
import com.evscallpro.core.event.EventBus;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A "simulated supervisor UI": the server-side work of one open supervision screen without a browser. It subscribes
 * to the same bus events as {@code SupervisionView}, and like it (through {@code UI.access}'s queue-then-try-lock),
 * on the publisher's thread under a per-UI lock (the Vaadin session lock's stand-in): applies the event to its own
 * board (an agent the board does not know reloads everything from the services) and, as the view's {@code LiveTable}s
 * do per event, encodes what changes in the browser: an agent's changed cells (state label, its attributes, the time
 * in state's start, the call), a call's row when it comes onto the list or changes, its key when it goes; every 15 s
 * it reloads from the services and encodes every row (the view's reconciliation). What it does not do: Vaadin's own
 * state tree, the push channel, a browser.
 */
final class SimulatedSupervisor implements AutoCloseable {

    private static final Comparator<AgentStatus> BY_NAME = Comparator
            .comparing((AgentStatus a) -> a.displayName() == null ? "" : a.displayName(), String.CASE_INSENSITIVE_ORDER)
            .thenComparingLong(AgentStatus::userId);

    private final AgentService agentService;
    private final LiveCallService liveCalls;
    private final ReentrantLock lock = new ReentrantLock();
    private final java.util.Queue<Runnable> pending = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final Map<Long, AgentStatus> agents = new HashMap<>();
    private final Map<String, LiveCall> calls = new HashMap<>();
    private final List<EventBus.Subscription> subscriptions;
    private long bytes;
    private long lastReload;

    SimulatedSupervisor(EventBus events, AgentService agentService, LiveCallService liveCalls) {
        this.agentService = agentService;
        this.liveCalls = liveCalls;
        reload();
        subscriptions = List.of(
                events.subscribe(AgentStatusChanged.class, this::onAgent),
                events.subscribe(LiveCallChanged.class, this::onCall));
    }

    private void onAgent(AgentStatusChanged e) {
        access(() -> {
            AgentStatus s = e.status();
            AgentStatus known = agents.get(s.userId());
            if (known == null) {
                reload();
            } else if (s.version() > known.version()) { // like SupervisionBoard: newer wins, late ones are dropped
                agents.put(s.userId(), s);
                bytes += changedCells(known, s).length();
            }
        });
    }

    private void onCall(LiveCallChanged e) {
        access(() -> {
            if (e.call() == null) {
                return;
            }
            put(e.call());
            bytes += e.call().state() == LiveCall.LiveCallState.ENDED
                    ? e.call().callId().length() // the row removed
                    : callRow(new StringBuilder(), e.call()).length(); // inserted, or its changed cells (at most the row)
        });
    }

    /**
     * Like {@code UI.access}: the command is queued, and run now by this thread when the lock is free, else by the
     * thread holding it before it lets go. Never blocks the publisher (a blocking lock deadlocks with the agent
     * sessions' locks, which publishers hold while publishing).
     */
    private void access(Runnable command) {
        pending.add(command);
        while (!pending.isEmpty() && lock.tryLock()) {
            try {
                Runnable r;
                while ((r = pending.poll()) != null) {
                    r.run();
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** The view's 1 s poll: the board reloaded every 15 s; no row re-sent otherwise (elapsed times tick in the browser). */
    void tick() {
        access(() -> {
            if (System.nanoTime() - lastReload >= 15_000_000_000L) {
                reload();
            }
        });
    }

    long bytesEncoded() {
        return bytes;
    }

    private void reload() {
        agents.clear();
        calls.clear();
        agentService.statuses().forEach(a -> agents.put(a.userId(), a));
        liveCalls.liveCalls().forEach(this::put);
        lastReload = System.nanoTime();
        encodeAgents();
        encodeCalls();
    }

    private void put(LiveCall c) {
        if (c.state() == LiveCall.LiveCallState.ENDED) {
            calls.remove(c.callId());
        } else {
            calls.put(c.callId(), c);
        }
    }

    private void encodeAgents() {
        StringBuilder sb = new StringBuilder(agents.size() * 160).append('[');
        for (AgentStatus a : agents.values().stream().sorted(BY_NAME).toList()) {
            sb.append(row(a));
        }
        bytes += sb.append(']').length();
    }

    /** The cells of an agent's row that differ between two statuses, as the view's table sends them. */
    private static StringBuilder changedCells(AgentStatus before, AgentStatus now) {
        StringBuilder sb = new StringBuilder(120);
        if (before.state() != now.state() || !java.util.Objects.equals(before.pauseReason(), now.pauseReason())) {
            sb.append("{\"state\":\"").append(now.state()).append("\",\"style\":\"").append(now.state()).append("\"}");
        }
        sb.append("{\"ts\":\"").append(now.since() == null ? "" : now.since().toEpochMilli()).append("\"}");
        if (!java.util.Objects.equals(before.callId(), now.callId())) {
            sb.append("{\"call\":\"").append(now.callId() == null ? "" : now.callId()).append("\"}");
        }
        return sb;
    }

    private static StringBuilder row(AgentStatus a) {
        StringBuilder sb = new StringBuilder(160);
        {
            sb.append("{\"key\":\"").append(a.userId()).append("\",\"name\":\"").append(a.displayName())
                    .append("\",\"extension\":\"").append(a.extension()).append("\",\"agent\":\"").append(a.username())
                    .append("\",\"state\":\"").append(a.state()).append("\",\"ts\":\"")
                    .append(a.since() == null ? "" : a.since().toEpochMilli()).append("\",\"time\":\"")
                    .append(a.since() == null ? "" : java.time.Duration.between(a.since(), Instant.now()).toSeconds())
                    .append("\",\"call\":\"").append(a.callId() == null ? "" : a.callId()).append("\"},");
        }
        return sb;
    }

    private void encodeCalls() {
        StringBuilder sb = new StringBuilder(calls.size() * 200).append('[');
        for (LiveCall c : calls.values().stream().sorted(Comparator.comparing(LiveCall::callId)).toList()) {
            callRow(sb, c);
        }
        bytes += sb.append(']').length();
    }

    private static StringBuilder callRow(StringBuilder sb, LiveCall c) {
        return sb.append("{\"key\":\"").append(c.callId()).append("\",\"campaign\":\"").append(c.campaignName())
                .append("\",\"contact\":\"").append(c.contactName()).append("\",\"phone\":\"")
                .append(c.maskedPhone()).append("\",\"agent\":\"").append(c.agentName()).append("\",\"state\":\"")
                .append(c.state()).append("\",\"ts\":\"")
                .append(c.changedAt() == null ? "" : c.changedAt().toEpochMilli()).append("\"},");
    }

    @Override
    public void close() {
        subscriptions.forEach(EventBus.Subscription::close);
    }
}
