package com.evscallpro.core.dialer;

import com.evscallpro.core.agent.AgentCallRouting;
import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.agent.AgentStatus;
import com.evscallpro.core.agent.AgentStatusChanged;
import com.evscallpro.core.call.OutboundCallTracker;
import com.evscallpro.core.call.PhoneMask;
import com.evscallpro.core.campaign.AmdMode;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.CampaignSettings;
import com.evscallpro.core.campaign.DialingMode;
import com.evscallpro.core.contact.ContactLifecycleService;
import com.evscallpro.core.contact.DialableContact;
import com.evscallpro.core.event.EventBus;
import com.evscallpro.core.group.AgentGroups;
import com.evscallpro.core.process.ProcessGateway;
import com.evscallpro.core.rules.CallingRules;
import com.evscallpro.telephony.CallEvent;
import com.evscallpro.telephony.CallEventListener;
import com.evscallpro.telephony.CallOutcome;
import com.evscallpro.telephony.PbxPort;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Predictive dialing (Asterisk only): the runtime loop around {@link PredictivePacer}.
 * <ul>
 *   <li><b>Agents nailed up.</b> A READY agent who takes a running PREDICTIVE campaign has their phone called once
 *       into {@value #AGENT_HOLD} ({@link PbxPort#originatePhoneToHold}); the leg stays up between calls. An agent
 *       who pauses or logs out has it hung up. While nailed up, no other mode takes the agent
 *       ({@link ModeDialer#holds}).</li>
 *   <li><b>Pacing.</b> Every tick, per campaign: the pacer says how many lines to add from the live answer rate and
 *       when the busy agents are expected to free up ({@link CampaignPacing#snapshot}); the contacts are claimed
 *       through {@link VettedClaims} (the calling rules vet every dial) and each is originated into
 *       {@value #CUSTOMER_HOLD} with one {@code outbound-call} instance whose agent is not known yet.</li>
 *   <li><b>At answer, at once</b> (on the PBX dispatcher thread, no database): the longest-waiting free nailed-up
 *       agent of the campaign is reserved, given to the call ({@link OutboundCallTracker#assignAgent}) and AMI
 *       {@code Bridge} is written; the process learns its agent at the bridge. With AMD on, the verdict is awaited
 *       first (its analysis time counts toward the 2 s): MACHINE with HANGUP / MESSAGE goes to no agent (the dialplan
 *       hangs up or leaves the message; a share is counted as abandons, {@link CampaignPacing#machine}).</li>
 *   <li><b>No agent within 2 s</b> of the answer: the customer is redirected to {@value #ABANDON} (the legal
 *       message), and recorded as abandoned when the call ends (CDR through the process, pacer through
 *       {@link CampaignPacing}). A customer waiting meanwhile is bridged to the first agent that frees up.</li>
 * </ul>
 * A PBX outage ends the calls it ended (the adapter reports them hung up at reconnect): their attempts end as
 * usual and their contacts leave IN_PROGRESS; nailed legs are nailed again once the PBX is back.
 */
@Service
public class PredictiveDialer implements ModeDialer, CallEventListener {

    private static final Logger log = LoggerFactory.getLogger(PredictiveDialer.class);
    static final String CUSTOMER_HOLD = "evs-predictive-hold";
    static final String AGENT_HOLD = "evs-agent-hold";
    static final String ABANDON = "evs-abandon";
    static final String NAIL_PREFIX = "nail-";
    private static final int NORMAL_CLEARING = 16;

    /** An agent's phone leg kept up in {@link #AGENT_HOLD}; {@code channel} is null until it answered. */
    private static final class Nail {
        final long agentId;
        final String callId;
        final String displayName;
        final String extension;
        volatile String channel;
        /** READY as last known (tick, agent events) and not picked for a customer since. */
        boolean free = true;
        long freeSinceNanos = System.nanoTime();

        Nail(AgentStatus agent, String callId) {
            this.agentId = agent.userId();
            this.displayName = agent.displayName();
            this.extension = agent.extension();
            this.callId = callId;
        }
    }

    /** A customer line of ours, from the dial until it reaches an agent or ends. */
    private static final class Line {
        final String callId;
        final CampaignSettings campaign;
        final long dialledAtNanos = System.nanoTime();
        long answeredAtNanos;
        String channel;
        boolean ready; // answered and (AMD) not a machine: waiting for an agent
        boolean bridging; // a Bridge to an agent was written; cleared when the PBX refused it
        ScheduledFuture<?> abandonTimer;

        Line(String callId, CampaignSettings campaign) {
            this.callId = callId;
            this.campaign = campaign;
        }
    }

    private final CampaignService campaigns;
    private final AgentCallRouting agents;
    private final OutboundCallTracker calls;
    private final DialerSettings settings;
    private final PbxPort pbx;
    private final AgentGroups groups;
    private final CampaignPacing pacing;
    private final EventBus events;
    private final VettedClaims claims;
    private final AttemptStarter attempts;
    private final Clock clock;

    private final Object lock = new Object();
    private final Map<Long, Nail> nails = new HashMap<>();
    private final Map<String, Nail> nailsByCall = new HashMap<>();
    private final Map<Long, Long> nailRetryAfterNanos = new HashMap<>();
    private final Map<String, Line> lines = new HashMap<>();
    /** Answered customers waiting for an agent, oldest first. */
    private final Map<String, Line> waiting = new LinkedHashMap<>();
    /** The predictive campaigns each agent takes, as of the last tick (read on the answer path: no database). */
    private volatile Map<Long, Set<Long>> campaignsByAgent = Map.of();
    /** Answer (or AMD verdict) read → Bridge handed to the AMI writer, nanoseconds, the last ones (bench, tests). */
    private final BridgeLatencies latencies = new BridgeLatencies(8192);
    private final Map<String, Long> abandonedByDialer = new ConcurrentHashMap<>();

    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "evs-predictive-dialer");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "evs-predictive-timers");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService agentEvents = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "evs-predictive-agents");
        t.setDaemon(true);
        return t;
    });
    private EventBus.Subscription subscription;

    @Autowired
    public PredictiveDialer(CampaignService campaigns, ContactLifecycleService contacts, AgentCallRouting agents,
                            OutboundCallTracker calls, ProcessGateway processes, DialerSettings settings, PbxPort pbx,
                            AgentGroups groups, CampaignPacing pacing, EventBus events,
                            ObjectProvider<CallingRules> rules) {
        this(campaigns, contacts, agents, calls, processes, settings, pbx, groups, pacing, events,
                rules::getIfAvailable, Clock.systemUTC());
    }

    /** Wired by hand (tests, bench). */
    public PredictiveDialer(CampaignService campaigns, ContactLifecycleService contacts, AgentCallRouting agents,
                            OutboundCallTracker calls, ProcessGateway processes, DialerSettings settings, PbxPort pbx,
                            AgentGroups groups, CampaignPacing pacing, EventBus events,
                            Supplier<CallingRules> rules, Clock clock) {
        this.campaigns = campaigns;
        this.agents = agents;
        this.calls = calls;
        this.settings = settings;
        this.pbx = pbx;
        this.groups = groups;
        this.pacing = pacing;
        this.events = events;
        this.clock = clock;
        this.claims = new VettedClaims(contacts, rules, clock);
        this.attempts = new AttemptStarter(contacts, agents, calls, processes, settings);
    }

    @PostConstruct
    void listen() {
        pbx.addListener(this);
        subscription = events.subscribe(AgentStatusChanged.class,
                e -> agentEvents.execute(() -> onAgentSafely(e.status())));
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        if (!settings.enabled()) {
            return;
        }
        long period = settings.tick().toMillis();
        loop.scheduleWithFixedDelay(this::tickSafely, period, period, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        pbx.removeListener(this);
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception ignored) {
                // best effort
            }
        }
        loop.shutdownNow();
        timers.shutdownNow();
        agentEvents.shutdownNow();
        List<Nail> held;
        synchronized (lock) {
            held = List.copyOf(nails.values());
        }
        held.forEach(n -> pbx.hangup(n.callId, NORMAL_CLEARING));
    }

    @Override
    public boolean serves(CampaignSettings campaign) {
        return campaign.dialing().mode() == DialingMode.PREDICTIVE && pbx.holdsCalls();
    }

    @Override
    public boolean holds(long agentId) {
        synchronized (lock) {
            return nails.containsKey(agentId);
        }
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("Predictive dialer tick failed; next tick retries", e);
        }
    }

    /** One pass: nails up the READY agents of predictive campaigns, then dials what each campaign's pacer says. */
    public int tick() {
        List<CampaignSettings> mine = campaigns.running().stream().filter(this::serves).toList();
        long readAt = System.nanoTime();
        List<AgentStatus> ready = agents.readyAgents();
        Map<Long, Set<Long>> taken = new HashMap<>();
        if (!mine.isEmpty() && !ready.isEmpty()) {
            CampaignPairing pairing = CampaignPairing.of(groups, ready, mine);
            for (AgentStatus a : ready) {
                for (CampaignSettings c : mine) {
                    if (pairing.takes(a.userId(), c)) {
                        taken.computeIfAbsent(a.userId(), k -> new HashSet<>()).add(c.id());
                    }
                }
            }
        }
        Map<Long, Set<Long>> merged = new HashMap<>(campaignsByAgent);
        merged.keySet().removeIf(id -> !taken.containsKey(id) && !busyWithUs(id));
        merged.putAll(taken);
        campaignsByAgent = Map.copyOf(merged);
        if (!pbx.isConnected()) {
            return 0;
        }
        refreshFree(ready, readAt);
        nailUp(ready, taken);
        releaseUnneededNails(ready, taken);
        int placed = 0;
        for (CampaignSettings c : mine) {
            placed += dial(c, ready);
        }
        return placed;
    }

    /**
     * The agents' states read at {@code readAt} are the truth: a nailed agent is free exactly when READY, unless the
     * dialer picked them for a customer after that read (the list does not show it yet).
     */
    private void refreshFree(List<AgentStatus> ready, long readAt) {
        Set<Long> readyIds = new HashSet<>();
        ready.forEach(a -> readyIds.add(a.userId()));
        synchronized (lock) {
            for (Nail n : nails.values()) {
                if (n.freeSinceNanos > readAt) {
                    continue; // changed by us after the read
                }
                boolean isReady = readyIds.contains(n.agentId);
                if (isReady && !n.free) {
                    n.free = true;
                    n.freeSinceNanos = System.nanoTime();
                } else if (!isReady && n.free) {
                    n.free = false;
                }
            }
        }
    }

    private boolean busyWithUs(long agentId) {
        synchronized (lock) {
            return nails.containsKey(agentId);
        }
    }

    private void nailUp(List<AgentStatus> ready, Map<Long, Set<Long>> taken) {
        long now = System.nanoTime();
        for (AgentStatus a : ready) {
            if (!taken.containsKey(a.userId()) || a.extension() == null || a.extension().isBlank()) {
                continue;
            }
            Nail nail;
            synchronized (lock) {
                Long retryAfter = nailRetryAfterNanos.get(a.userId());
                if (nails.containsKey(a.userId()) || (retryAfter != null && now < retryAfter)) {
                    continue;
                }
                nail = new Nail(a, NAIL_PREFIX + a.userId() + "-" + UUID.randomUUID());
                nails.put(a.userId(), nail);
                nailsByCall.put(nail.callId, nail);
            }
            log.info("Agent {}: nailing up phone {} for predictive dialing (call {})", a.userId(), a.extension(),
                    nail.callId);
            pbx.originatePhoneToHold(nail.callId, a.extension(), AGENT_HOLD, settings.nailRingTimeout())
                    .whenComplete((r, error) -> {
                        if (error == null && r.outcome() == CallOutcome.ANSWERED && r.channel() != null) {
                            nailed(nail, r.channel());
                        } else {
                            log.warn("Agent {}: phone not nailed up ({}); tried again in {}", nail.agentId,
                                    error != null ? PhoneMask.maskText(String.valueOf(error.getMessage()))
                                            : r.outcome(), settings.nailRetryDelay());
                            dropNail(nail, true);
                        }
                    });
        }
    }

    private void nailed(Nail nail, String channel) {
        synchronized (lock) {
            if (nails.get(nail.agentId) != nail) {
                return;
            }
            if (nail.channel == null) {
                nail.channel = channel;
                log.info("Agent {}: phone nailed up on {}", nail.agentId, channel);
            }
        }
        agentEvents.execute(() -> serveWaiting(nail.agentId));
    }

    private void dropNail(Nail nail, boolean retryLater) {
        synchronized (lock) {
            if (nails.get(nail.agentId) == nail) {
                nails.remove(nail.agentId);
            }
            nailsByCall.remove(nail.callId);
            if (retryLater) {
                nailRetryAfterNanos.put(nail.agentId, System.nanoTime() + settings.nailRetryDelay().toNanos());
            }
        }
    }

    /** Hangs up the nailed legs of READY agents who no longer take a running predictive campaign. */
    private void releaseUnneededNails(List<AgentStatus> ready, Map<Long, Set<Long>> taken) {
        List<Nail> release = new ArrayList<>();
        synchronized (lock) {
            for (AgentStatus a : ready) {
                Nail n = nails.get(a.userId());
                if (n != null && n.channel != null && !taken.containsKey(a.userId())) {
                    release.add(n);
                }
            }
        }
        release.forEach(n -> release(n, "no running predictive campaign"));
    }

    private void release(Nail n, String why) {
        dropNail(n, false);
        log.info("Agent {}: nailed leg {} released ({})", n.agentId, n.callId, why);
        pbx.hangup(n.callId, NORMAL_CLEARING).exceptionally(e -> null);
    }

    /** Dials what the campaign's pacer says now. */
    private int dial(CampaignSettings campaign, List<AgentStatus> ready) {
        int free = 0;
        List<java.time.Duration> ringing = new ArrayList<>();
        long now = System.nanoTime();
        synchronized (lock) {
            for (Nail n : nails.values()) {
                if (n.free && n.channel != null && takes(n.agentId, campaign.id())) {
                    free++;
                }
            }
            for (Line l : lines.values()) {
                if (l.campaign.id() == campaign.id() && l.answeredAtNanos == 0) {
                    ringing.add(Duration.ofNanos(now - l.dialledAtNanos));
                }
            }
            free = Math.max(0, free - (int) waiting.values().stream()
                    .filter(l -> l.campaign.id() == campaign.id()).count());
        }
        PredictivePacer.Snapshot snapshot = pacing.snapshot(campaign.id(), free, ringing);
        int wanted = pacing.pacer(campaign.id()).linesToDial(campaign.dialing().abandonTargetPercent(),
                campaign.dialing().maxLinesPerAgent(), snapshot);
        if (wanted <= 0) {
            return 0;
        }
        List<DialableContact> due = claims.claim(campaign, wanted);
        int placed = 0;
        for (DialableContact contact : due) {
            String callId = UUID.randomUUID().toString();
            Line line = new Line(callId, campaign);
            synchronized (lock) {
                lines.put(callId, line);
            }
            if (attempts.startPredictive(callId, campaign, contact, CUSTOMER_HOLD)) {
                placed++;
            } else {
                synchronized (lock) {
                    lines.remove(callId);
                }
            }
        }
        if (placed > 0) {
            log.debug("Campaign {}: {} line(s) dialled ({} free agent(s), {} in flight)", campaign.id(), placed, free,
                    ringing.size());
        }
        return placed;
    }

    private boolean takes(long agentId, long campaignId) {
        Set<Long> c = campaignsByAgent.get(agentId);
        return c != null && c.contains(campaignId);
    }

    // ------------------------------------------------------------------ PBX events (dispatcher thread)

    @Override
    public void onCallEvent(CallEvent event) {
        if (event.callId() == null) {
            return;
        }
        if (event.callId().startsWith(NAIL_PREFIX)) {
            onNailEvent(event);
            return;
        }
        Line line;
        synchronized (lock) {
            line = lines.get(event.callId());
        }
        if (line == null) {
            return;
        }
        switch (event.type()) {
            case ANSWERED -> {
                if (event.leg() == CallEvent.Leg.CUSTOMER) {
                    answered(line, event.channel());
                }
            }
            case AMD -> amd(line, event.detail());
            case BRIDGED -> {
                if (event.leg() == CallEvent.Leg.CUSTOMER) {
                    forget(line);
                }
            }
            case HUNG_UP, FAILED -> {
                if (event.leg() == CallEvent.Leg.CUSTOMER) {
                    forget(line);
                }
            }
            default -> {
            }
        }
    }

    private void onNailEvent(CallEvent event) {
        Nail nail;
        synchronized (lock) {
            nail = nailsByCall.get(event.callId());
        }
        if (nail == null) {
            return;
        }
        // The channel to bridge is the originate's own (OriginateResponse: the one that runs evs-agent-hold, Local ;1
        // when the phone is reached through a Local channel), never the first leg that reports an answer.
        if (event.type() == CallEvent.Type.HUNG_UP && nail.channel != null && event.channel() != null
                && !event.channel().equals(nail.channel)) {
            return; // another channel of the nail (the far half of a Local pair) ended alone
        }
        if (event.type() == CallEvent.Type.HUNG_UP) {
            log.info("Agent {}: nailed leg {} hung up ({})", nail.agentId, event.callId(), event.causeText());
            dropNail(nail, true);
        }
    }

    private void answered(Line line, String channel) {
        boolean amd;
        synchronized (lock) {
            if (line.answeredAtNanos != 0) {
                return;
            }
            line.answeredAtNanos = System.nanoTime();
            line.channel = channel;
            amd = line.campaign.dialing().amd() != AmdMode.OFF;
            // the 2 s run from the answer, AMD's analysis included
            line.abandonTimer = timers.schedule(() -> abandon(line),
                    settings.predictiveConnectWithin().toMillis(), TimeUnit.MILLISECONDS);
            if (!amd) {
                line.ready = true;
            }
        }
        if (!amd) {
            connect(line);
        }
    }

    private void amd(Line line, String verdict) {
        AmdMode mode = line.campaign.dialing().amd();
        if ("MACHINE".equals(verdict) && mode != AmdMode.AGENT) {
            synchronized (lock) {
                cancel(line);
                lines.remove(line.callId);
                waiting.remove(line.callId);
            }
            Double measured = line.campaign.dialing().amdFalsePositivePercent();
            boolean counted = pacing.machine(line.callId, line.campaign.id(),
                    measured != null ? measured : settings.amdFalsePositivePercent());
            if (counted) {
                events.publish(new AmdFalsePositiveCounted(line.callId, line.campaign.id()));
            }
            log.info("Call {}: answering machine ({}){}", line.callId, mode,
                    counted ? ", counted as a possible false positive" : "");
            return;
        }
        if ("HANGUP".equals(verdict)) {
            return; // the customer hung up during the analysis: the hangup follows
        }
        synchronized (lock) {
            if (line.ready) {
                return;
            }
            line.ready = true;
        }
        connect(line);
    }

    /**
     * Bridges the answered customer to a free nailed-up agent now, or puts them in the waiting queue. On the PBX
     * dispatcher thread (the answer or the AMD verdict): nothing but memory before the Bridge is written.
     */
    private void connect(Line line) {
        long startNanos = System.nanoTime();
        synchronized (lock) {
            if (!lines.containsKey(line.callId)) {
                return;
            }
            for (Nail n : candidates(line.campaign.id())) {
                if (tryBridge(line, n, startNanos, true)) {
                    waiting.remove(line.callId);
                    return;
                }
            }
            waiting.putIfAbsent(line.callId, line);
        }
    }

    /** Free nailed-up agents taking the campaign, longest-free first. Under the lock; memory only. */
    private List<Nail> candidates(long campaignId) {
        List<Nail> out = new ArrayList<>();
        for (Nail n : nails.values()) {
            if (n.free && n.channel != null && takes(n.agentId, campaignId)) {
                out.add(n);
            }
        }
        out.sort(java.util.Comparator.comparingLong(n -> n.freeSinceNanos));
        return out;
    }

    /**
     * Under the lock: gives the customer to the agent and writes the Bridge. On the dispatcher thread the Bridge is
     * written first and the agent reserved after (the reservation is journaled in the database; the PBX's
     * BridgeEnter cannot overtake it: it is dispatched on this same thread after this handler). Elsewhere the agent
     * is reserved and assigned first, so the BridgeEnter always finds the call's agent.
     */
    private boolean tryBridge(Line line, Nail nail, long startNanos, boolean onDispatcher) {
        String agentChannel = nail.channel;
        if (agentChannel == null) {
            return false;
        }
        nail.free = false;
        nail.freeSinceNanos = System.nanoTime();
        if (!onDispatcher && !agents.reserve(nail.agentId, line.callId)) {
            return false;
        }
        Optional<String> customer = calls.assignAgent(line.callId, nail.agentId, nail.displayName, nail.extension);
        if (customer.isEmpty()) {
            if (!onDispatcher) {
                agents.release(nail.agentId, line.callId);
            }
            nail.free = true;
            return false;
        }
        cancel(line);
        line.bridging = true;
        CompletableFutureHolder bridge = new CompletableFutureHolder(pbx.bridge(customer.get(), agentChannel));
        latencies.add(System.nanoTime() - startNanos);
        if (onDispatcher && !agents.reserve(nail.agentId, line.callId)) {
            log.warn("Call {}: agent {} was taken meanwhile; the Bridge stands (the agent's phone has the customer)",
                    line.callId, nail.agentId);
        }
        bridge.future.whenComplete((ok, error) -> {
            if (error != null) {
                log.warn("Call {}: Bridge to agent {} refused ({}); the customer waits for another agent",
                        line.callId, nail.agentId, error.getMessage());
                calls.unassignAgent(line.callId, nail.agentId);
                agents.release(nail.agentId, line.callId);
                rewait(line);
            }
        });
        log.info("Call {}: bridged to agent {} ({} ms after the answer)", line.callId, nail.agentId,
                (System.nanoTime() - line.answeredAtNanos) / 1_000_000);
        return true;
    }

    private record CompletableFutureHolder(java.util.concurrent.CompletableFuture<Void> future) {
    }

    /** A bridge that failed: the customer waits again, within what is left of the 2 s. */
    private void rewait(Line line) {
        synchronized (lock) {
            if (!lines.containsKey(line.callId)) {
                return;
            }
            line.bridging = false;
            long left = settings.predictiveConnectWithin().toNanos() - (System.nanoTime() - line.answeredAtNanos);
            waiting.putIfAbsent(line.callId, line);
            line.abandonTimer = timers.schedule(() -> abandon(line), Math.max(0, left), TimeUnit.NANOSECONDS);
        }
    }

    /** An agent changed state: a freed agent takes the oldest waiting customer; a paused one loses the leg. */
    private void onAgentSafely(AgentStatus status) {
        try {
            if (status == null) {
                return;
            }
            if (status.state() == AgentState.READY) {
                long readAt = System.nanoTime();
                List<AgentStatus> ready = agents.readyAgents(); // the event may be stale: read the truth
                refreshFree(ready, readAt);
                serveWaiting(status.userId());
            } else if (status.state() == AgentState.RESERVED || status.state() == AgentState.ON_CALL
                    || status.state() == AgentState.WRAP_UP) {
                synchronized (lock) {
                    Nail n = nails.get(status.userId());
                    if (n != null) {
                        n.free = false;
                    }
                }
            } else if (status.state() == AgentState.PAUSED || status.state() == AgentState.OFFLINE) {
                Nail n;
                synchronized (lock) {
                    n = nails.get(status.userId());
                }
                if (n != null) {
                    release(n, "agent " + status.state());
                }
            }
        } catch (RuntimeException e) {
            log.warn("Predictive dialer: agent event not handled", e);
        }
    }

    private void serveWaiting(long agentId) {
        long startNanos = System.nanoTime();
        synchronized (lock) {
            Nail nail = nails.get(agentId);
            if (nail == null || nail.channel == null || !nail.free) {
                return;
            }
            for (Iterator<Line> it = waiting.values().iterator(); it.hasNext(); ) {
                Line line = it.next();
                if (takes(agentId, line.campaign.id())) {
                    if (tryBridge(line, nail, startNanos, false)) {
                        it.remove();
                    }
                    return;
                }
            }
        }
    }

    /** 2 s after the answer and still no agent: the legal message, then the hangup (counted as abandoned). */
    private void abandon(Line line) {
        synchronized (lock) {
            if (!lines.containsKey(line.callId) || line.bridging) {
                return;
            }
            waiting.remove(line.callId);
            lines.remove(line.callId);
            line.abandonTimer = null;
        }
        abandonedByDialer.put(line.callId, System.nanoTime());
        pacing.abandoned(line.callId, line.campaign.id());
        log.info("Call {}: no agent free within {}: the abandon message", line.callId,
                settings.predictiveConnectWithin());
        pbx.blindTransfer(line.callId, CallEvent.Leg.CUSTOMER, "s", ABANDON).whenComplete((ok, error) -> {
            if (error != null) {
                log.warn("Call {}: Redirect to the abandon message refused ({}); hung up", line.callId,
                        error.getMessage());
                pbx.hangup(line.callId, NORMAL_CLEARING);
            }
        });
    }

    private void cancel(Line line) {
        if (line.abandonTimer != null) {
            line.abandonTimer.cancel(false);
            line.abandonTimer = null;
        }
    }

    private void forget(Line line) {
        synchronized (lock) {
            cancel(line);
            lines.remove(line.callId);
            waiting.remove(line.callId);
        }
    }

    // ------------------------------------------------------------------ for supervision, tests and the bench

    /** Agents whose phone is nailed up now (answered and held). */
    public Set<Long> nailedAgents() {
        synchronized (lock) {
            Set<Long> out = new HashSet<>();
            nails.values().stream().filter(n -> n.channel != null).forEach(n -> out.add(n.agentId));
            return out;
        }
    }

    /** Lines of ours dialled and not yet answered, per campaign. */
    public int linesInFlight(long campaignId) {
        synchronized (lock) {
            return (int) lines.values().stream()
                    .filter(l -> l.campaign.id() == campaignId && l.answeredAtNanos == 0).count();
        }
    }

    /** Calls the dialer sent to the abandon message (call id → when, nanoTime). */
    public Map<String, Long> abandonedCalls() {
        return Map.copyOf(abandonedByDialer);
    }

    /** The bridge latencies measured so far (answer read → Bridge written). */
    public BridgeLatencies latencies() {
        return latencies;
    }
}
