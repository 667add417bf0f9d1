package com.evscallpro.app.telephony;

import com.evscallpro.core.site.SiteChanged;
import com.evscallpro.core.site.SiteDetails;
import com.evscallpro.core.site.SiteLinks;
import com.evscallpro.core.site.SiteService;
import com.evscallpro.telephony.CallEvent;
import com.evscallpro.telephony.CallEventListener;
import com.evscallpro.telephony.ChannelStatus;
import com.evscallpro.telephony.OriginateRequest;
import com.evscallpro.telephony.OriginateResult;
import com.evscallpro.telephony.ParkedCall;
import com.evscallpro.telephony.PbxActionException;
import com.evscallpro.telephony.PbxCapability;
import com.evscallpro.telephony.PbxPort;
import com.evscallpro.telephony.SpyMode;
import com.evscallpro.telephony.SpySession;
import com.evscallpro.telephony.asterisk.MultiAsteriskPbx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The application's {@link PbxPort}: one adapter per enabled site with a connection (built from the database by
 * {@code adapters}: an AsteriskAmiPbx, a MultiAsteriskPbx, a YeastarPbx), reconnected alone when its site changes
 * ({@link SiteChanged}, after commit), without restart.
 *
 * <ul>
 *   <li><b>Originates</b> go to the site named by the {@value #SITE_VARIABLE} variable (a site code) when there is
 *       one, else to the site of the agent whose extension is rung ({@code connectTo} / {@code extension}: the
 *       user's {@code site_id}), else to the site 'main'. The chosen site must be connected-able (enabled, with a
 *       connection): no fallback to another site, whose trunks and phones differ.</li>
 *   <li><b>Later actions</b> on a call go to the site that owns it (where it was originated, or whose events first
 *       named it); a hangup of a call no site is known to own goes to every site.</li>
 *   <li><b>Events</b> of every site reach the same listeners.</li>
 * </ul>
 */
public final class SitePbxRouter implements PbxPort, SiteLinks, AutoCloseable {

    /** Originate variable naming the site (its code) to place the call on. */
    public static final String SITE_VARIABLE = "EVS_SITE";

    private static final Logger log = LoggerFactory.getLogger(SitePbxRouter.class);
    private static final int REMEMBERED_CALLS = 100_000;

    /** A site's live adapter. */
    record SitePort(long siteId, String code, PbxPort port, List<String> serverIds) {
    }

    private final SiteService sites;
    private final Function<SiteDetails, PbxPort> adapters;
    private final Map<Long, SitePort> ports = new ConcurrentHashMap<>();
    private final Map<String, Long> callSites = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                    return size() > REMEMBERED_CALLS;
                }
            });
    private final List<CallEventListener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /**
     * @param adapters builds and starts the adapter of a site (secrets opened); it must not block on the network
     */
    public SitePbxRouter(SiteService sites, Function<SiteDetails, PbxPort> adapters) {
        this.sites = Objects.requireNonNull(sites, "sites");
        this.adapters = Objects.requireNonNull(adapters, "adapters");
    }

    /** Connects every enabled site with a connection (in background); returns at once. */
    public SitePbxRouter start() {
        for (long id : sites.ids()) {
            reload(id);
        }
        log.info("PBX sites: {}", siteCodes());
        return this;
    }

    /** A site was created, changed or deleted: its adapter is replaced (or closed), the others are left alone. */
    @TransactionalEventListener(fallbackExecution = true)
    public void onSiteChanged(SiteChanged change) {
        reload(change.siteId());
    }

    synchronized void reload(long siteId) {
        if (closed) {
            return;
        }
        SitePort old = ports.remove(siteId);
        if (old != null) {
            closeQuietly(old);
        }
        Optional<SiteDetails> site = sites.connection(siteId);
        if (site.isEmpty() || !site.get().enabled() || !site.get().hasConnection()) {
            if (old != null) {
                log.info("PBX site {} disconnected", old.code());
            }
            return;
        }
        SiteDetails s = site.get();
        try {
            PbxPort port = adapters.apply(s);
            port.addListener(event -> onSiteEvent(siteId, event));
            ports.put(siteId, new SitePort(siteId, s.code(), port, s.amiServers().isEmpty() ? List.of("yeastar")
                    : s.amiServers().stream().map(a -> a.serverId()).toList()));
            log.info("PBX site {} ({}) {}", s.code(), s.pbxMode(), old == null ? "connecting" : "reconnecting");
        } catch (RuntimeException e) {
            log.error("PBX site {} cannot be connected: {}", s.code(), e.getMessage());
        }
    }

    /** The live adapters by site code, in no particular order. */
    public Map<String, PbxPort> sitePorts() {
        Map<String, PbxPort> out = new LinkedHashMap<>();
        ports.values().stream().sorted((a, b) -> a.code().compareTo(b.code()))
                .forEach(p -> out.put(p.code(), p.port()));
        return out;
    }

    public List<String> siteCodes() {
        return List.copyOf(sitePorts().keySet());
    }

    /** The adapter of a site now, if it is connected-able. */
    public Optional<PbxPort> port(String siteCode) {
        return ports.values().stream().filter(p -> p.code().equals(siteCode)).map(SitePort::port).findFirst();
    }

    @Override
    public Map<String, Boolean> states(String siteCode) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        ports.values().stream().filter(p -> p.code().equals(siteCode)).findFirst().ifPresent(p -> {
            for (String id : p.serverIds()) {
                out.put(id, p.port() instanceof MultiAsteriskPbx multi ? multi.server(id).isConnected()
                        : p.port().isConnected());
            }
        });
        return out;
    }

    /** The code of the site that owns the call, if known. */
    public Optional<String> siteOf(String callId) {
        Long id = callId == null ? null : callSites.get(callId);
        SitePort p = id == null ? null : ports.get(id);
        return Optional.ofNullable(p == null ? null : p.code());
    }

    private void onSiteEvent(long siteId, CallEvent event) {
        callSites.putIfAbsent(event.callId(), siteId);
        for (CallEventListener l : listeners) {
            try {
                l.onCallEvent(event);
            } catch (RuntimeException e) {
                log.warn("Call event listener failed on {} {}", event.type(), event.callId(), e);
            }
        }
    }

    // ------------------------------------------------------------------ originate: to the agent's site

    @Override
    public CompletableFuture<OriginateResult> originate(OriginateRequest request) {
        Objects.requireNonNull(request, "request");
        return placeOn(chooseSite(request.variables(), request.connectTo()), request.callId(),
                port -> port.originate(request));
    }

    @Override
    public CompletableFuture<OriginateResult> originateToPhone(String callId, String extension, String callerId,
                                                               Duration ringTimeout, Map<String, String> variables) {
        Objects.requireNonNull(callId, "callId");
        Map<String, String> vars = variables == null ? Map.of() : variables;
        return placeOn(chooseSite(vars, extension), callId,
                port -> port.originateToPhone(callId, extension, callerId, ringTimeout, vars));
    }

    /** A manual call: on the site of the agent's phone. */
    @Override
    public CompletableFuture<OriginateResult> originateAgentFirst(OriginateRequest request) {
        Objects.requireNonNull(request, "request");
        return placeOn(chooseSite(request.variables(), request.connectTo()), request.callId(),
                port -> port.originateAgentFirst(request));
    }

    /** Predictive (Asterisk sites only): the customer into the holding context of the campaign's site. */
    @Override
    public CompletableFuture<OriginateResult> originateToHold(OriginateRequest request, String holdContext) {
        Objects.requireNonNull(request, "request");
        return placeOn(chooseSite(request.variables(), null), request.callId(),
                port -> port.originateToHold(request, holdContext));
    }

    /** Predictive (Asterisk sites only): the agent's phone, on its site, into the holding context. */
    @Override
    public CompletableFuture<OriginateResult> originatePhoneToHold(String callId, String extension,
                                                                   String holdContext, Duration ringTimeout) {
        Objects.requireNonNull(callId, "callId");
        return placeOn(chooseSite(Map.of(), extension), callId,
                port -> port.originatePhoneToHold(callId, extension, holdContext, ringTimeout));
    }

    /** The site id: named by {@value #SITE_VARIABLE}, else the agent's (by extension), else 'main'; null if none. */
    private Long chooseSite(Map<String, String> variables, String extension) {
        String code = variables.get(SITE_VARIABLE);
        if (code == null || code.isBlank()) {
            Optional<Long> agentSite = extension == null ? Optional.empty() : sites.siteOfExtension(extension);
            if (agentSite.isPresent()) {
                return agentSite.get();
            }
            code = "main";
        }
        String wanted = code;
        return ports.values().stream().filter(p -> p.code().equals(wanted)).map(SitePort::siteId).findFirst()
                .orElse(null);
    }

    private CompletableFuture<OriginateResult> placeOn(Long siteId, String callId,
                                                       Function<PbxPort, CompletableFuture<OriginateResult>> action) {
        SitePort site = siteId == null ? null : ports.get(siteId);
        if (site == null || closed) {
            return CompletableFuture.failedFuture(new PbxActionException("No PBX connection for the call's site"
                    + " (connected sites: " + String.join(", ", siteCodes()) + ")"));
        }
        callSites.put(callId, siteId);
        return action.apply(site.port());
    }

    // ------------------------------------------------------------------ later actions: to the owner

    private Optional<PbxPort> owner(String callId) {
        Long id = callId == null ? null : callSites.get(callId);
        SitePort p = id == null ? null : ports.get(id);
        return Optional.ofNullable(p == null ? null : p.port());
    }

    private <T> CompletableFuture<T> onOwner(String callId, Function<PbxPort, CompletableFuture<T>> action) {
        Objects.requireNonNull(callId, "callId");
        return owner(callId).map(action).orElseGet(() -> CompletableFuture.failedFuture(
                new PbxActionException("Call " + callId + " is not known on any PBX site")));
    }

    @Override
    public CompletableFuture<Void> hangup(String callId, int q850Cause) {
        Optional<PbxPort> owner = owner(callId);
        if (owner.isPresent()) {
            return owner.get().hangup(callId, q850Cause);
        }
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (SitePort p : ports.values()) {
            if (p.port().isConnected()) {
                all.add(p.port().hangup(callId, q850Cause));
            }
        }
        return all.isEmpty() ? CompletableFuture.failedFuture(new PbxActionException("No PBX site connected"))
                : CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    @Override
    public CompletableFuture<Void> blindTransfer(String callId, CallEvent.Leg leg, String extension, String context) {
        return onOwner(callId, port -> port.blindTransfer(callId, leg, extension, context));
    }

    @Override
    public CompletableFuture<Void> attendedTransfer(String callId, CallEvent.Leg leg, String extension) {
        return onOwner(callId, port -> port.attendedTransfer(callId, leg, extension));
    }

    @Override
    public CompletableFuture<Void> hangupLeg(String callId, CallEvent.Leg leg, int q850Cause) {
        return onOwner(callId, port -> port.hangupLeg(callId, leg, q850Cause));
    }

    @Override
    public CompletableFuture<Void> completeAttendedTransfer(String callId, CallEvent.Leg leg) {
        return onOwner(callId, port -> port.completeAttendedTransfer(callId, leg));
    }

    @Override
    public CompletableFuture<Void> cancelAttendedTransfer(String callId, CallEvent.Leg leg) {
        return onOwner(callId, port -> port.cancelAttendedTransfer(callId, leg));
    }

    @Override
    public CompletableFuture<Void> mute(String callId, CallEvent.Leg leg, boolean muted) {
        return onOwner(callId, port -> port.mute(callId, leg, muted));
    }

    @Override
    public CompletableFuture<Void> sendDtmf(String callId, CallEvent.Leg leg, String digits) {
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
    public CompletableFuture<ParkedCall> park(String callId, CallEvent.Leg leg) {
        return onOwner(callId, port -> port.park(callId, leg));
    }

    @Override
    public CompletableFuture<Void> startRecording(String callId, CallEvent.Leg leg, String file) {
        return onOwner(callId, port -> port.startRecording(callId, leg, file));
    }

    @Override
    public CompletableFuture<Void> stopRecording(String callId, CallEvent.Leg leg) {
        return onOwner(callId, port -> port.stopRecording(callId, leg));
    }

    @Override
    public CompletableFuture<Void> muteRecording(String callId, CallEvent.Leg leg, boolean muted) {
        return onOwner(callId, port -> port.muteRecording(callId, leg, muted));
    }

    @Override
    public CompletableFuture<Void> playMessage(String callId, CallEvent.Leg leg, String soundFile) {
        return onOwner(callId, port -> port.playMessage(callId, leg, soundFile));
    }

    @Override
    public CompletableFuture<SpySession> spy(String supervisorExtension, String callId, SpyMode mode) {
        Long siteId = callSites.get(callId);
        return onOwner(callId, port -> port.spy(supervisorExtension, callId, mode).thenApply(session -> {
            if (session != null && session.spyId() != null && siteId != null) {
                callSites.put(session.spyId(), siteId);
            }
            return session;
        }));
    }

    /** On the site of the spied call. */
    @Override
    public CompletableFuture<Void> switchSpyMode(SpySession session, SpyMode mode) {
        return onOwner(session.callId(), port -> port.switchSpyMode(session, mode));
    }

    /** On the site of the spied call. */
    @Override
    public CompletableFuture<Void> takeOver(SpySession session) {
        return onOwner(session.callId(), port -> port.takeOver(session));
    }

    @Override
    public CompletableFuture<List<ChannelStatus>> channelStatus(String callId) {
        return owner(callId).map(p -> p.channelStatus(callId))
                .orElseGet(() -> CompletableFuture.completedFuture(List.of()));
    }

    /** Channels are not call ids: tries each connected site until one bridges them. */
    @Override
    public CompletableFuture<Void> bridge(String channelA, String channelB) {
        CompletableFuture<Void> attempt = CompletableFuture.failedFuture(
                new PbxActionException("No PBX site has both channels"));
        for (SitePort p : ports.values()) {
            if (p.port().isConnected()) {
                attempt = attempt.exceptionallyCompose(previous -> p.port().bridge(channelA, channelB));
            }
        }
        return attempt;
    }

    /**
     * What the PBX of the call's site can do (a Yeastar site: no DTMF, no spy mode switch, no take-over); a call no
     * site is known to own gets the port's default (every capability): its actions fail anyway as unknown.
     */
    @Override
    public Set<PbxCapability> capabilities(String callId) {
        return owner(callId).map(p -> p.capabilities(callId)).orElse(ALL_CAPABILITIES);
    }

    @Override
    public Optional<String> serverOf(String callId) {
        return owner(callId).flatMap(p -> p.serverOf(callId));
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

    /** True while at least one site is connected. */
    /** Predictive dialing runs when a site's PBX holds calls (an Asterisk site). */
    @Override
    public boolean holdsCalls() {
        return ports.values().stream().anyMatch(p -> p.port().holdsCalls());
    }

    @Override
    public boolean isConnected() {
        return ports.values().stream().anyMatch(p -> p.port().isConnected());
    }

    @Override
    public synchronized void close() {
        closed = true;
        ports.values().forEach(SitePbxRouter::closeQuietly);
        ports.clear();
    }

    private static void closeQuietly(SitePort p) {
        if (p.port() instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                log.warn("Closing PBX site {} failed: {}", p.code(), e.toString());
            }
        }
    }

    @Override
    public String toString() {
        return "SitePbxRouter" + siteCodes();
    }
}
