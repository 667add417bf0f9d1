package com.evscallpro.core.dialer;

import com.evscallpro.core.agent.AgentCallRouting;
import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.agent.AgentStatus;
import com.evscallpro.core.agent.AgentStatusChanged;
import com.evscallpro.core.call.LiveCall;
import com.evscallpro.core.call.LiveCallChanged;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.CampaignSettings;
import com.evscallpro.core.event.EventBus;
import com.evscallpro.core.group.AgentGroups;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Every campaign's pacing, learned from its calls whatever the dialing mode: one {@link PredictivePacer} per
 * campaign fed from the call events (a line ends: ringing time, live or not; a live answer reaches an agent or is
 * abandoned; talk, then the agent's wrap-up) and read every 2 s into {@link PacingChanged} for the supervision screen
 * and the STOMP topic {@code /topic/pacing}: lines per agent, answer rate, abandon rate this hour and today, agents
 * idle. The predictive dialer asks its pacer here ({@link #pacer(long)}). Days and hours are Europe/Paris.
 */
@Service
public class CampaignPacing {

    private static final Logger log = LoggerFactory.getLogger(CampaignPacing.class);
    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private record Line(long campaignId, Instant startedAt) {
    }

    private record Talk(long campaignId, Instant answeredAt) {
    }

    private record Wrap(long campaignId, Duration talk, Instant endedAt) {
    }

    private final EventBus events;
    private final CampaignService campaigns;
    private final AgentCallRouting agents;
    private final AgentGroups groups;
    private final Clock clock;
    private final Map<Long, PredictivePacer> pacers = new HashMap<>();
    private final Map<String, Line> ringing = new HashMap<>();
    private final Map<String, Talk> talking = new HashMap<>();
    private final Map<Long, Wrap> wrapping = new HashMap<>();
    /** Predictive customers answered and not yet with an agent: connected, or abandoned when they end so. */
    private final Map<String, Long> answeredWaiting = new HashMap<>();
    /**
     * Predictive calls the dialer gave up on (no agent within the legal 2 s) before their answer reached this class:
     * counted abandoned when it does. Usually empty: the answer is seen first.
     */
    private final java.util.Set<String> abandonedBeforeAnswerSeen = new java.util.HashSet<>();
    /** Predictive calls AMD called machines (not live answers: never abandons when they end without an agent). */
    private final java.util.Set<String> machines = new java.util.HashSet<>();
    /** Per campaign, the share of machine verdicts not yet counted as false positives (proportional sampling). */
    private final Map<Long, Double> falsePositiveCredit = new HashMap<>();
    private volatile int learningLines = PredictivePacer.Limits.FRANCE.minSamples();
    private final List<EventBus.Subscription> subscriptions = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "evs-pacing");
        t.setDaemon(true);
        return t;
    });
    private long version;
    private List<PacingChanged.CampaignPacingStatus> last = List.of();

    @Autowired
    public CampaignPacing(EventBus events, CampaignService campaigns, AgentCallRouting agents, AgentGroups groups) {
        this(events, campaigns, agents, groups, Clock.systemUTC());
    }

    public CampaignPacing(EventBus events, CampaignService campaigns, AgentCallRouting agents, AgentGroups groups,
                          Clock clock) {
        this.events = events;
        this.campaigns = campaigns;
        this.agents = agents;
        this.groups = groups;
        this.clock = clock;
    }

    @PostConstruct
    void subscribe() {
        subscriptions.add(events.subscribe(LiveCallChanged.class, e -> onCall(e.call())));
        subscriptions.add(events.subscribe(AgentStatusChanged.class, e -> onAgent(e.status())));
        timer.scheduleWithFixedDelay(this::publishSafely, 2, 2, TimeUnit.SECONDS);
    }

    @PreDestroy
    void close() {
        timer.shutdownNow();
        subscriptions.forEach(s -> {
            try {
                s.close();
            } catch (Exception ignored) {
                // best effort
            }
        });
    }

    /** The pacer of a campaign (created on first use). */
    public synchronized PredictivePacer pacer(long campaignId) {
        return pacers.computeIfAbsent(campaignId, id -> new PredictivePacer(limits(), clock, ZONE));
    }

    /** How many lines must have ended before a new pacer trusts what it learned (French limits otherwise). */
    @Autowired(required = false)
    void setDialerSettings(DialerSettings settings) {
        if (settings != null) {
            learningLines = settings.predictiveLearningLines();
        }
    }

    private PredictivePacer.Limits limits() {
        PredictivePacer.Limits f = PredictivePacer.Limits.FRANCE;
        return new PredictivePacer.Limits(f.legalPercent(), f.brakePercent(), f.hourBrakePercent(), f.minAnswers(),
                learningLines, f.window(), f.graceSeconds());
    }

    /**
     * What the predictive dialer sees of a campaign now: its free agents, how long each agent of the campaign has
     * been talking or wrapping up, and how long each of its lines in flight ({@code ringing}) has rung.
     */
    public synchronized PredictivePacer.Snapshot snapshot(long campaignId, int freeAgents, List<Duration> ringing) {
        Instant now = clock.instant();
        List<Duration> talks = talking.values().stream().filter(t -> t.campaignId() == campaignId)
                .map(t -> Duration.between(t.answeredAt(), now)).toList();
        List<Duration> wraps = wrapping.values().stream().filter(w -> w.campaignId() == campaignId)
                .map(w -> Duration.between(w.endedAt(), now)).toList();
        return new PredictivePacer.Snapshot(freeAgents, talks, wraps, ringing);
    }

    /**
     * AMD called a predictive customer a machine that no agent will take: not a live answer, so its end is no
     * abandon. The legal measure counts a live person hung up on, and a verdict cannot be checked live: a share
     * {@code falsePositivePercent} of machine verdicts is counted as abandoned live answers, by proportional
     * sampling (every 1 / share-th verdict), so the campaign's abandon figure carries AMD's errors.
     *
     * @return whether this verdict was counted as an abandon
     */
    public synchronized boolean machine(String callId, long campaignId, double falsePositivePercent) {
        machines.add(callId);
        if (falsePositivePercent <= 0) {
            return false;
        }
        double credit = falsePositiveCredit.getOrDefault(campaignId, 0.0) + falsePositivePercent / 100.0;
        boolean counted = credit >= 1.0 - 1e-9;
        falsePositiveCredit.put(campaignId, counted ? credit - 1.0 : credit);
        if (counted) {
            pacer(campaignId).amdFalsePositive();
        }
        return counted;
    }

    /**
     * The predictive dialer gave an answered customer no agent within the legal 2 s (the abandon message follows):
     * an abandoned live answer, counted now, when the legal measure says it is one, not when the call ends after the
     * message (a message of several seconds would otherwise keep the pacer dialling on a rate that is already worse).
     */
    public synchronized void abandoned(String callId, long campaignId) {
        if (answeredWaiting.remove(callId) != null) {
            pacer(campaignId).liveAnswer(true);
        } else {
            abandonedBeforeAnswerSeen.add(callId);
        }
    }

    /** A call of any mode changed: what the campaign's pacer learns from it. */
    public synchronized void onCall(LiveCall call) {
        Instant now = clock.instant();
        switch (call.state()) {
            case DIALING, RINGING -> ringing.putIfAbsent(call.callId(), new Line(call.campaignId(),
                    call.startedAt() == null ? now : call.startedAt()));
            case CONNECTED -> {
                Line line = ringing.remove(call.callId());
                Instant answered = call.answeredAt() == null ? now : call.answeredAt();
                if (line != null) {
                    pacer(call.campaignId()).lineEnded(Duration.between(line.startedAt(), answered), true);
                }
                if (call.agentId() == null) { // predictive: answered, the agent is chosen now (or never)
                    if (abandonedBeforeAnswerSeen.remove(call.callId())) {
                        pacer(call.campaignId()).liveAnswer(true);
                    } else {
                        answeredWaiting.putIfAbsent(call.callId(), call.campaignId());
                    }
                    return;
                }
                if (line != null || answeredWaiting.remove(call.callId()) != null) {
                    pacer(call.campaignId()).liveAnswer(false);
                }
                talking.putIfAbsent(call.callId(), new Talk(call.campaignId(), answered));
            }
            case ENDED -> {
                // an abandon whose answer never came as CONNECTED: counted below, as a line answered with no agent
                abandonedBeforeAnswerSeen.remove(call.callId());
                if (answeredWaiting.remove(call.callId()) != null && !machines.remove(call.callId())) {
                    pacer(call.campaignId()).liveAnswer(true); // answered, never with an agent: abandoned
                }
                machines.remove(call.callId());
                Line line = ringing.remove(call.callId());
                if (line != null) { // never reached an agent
                    boolean live = call.answeredAt() != null;
                    Instant end = live ? call.answeredAt() : now;
                    pacer(call.campaignId()).lineEnded(Duration.between(line.startedAt(), end), live);
                    if (live) {
                        pacer(call.campaignId()).liveAnswer(true); // answered, no agent: abandoned
                    }
                }
                Talk talk = talking.remove(call.callId());
                if (talk != null && call.agentId() != null) {
                    wrapping.put(call.agentId(), new Wrap(call.campaignId(),
                            Duration.between(talk.answeredAt(), now), now));
                }
            }
            default -> {
            }
        }
    }

    /** An agent left the wrap-up of a call: the campaign learns how long the call kept the agent. */
    public synchronized void onAgent(AgentStatus status) {
        if (status == null || status.state() == AgentState.WRAP_UP || status.state() == AgentState.ON_CALL) {
            return;
        }
        Wrap wrap = wrapping.remove(status.userId());
        if (wrap != null) {
            pacer(wrap.campaignId()).handled(wrap.talk(), Duration.between(wrap.endedAt(), clock.instant()));
        }
    }

    /** The figures of every running campaign now. */
    public List<PacingChanged.CampaignPacingStatus> figures() {
        List<CampaignSettings> running = campaigns.running();
        List<AgentStatus> ready = agents.readyAgents();
        CampaignPairing pairing = CampaignPairing.of(groups, ready, running);
        Instant now = clock.instant();
        List<PacingChanged.CampaignPacingStatus> out = new ArrayList<>();
        synchronized (this) {
            for (CampaignSettings c : running) {
                int free = (int) ready.stream().filter(a -> pairing.takes(a.userId(), c)).count();
                List<Duration> talks = talking.values().stream().filter(t -> t.campaignId() == c.id())
                        .map(t -> Duration.between(t.answeredAt(), now)).toList();
                List<Duration> wraps = wrapping.values().stream().filter(w -> w.campaignId() == c.id())
                        .map(w -> Duration.between(w.endedAt(), now)).toList();
                List<Duration> rings = ringing.values().stream().filter(l -> l.campaignId() == c.id())
                        .map(l -> Duration.between(l.startedAt(), now)).toList();
                out.add(new PacingChanged.CampaignPacingStatus(c.id(), c.name(), c.dialing().mode().name(),
                        pacer(c.id()).figures(new PredictivePacer.Snapshot(free, talks, wraps, rings))));
            }
        }
        return out;
    }

    private void publishSafely() {
        try {
            List<PacingChanged.CampaignPacingStatus> now = figures();
            if (!now.equals(last)) {
                last = now;
                events.publish(new PacingChanged(++version, clock.instant(), now));
            }
        } catch (RuntimeException e) {
            log.warn("Pacing figures not published; next round retries", e);
        }
    }
}
