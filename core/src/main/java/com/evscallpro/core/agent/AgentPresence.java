package com.evscallpro.core.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether anyone is still there for each agent who has had a client: an agent none of whose clients is connected
 * for {@link PresenceSettings#pauseAfter()} is paused with {@link PauseReason#DISCONNECTED} (during a call: after
 * it), and logged out after {@link PresenceSettings#logoutAfter()} when READY or PAUSED. A client is a connection
 * the agent works through: a browser UI (its push connection, which browsers keep open in background tabs, unlike
 * throttled timers), a STOMP session, or an API client that pings. Agents that never had a client (driven by other
 * means) are not watched. Thread-safe; {@link #check()} runs on {@link AgentPresenceLoop}'s thread.
 */
public class AgentPresence {

    private static final Logger log = LoggerFactory.getLogger(AgentPresence.class);

    private final AgentService agents;
    private final PresenceSettings settings;
    private final Clock clock;
    private final Map<Long, Watch> watched = new ConcurrentHashMap<>();

    public AgentPresence(AgentService agents, PresenceSettings settings, Clock clock) {
        this.agents = agents;
        this.settings = settings;
        this.clock = clock;
    }

    /** A client that says by itself whether it is connected (e.g. a UI's push connection). */
    public void register(long agentId, String clientId, BooleanSupplier connected) {
        watch(agentId).probes.put(clientId, connected);
    }

    /** The client is gone for good (its UI closed, its STOMP session ended). */
    public void unregister(long agentId, String clientId) {
        Watch w = watched.get(agentId);
        if (w != null) {
            w.probes.remove(clientId);
            w.pings.remove(clientId);
        }
    }

    /** An API client says it is there; it counts as connected for {@link PresenceSettings#pingValidity()}. */
    public void ping(long agentId, String clientId) {
        watch(agentId).pings.put(clientId, clock.instant());
    }

    /** Whether one of the agent's clients is connected now (false for an agent not watched). */
    public boolean connected(long agentId) {
        Watch w = watched.get(agentId);
        return w != null && w.connected(clock.instant(), settings.pingValidity());
    }

    /** Pauses and logs out the agents gone for long enough. */
    public void check() {
        Instant now = clock.instant();
        for (Map.Entry<Long, Watch> e : watched.entrySet()) {
            try {
                check(e.getKey(), e.getValue(), now);
            } catch (RuntimeException ex) {
                log.warn("Presence check of agent {} failed: {}", e.getKey(), ex.toString());
            }
        }
    }

    private void check(long agentId, Watch w, Instant now) {
        synchronized (w) {
            if (w.connected(now, settings.pingValidity())) {
                if (w.goneSince != null) {
                    log.info("Agent {} is connected again", agentId);
                }
                w.goneSince = null;
                w.paused = false;
                w.loggedOut = false;
                return;
            }
            if (w.goneSince == null) {
                w.goneSince = now;
                log.info("Agent {} has no connected client", agentId);
            }
            Duration gone = Duration.between(w.goneSince, now);
            if (!w.paused && gone.compareTo(settings.pauseAfter()) >= 0) {
                w.paused = true;
                pauseIfWorking(agentId, gone);
            }
            if (!w.loggedOut && gone.compareTo(settings.logoutAfter()) >= 0) {
                w.loggedOut = true;
                if (agents.logOutIfIdle(agentId)) {
                    log.info("Agent {} logged out: no connected client for {} s", agentId, gone.toSeconds());
                }
            }
            if (w.loggedOut && w.probes.isEmpty() && agents.status(agentId).state() == AgentState.OFFLINE) {
                watched.remove(agentId, w);
            }
        }
    }

    private void pauseIfWorking(long agentId, Duration gone) {
        AgentStatus status = agents.status(agentId);
        boolean ready = status.state() == AgentState.READY;
        boolean inCall = status.state() == AgentState.RESERVED || status.state() == AgentState.ON_CALL
                || status.state() == AgentState.WRAP_UP;
        if (ready || (inCall && status.pendingPauseReason() == null)) {
            agents.pause(agentId, PauseReason.DISCONNECTED.code());
            log.info("Agent {} paused ({}): no connected client for {} s", agentId,
                    ready ? "now" : "after the call", gone.toSeconds());
        }
    }

    private Watch watch(long agentId) {
        return watched.computeIfAbsent(agentId, id -> new Watch());
    }

    /** What is known of one agent's clients. */
    private static final class Watch {
        final Map<String, BooleanSupplier> probes = new ConcurrentHashMap<>();
        final Map<String, Instant> pings = new ConcurrentHashMap<>();
        Instant goneSince;
        boolean paused;
        boolean loggedOut;

        boolean connected(Instant now, Duration pingValidity) {
            for (BooleanSupplier probe : probes.values()) {
                if (probe.getAsBoolean()) {
                    return true;
                }
            }
            Set<Map.Entry<String, Instant>> fresh = pings.entrySet();
            fresh.removeIf(p -> !p.getValue().plus(pingValidity).isAfter(now));
            return !fresh.isEmpty();
        }
    }
}
