package com.evscallpro.telephony.asterisk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.evscallpro.telephony.CallEvent;
import com.evscallpro.telephony.CallEvent.Leg;
import com.evscallpro.telephony.CallEventListener;
import com.evscallpro.telephony.ChannelStatus;
import com.evscallpro.telephony.OriginateRequest;
import com.evscallpro.telephony.OriginateResult;
import com.evscallpro.telephony.ParkedCall;
import com.evscallpro.telephony.PbxActionException;
import com.evscallpro.telephony.PbxPort;
import com.evscallpro.telephony.SpyMode;
import com.evscallpro.telephony.SpySession;

/**
 * One {@link PbxPort} over several Asterisk servers, one AMI connection each ({@link AsteriskAmiPbx}), each named by
 * a server id.
 *
 * <ul>
 *   <li><b>Originate</b> ({@link #originate}, {@link #originateToPhone}) goes to the server named by the request's
 *       {@value #SERVER_VARIABLE} variable when there is one (strict: an unknown or disconnected server fails the
 *       future, no fallback), else round-robin over the connected servers, skipping disconnected ones; none
 *       connected fails fast with {@link PbxActionException}.</li>
 *   <li><b>Every later action on a call</b> (hangup, transfers, park, messages, spy, status) goes to the server that
 *       owns it: the one it was originated on, or the one whose events first named it (inbound and adopted calls).
 *       A spy session's id is routed to the server of the spied call. {@link #hangup} of a call no server is known
 *       to own is sent to every connected server (each ignores a call it does not have); {@link #bridge} tries the
 *       connected servers in turn (the channels are on one of them).</li>
 *   <li><b>Events</b> of all servers reach the same listeners, keyed by call id as ever. A listener is called on the
 *       dispatcher thread of the server the call lives on: with several servers, several threads may call it at
 *       once; the events of one call always come from one thread, in order, and keep their order relative to the
 *       call's originate future.</li>
 *   <li>{@link #isConnected()} is true while at least one server is; {@link #serverOf} tells where a call lives.</li>
 * </ul>
 */
public final class MultiAsteriskPbx implements PbxPort, AutoCloseable {

    /** Originate variable naming the server to use (also visible to that server's dialplan). */
    public static final String SERVER_VARIABLE = "EVS_PBX_SERVER";

    private static final Logger log = LoggerFactory.getLogger(MultiAsteriskPbx.class);
    /** Ended calls whose route is remembered (late hangups, status, spy ids), most recent first out last. */
    private static final int RECENT_ROUTES = 50_000;

    /** Where a live call is, and which of its legs are still up (for forgetting it once every leg hung up). */
    private static final class Route {
        final String server;
        final Set<Leg> seen = EnumSet.noneOf(Leg.class);
        final Set<Leg> down = EnumSet.noneOf(Leg.class);
        boolean failed;

        Route(String server) {
            this.server = server;
        }

        boolean ended() {
            return (failed || !seen.isEmpty()) && down.containsAll(seen);
        }
    }

    private final Map<String, PbxPort> servers;
    private final List<String> ids;
    private final AtomicInteger nextServer = new AtomicInteger();
    private final ConcurrentHashMap<String, Route> live = new ConcurrentHashMap<>();
    private final Map<String, String> recent = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > RECENT_ROUTES;
        }
    });
    private final List<CallEventListener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /**
     * @param servers the servers by id, in the round-robin order (normally {@link AsteriskAmiPbx}; any
     *                {@link PbxPort} works); the ports are owned from now on: {@link #close()} closes them
     */
    public MultiAsteriskPbx(Map<String, ? extends PbxPort> servers) {
        Objects.requireNonNull(servers, "servers");
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("at least one PBX server is needed");
        }
        LinkedHashMap<String, PbxPort> copy = new LinkedHashMap<>();
        servers.forEach((id, port) -> {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("every PBX server needs an id");
            }
            copy.put(id, Objects.requireNonNull(port, "server " + id));
        });
        this.servers = Collections.unmodifiableMap(copy);
        this.ids = List.copyOf(copy.keySet());
        for (Map.Entry<String, PbxPort> e : copy.entrySet()) {
            String id = e.getKey();
            e.getValue().addListener(event -> onServerEvent(id, event));
        }
    }

    /** One {@link AsteriskAmiPbx} per entry (not started yet: call {@link #start()}). */
    public static MultiAsteriskPbx of(Map<String, AmiSettings> settings) {
        Objects.requireNonNull(settings, "settings");
        LinkedHashMap<String, AsteriskAmiPbx> ports = new LinkedHashMap<>();
        settings.forEach((id, s) -> ports.put(id, new AsteriskAmiPbx(s)));
        return new MultiAsteriskPbx(ports);
    }

    /** Starts every {@link AsteriskAmiPbx} server (each connects in background); returns at once. */
    public MultiAsteriskPbx start() {
        for (PbxPort p : servers.values()) {
            if (p instanceof AsteriskAmiPbx ami) {
                ami.start();
            }
        }
        log.info("PBX servers: {}", ids);
        return this;
    }

    /** The server ids, in round-robin order. */
    public List<String> serverIds() {
        return ids;
    }

    /** The port of one server. */
    public PbxPort server(String id) {
        PbxPort p = servers.get(id);
        if (p == null) {
            throw new IllegalArgumentException("unknown PBX server " + id);
        }
        return p;
    }

    /** The ids of the servers connected now. */
    public List<String> connectedServers() {
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            if (servers.get(id).isConnected()) {
                out.add(id);
            }
        }
        return out;
    }

    @Override
    public Optional<String> serverOf(String callId) {
        if (callId == null) {
            return Optional.empty();
        }
        Route r = live.get(callId);
        return Optional.ofNullable(r != null ? r.server : recent.get(callId));
    }

    /** Calls currently routed to a server and not over yet. */
    public int liveCalls() {
        return live.size();
    }

    // ------------------------------------------------------------------ events

    private void onServerEvent(String server, CallEvent event) {
        Route route = live.get(event.callId());
        if (route == null && !server.equals(recent.get(event.callId()))) {
            route = live.computeIfAbsent(event.callId(), id -> new Route(server));
        }
        if (route != null) {
            if (!route.server.equals(server)) {
                log.warn("Call {} reported by PBX server {} but it lives on {}", event.callId(), server, route.server);
            } else {
                track(event, route);
            }
        }
        for (CallEventListener l : listeners) {
            try {
                l.onCallEvent(event);
            } catch (RuntimeException e) {
                log.warn("Call event listener failed on {} {}", event.type(), event.callId(), e);
            }
        }
    }

    private void track(CallEvent event, Route route) {
        boolean ended;
        synchronized (route) {
            switch (event.type()) {
                case HUNG_UP -> route.down.add(event.leg());
                case FAILED -> route.failed = true;
                default -> {
                    route.seen.add(event.leg());
                    route.down.remove(event.leg()); // a leg that comes back (transfer) is up again
                }
            }
            ended = route.ended();
        }
        if (ended && live.remove(event.callId(), route)) {
            recent.put(event.callId(), route.server);
        }
    }

    // ------------------------------------------------------------------ originate

    /** Originates on the server named by {@value #SERVER_VARIABLE}, else on the next connected server. */
    @Override
    public CompletableFuture<OriginateResult> originate(OriginateRequest request) {
        Objects.requireNonNull(request, "request");
        return place(request.callId(), request.variables(), port -> port.originate(request));
    }

    @Override
    public CompletableFuture<OriginateResult> originateToHold(OriginateRequest request, String holdContext) {
        Objects.requireNonNull(request, "request");
        return place(request.callId(), request.variables(), port -> port.originateToHold(request, holdContext));
    }

    @Override
    public CompletableFuture<OriginateResult> originatePhoneToHold(String callId, String extension,
                                                                   String holdContext, Duration ringTimeout) {
        Objects.requireNonNull(callId, "callId");
        return place(callId, Map.of(), port -> port.originatePhoneToHold(callId, extension, holdContext, ringTimeout));
    }

    /** Originates on {@code serverId}. */
    public CompletableFuture<OriginateResult> originate(String serverId, OriginateRequest request) {
        Objects.requireNonNull(request, "request");
        return placeOn(serverId, request.callId(), port -> port.originate(request));
    }

    /** Rings the phone through the server named by {@value #SERVER_VARIABLE}, else the next connected server. */
    @Override
    public CompletableFuture<OriginateResult> originateToPhone(String callId, String extension, String callerId,
                                                               Duration ringTimeout, Map<String, String> variables) {
        Objects.requireNonNull(callId, "callId");
        Map<String, String> vars = variables == null ? Map.of() : variables;
        return place(callId, vars, port -> port.originateToPhone(callId, extension, callerId, ringTimeout, vars));
    }

    /** A manual call: through the server named by {@value #SERVER_VARIABLE}, else the next connected server. */
    @Override
    public CompletableFuture<OriginateResult> originateAgentFirst(OriginateRequest request) {
        Objects.requireNonNull(request, "request");
        return place(request.callId(), request.variables(), port -> port.originateAgentFirst(request));
    }

    private CompletableFuture<OriginateResult> place(String callId, Map<String, String> variables,
                                                     Function<PbxPort, CompletableFuture<OriginateResult>> action) {
        String explicit = variables.get(SERVER_VARIABLE);
        if (explicit != null && !explicit.isBlank()) {
            return placeOn(explicit, callId, action);
        }
        String chosen = pick();
        if (chosen == null) {
            return CompletableFuture.failedFuture(new PbxActionException(closed ? "PBX servers closed"
                    : "No PBX server connected (servers: " + String.join(", ", ids) + ")"));
        }
        return placeOn(chosen, callId, action);
    }

    /** Round robin over the servers, skipping those not connected; null when none is. */
    private String pick() {
        int n = ids.size();
        int start = Math.floorMod(nextServer.getAndIncrement(), n);
        for (int i = 0; i < n; i++) {
            String id = ids.get((start + i) % n);
            if (servers.get(id).isConnected()) {
                return id;
            }
        }
        return null;
    }

    private CompletableFuture<OriginateResult> placeOn(String serverId, String callId,
                                                       Function<PbxPort, CompletableFuture<OriginateResult>> action) {
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(callId, "callId");
        PbxPort port = servers.get(serverId);
        if (port == null) {
            return CompletableFuture.failedFuture(new PbxActionException("Unknown PBX server " + serverId
                    + " (servers: " + String.join(", ", ids) + ")"));
        }
        if (closed) {
            return CompletableFuture.failedFuture(new PbxActionException("PBX servers closed"));
        }
        Route route = new Route(serverId);
        Route existing = live.putIfAbsent(callId, route);
        if (existing != null) {
            return CompletableFuture.failedFuture(new PbxActionException("Call id " + callId
                    + " is in use on PBX server " + existing.server));
        }
        recent.remove(callId);
        CompletableFuture<OriginateResult> future;
        try {
            future = action.apply(port);
        } catch (RuntimeException e) {
            live.remove(callId, route);
            throw e;
        }
        return future.whenComplete((result, error) -> {
            if (error != null) {
                boolean silent;
                synchronized (route) {
                    silent = route.seen.isEmpty();
                }
                if (silent) {
                    live.remove(callId, route); // never reached the PBX: nothing to route
                }
            }
        });
    }

    // ------------------------------------------------------------------ actions on a call: to its owner

    /** Hangs up on the owning server; a call no server is known to own is hung up wherever it is (no-op elsewhere). */
    @Override
    public CompletableFuture<Void> hangup(String callId, int q850Cause) {
        Objects.requireNonNull(callId, "callId");
        Optional<String> owner = serverOf(callId);
        if (owner.isPresent()) {
            return servers.get(owner.get()).hangup(callId, q850Cause);
        }
        List<String> connected = connectedServers();
        if (connected.isEmpty()) {
            return CompletableFuture.failedFuture(new PbxActionException("No PBX server connected"));
        }
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (String id : connected) {
            all.add(servers.get(id).hangup(callId, q850Cause));
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    @Override
    public CompletableFuture<Void> blindTransfer(String callId, Leg leg, String extension, String context) {
        return onOwner(callId, port -> port.blindTransfer(callId, leg, extension, context));
    }

    @Override
    public CompletableFuture<Void> attendedTransfer(String callId, Leg leg, String extension) {
        return onOwner(callId, port -> port.attendedTransfer(callId, leg, extension));
    }

    @Override
    public CompletableFuture<Void> startRecording(String callId, Leg leg, String file) {
        return onOwner(callId, port -> port.startRecording(callId, leg, file));
    }

    @Override
    public CompletableFuture<Void> stopRecording(String callId, Leg leg) {
        return onOwner(callId, port -> port.stopRecording(callId, leg));
    }

    @Override
    public CompletableFuture<Void> muteRecording(String callId, Leg leg, boolean muted) {
        return onOwner(callId, port -> port.muteRecording(callId, leg, muted));
    }

    @Override
    public CompletableFuture<Void> hangupLeg(String callId, Leg leg, int q850Cause) {
        return onOwner(callId, port -> port.hangupLeg(callId, leg, q850Cause));
    }

    @Override
    public CompletableFuture<Void> completeAttendedTransfer(String callId, Leg leg) {
        return onOwner(callId, port -> port.completeAttendedTransfer(callId, leg));
    }

    @Override
    public CompletableFuture<Void> cancelAttendedTransfer(String callId, Leg leg) {
        return onOwner(callId, port -> port.cancelAttendedTransfer(callId, leg));
    }

    @Override
    public CompletableFuture<Void> mute(String callId, Leg leg, boolean muted) {
        return onOwner(callId, port -> port.mute(callId, leg, muted));
    }

    @Override
    public CompletableFuture<Void> sendDtmf(String callId, Leg leg, String digits) {
        return onOwner(callId, port -> port.sendDtmf(callId, leg, digits));
    }

    @Override
    public CompletableFuture<Void> hold(String callId) {
        return onOwner(callId, port -> port.hold(callId));
    }

    @Override
    public CompletableFuture<Void> resume(String callId) {
        return onOwner(callId, port -> port.resume(callId));
    }

    @Override
    public CompletableFuture<ParkedCall> park(String callId, Leg leg) {
        return onOwner(callId, port -> port.park(callId, leg));
    }

    @Override
    public CompletableFuture<Void> playMessage(String callId, Leg leg, String soundFile) {
        return onOwner(callId, port -> port.playMessage(callId, leg, soundFile));
    }

    /** Spies from the server of the call (the supervisor's phone must be reachable from it). */
    @Override
    public CompletableFuture<SpySession> spy(String supervisorExtension, String callId, SpyMode mode) {
        Objects.requireNonNull(callId, "callId");
        Optional<String> owner = serverOf(callId);
        if (owner.isEmpty()) {
            return unknownCall(callId);
        }
        String server = owner.get();
        return servers.get(server).spy(supervisorExtension, callId, mode).thenApply(session -> {
            if (session != null && session.spyId() != null) {
                recent.put(session.spyId(), server); // hangup(spyId) ends the session on the same server
            }
            return session;
        });
    }

    /** On the server of the spied call. */
    @Override
    public CompletableFuture<Void> switchSpyMode(SpySession session, SpyMode mode) {
        Objects.requireNonNull(session, "session");
        return onOwner(session.callId(), port -> port.switchSpyMode(session, mode));
    }

    /** On the server of the spied call (the spyer's channel lives there too). */
    @Override
    public CompletableFuture<Void> takeOver(SpySession session) {
        Objects.requireNonNull(session, "session");
        return onOwner(session.callId(), port -> port.takeOver(session));
    }

    @Override
    public CompletableFuture<List<ChannelStatus>> channelStatus(String callId) {
        Objects.requireNonNull(callId, "callId");
        Optional<String> owner = serverOf(callId);
        return owner.isEmpty() ? CompletableFuture.completedFuture(List.of())
                : servers.get(owner.get()).channelStatus(callId);
    }

    /** Channels are not call ids: tries each connected server until one bridges them. */
    @Override
    public CompletableFuture<Void> bridge(String channelA, String channelB) {
        Objects.requireNonNull(channelA, "channelA");
        Objects.requireNonNull(channelB, "channelB");
        List<String> connected = connectedServers();
        if (connected.isEmpty()) {
            return CompletableFuture.failedFuture(new PbxActionException("No PBX server connected"));
        }
        CompletableFuture<Void> attempt = CompletableFuture.failedFuture(
                new PbxActionException("No PBX server has both " + LogMask.channel(channelA) + " and "
                        + LogMask.channel(channelB)));
        for (String id : connected) {
            attempt = attempt.exceptionallyCompose(previous -> servers.get(id).bridge(channelA, channelB));
        }
        return attempt.exceptionallyCompose(e -> CompletableFuture.failedFuture(unwrap(e)));
    }

    private <T> CompletableFuture<T> onOwner(String callId, Function<PbxPort, CompletableFuture<T>> action) {
        Objects.requireNonNull(callId, "callId");
        Optional<String> owner = serverOf(callId);
        return owner.isEmpty() ? unknownCall(callId) : action.apply(servers.get(owner.get()));
    }

    private static <T> CompletableFuture<T> unknownCall(String callId) {
        return CompletableFuture.failedFuture(new PbxActionException("Call " + callId
                + " is not known on any PBX server"));
    }

    private static Throwable unwrap(Throwable e) {
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    // ------------------------------------------------------------------ the rest of the port

    @Override
    public void addListener(CallEventListener listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    @Override
    public void removeListener(CallEventListener listener) {
        listeners.remove(listener);
    }

    /** True while at least one server is connected. */
    /** Asterisk holds calls in dialplan contexts and bridges them by AMI: predictive dialing runs here. */
    @Override
    public boolean holdsCalls() {
        return true;
    }

    @Override
    public boolean isConnected() {
        for (PbxPort p : servers.values()) {
            if (p.isConnected()) {
                return true;
            }
        }
        return false;
    }

    /** Closes every server. */
    @Override
    public void close() {
        closed = true;
        for (Map.Entry<String, PbxPort> e : servers.entrySet()) {
            if (e.getValue() instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception ex) {
                    log.warn("Closing PBX server {} failed: {}", e.getKey(), ex.toString());
                }
            }
        }
    }

    @Override
    public String toString() {
        return "MultiAsteriskPbx" + ids + "[connected=" + connectedServers() + "]";
    }
}
