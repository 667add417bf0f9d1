package com.evscallpro.core.dialer;

import com.evscallpro.core.agent.AgentCallRouting;
import com.evscallpro.core.agent.AgentStatus;
import com.evscallpro.core.call.OutboundCallTracker;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.CampaignSettings;
import com.evscallpro.core.campaign.DialingMode;
import com.evscallpro.core.contact.ContactLifecycleService;
import com.evscallpro.core.contact.DialableContact;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.group.AgentGroups;
import com.evscallpro.core.process.ProcessGateway;
import com.evscallpro.core.queue.InboundQueues;
import com.evscallpro.core.rules.CallingRules;
import com.evscallpro.telephony.PbxPort;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Preview dialing: a READY agent taking a PREVIEW campaign is shown its next due contact (claimed and vetted by the
 * calling rules) and reserved for it; the agent calls it or skips it. When the campaign's preview timeout runs out
 * the contact is dialled (the default of Genesys' dialer, whose preview countdown "indicates how much time agents
 * have to review the preview pop before the contact is automatically dialed"; see docs/dialer.md). A skip puts the
 * contact back, due again in {@link #SKIP_DELAY} without counting the attempt, and the agent gets the next one at
 * the next tick. The call itself is placed exactly as in progressive mode (the same process and PBX originate), so
 * preview works on Yeastar sites too.
 */
@Service
public class PreviewDialer implements ModeDialer, PreviewDesk {

    private static final Logger log = LoggerFactory.getLogger(PreviewDialer.class);
    /** How long a skipped contact waits before it may be offered again. */
    static final Duration SKIP_DELAY = Duration.ofMinutes(5);

    private final CampaignService campaigns;
    private final ContactLifecycleService contacts;
    private final AgentCallRouting agents;
    private final DialerSettings settings;
    private final PbxPort pbx;
    private final InboundQueues inbound;
    private final AgentGroups groups;
    private final VettedClaims claims;
    private final AttemptStarter attempts;
    private final Clock clock;
    private final Map<Long, Offer> offers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "evs-preview-dialer");
        t.setDaemon(true);
        return t;
    });

    private record Offer(PreviewOffer offer, AgentStatus agent, CampaignSettings campaign) {
    }

    @Autowired
    public PreviewDialer(CampaignService campaigns, ContactLifecycleService contacts, AgentCallRouting agents,
                         OutboundCallTracker calls, ProcessGateway processes, DialerSettings settings, PbxPort pbx,
                         ObjectProvider<InboundQueues> inbound, AgentGroups groups,
                         ObjectProvider<CallingRules> rules) {
        this(campaigns, contacts, agents, calls, processes, settings, pbx, inbound.getIfAvailable(), groups,
                rules::getIfAvailable, Clock.systemUTC());
    }

    /** Wired by hand (tests, bench): no Spring, the given clock. */
    public PreviewDialer(CampaignService campaigns, ContactLifecycleService contacts, AgentCallRouting agents,
                         OutboundCallTracker calls, ProcessGateway processes, DialerSettings settings, PbxPort pbx,
                         InboundQueues inbound, AgentGroups groups, java.util.function.Supplier<CallingRules> rules,
                         Clock clock) {
        this.campaigns = campaigns;
        this.contacts = contacts;
        this.agents = agents;
        this.settings = settings;
        this.pbx = pbx;
        this.inbound = inbound;
        this.groups = groups;
        this.clock = clock;
        this.claims = new VettedClaims(contacts, rules, clock);
        this.attempts = new AttemptStarter(contacts, agents, calls, processes, settings);
    }

    @Override
    public boolean serves(CampaignSettings campaign) {
        return campaign.dialing().mode() == DialingMode.PREVIEW;
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
        loop.shutdownNow();
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("Preview dialer tick failed; next tick retries", e);
        }
    }

    /** One pass: dials the offers whose time ran out, then offers a contact to each READY agent. Returns offers made. */
    public int tick() {
        Instant now = clock.instant();
        for (Offer o : List.copyOf(offers.values())) {
            if (!now.isBefore(o.offer().deadline())) {
                if (offers.remove(o.offer().agentId(), o)) {
                    log.info("Preview of contact {} timed out for agent {}: dialled",
                            o.offer().contact().contactId(), o.offer().agentId());
                    dial(o);
                }
            }
        }
        List<CampaignSettings> mine = campaigns.running().stream().filter(this::serves).toList();
        List<AgentStatus> ready = agents.readyAgents().stream().filter(a -> !offers.containsKey(a.userId())).toList();
        if (mine.isEmpty() || ready.isEmpty() || !pbx.isConnected()) {
            return 0;
        }
        Deque<CampaignSettings> turn = new ArrayDeque<>(mine);
        CampaignPairing pairing = CampaignPairing.of(groups, ready, mine);
        int offered = 0;
        for (AgentStatus agent : ready) {
            if (inbound != null && inbound.needs(agent.userId())) {
                continue;
            }
            for (int left = turn.size(); left > 0; left--) {
                CampaignSettings campaign = turn.pollFirst();
                if (!pairing.takes(agent.userId(), campaign)) {
                    turn.addLast(campaign);
                    continue;
                }
                List<DialableContact> due = claims.claim(campaign, 1);
                if (due.isEmpty()) {
                    continue;
                }
                turn.addLast(campaign);
                if (offer(agent, campaign, due.get(0), now)) {
                    offered++;
                }
                break;
            }
            if (turn.isEmpty()) {
                break;
            }
        }
        return offered;
    }

    private boolean offer(AgentStatus agent, CampaignSettings campaign, DialableContact contact, Instant now) {
        String callId = UUID.randomUUID().toString();
        if (!agents.reserve(agent.userId(), callId)) {
            contacts.requeueWithoutAttempt(contact.contactId(), Duration.ZERO);
            return false;
        }
        PreviewOffer offer = new PreviewOffer(callId, agent.userId(), campaign.id(), campaign.name(), contact, now,
                now.plus(campaign.dialing().previewTimeout()));
        offers.put(agent.userId(), new Offer(offer, agent, campaign));
        log.info("Contact {} of campaign {} previewed by agent {} (call {})", contact.contactId(), campaign.id(),
                agent.userId(), callId);
        return true;
    }

    @Override
    public Optional<PreviewOffer> offerFor(long agentId) {
        return Optional.ofNullable(offers.get(agentId)).map(Offer::offer);
    }

    @Override
    public void call(long agentId, String callId) {
        dial(take(agentId, callId));
    }

    @Override
    public void skip(long agentId, String callId) {
        Offer o = take(agentId, callId);
        contacts.requeueWithoutAttempt(o.offer().contact().contactId(), SKIP_DELAY);
        agents.release(agentId, callId);
        log.info("Agent {} skipped contact {}", agentId, o.offer().contact().contactId());
    }

    private Offer take(long agentId, String callId) {
        Offer o = offers.get(agentId);
        if (o == null || !o.offer().callId().equals(callId) || !offers.remove(agentId, o)) {
            throw new EvsException("preview.gone", callId);
        }
        return o;
    }

    /** Dials an offer already taken out of {@link #offers} (by whoever removed it: one caller only). */
    private void dial(Offer o) {
        attempts.start(o.offer().callId(), o.agent(), o.campaign(), o.offer().contact());
    }

    /** The agents with an offer open (for tests and supervision). */
    Set<Long> previewing() {
        return offers.keySet().stream().collect(Collectors.toUnmodifiableSet());
    }
}
