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
 * on the publisher's thread under a per-UI lock (the Vaadin session lock's stand-in): applies the event to its own board (an agent event that is not the next version
 * reloads everything from the services) and, at most every 150 ms as the view does, encodes as JSON the changed
 * agents' rows (the view's {@code refreshItem}) or every call row, sorted (the calls grid's {@code setItems}), and every 15 s reloads from the services (the view's
 * 1 s poll; elapsed times are counted in the browser, so the poll re-sends no row). What it does not do: Vaadin's own state tree, the push channel, a browser.
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
    private final List<AgentStatus> changedRows = new java.util.ArrayList<>();
    private boolean callsDirty;
    private final List<LiveCall> changedCallRows = new java.util.ArrayList<>();
    private long callsEncodedAt;
    private boolean renderScheduled;
    private static final java.util.concurrent.ScheduledExecutorService RENDERS =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "bench-sim-render");
                t.setDaemon(true);
                return t;
            });
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
                changedRows.add(s);
                scheduleRender();
            }
        });
    }

    private void onCall(LiveCallChanged e) {
        access(() -> {
            boolean known = e.call() != null && calls.containsKey(e.call().callId());
            put(e.call());
            if (known && e.call().state() != LiveCall.LiveCallState.ENDED) {
                changedCallRows.add(e.call()); // like the view: a known call's row only
            } else {
                callsDirty = true; // a call came or went: the whole list, at most every 500 ms
            }
            scheduleRender();
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

    /** Like the view: one redraw of what changed, 150 ms after the first change not yet drawn. */
    private void scheduleRender() {
        if (renderScheduled) {
            return;
        }
        renderScheduled = true;
        RENDERS.schedule(() -> access(() -> {
            renderScheduled = false;
            for (AgentStatus a : changedRows) {
                bytes += row(a).length(); // like the view since 7b47ab4+1: only the changed rows
            }
            changedRows.clear();
            for (LiveCall c : changedCallRows) {
                bytes += callRow(new StringBuilder(), c).length();
            }
            changedCallRows.clear();
            if (callsDirty) {
                if (System.nanoTime() - callsEncodedAt >= 500_000_000L) {
                    encodeCalls();
                } else {
                    scheduleRender(); // the view waits for its 500 ms too
                }
            }
        }), 150, java.util.concurrent.TimeUnit.MILLISECONDS);
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
        callsDirty = false;
        changedCallRows.clear();
        callsEncodedAt = System.nanoTime();
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
