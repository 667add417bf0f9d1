package com.evscallpro.core.dialer;

import com.evscallpro.core.agent.AgentCallRouting;
import com.evscallpro.core.agent.AgentStatus;
import com.evscallpro.core.call.OutboundCallTracker;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.CampaignSettings;
import com.evscallpro.core.contact.ContactLifecycleService;
import com.evscallpro.core.contact.DialableContact;
import com.evscallpro.core.group.AgentGroups;
import com.evscallpro.core.rules.CallingRules;
import com.evscallpro.core.process.ProcessGateway;
import com.evscallpro.core.queue.InboundQueues;
import com.evscallpro.telephony.PbxPort;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Progressive dialing: for every READY agent, the next due contact of a running campaign is claimed, the agent is
 * reserved, and one {@code outbound-call} process instance is started for that single attempt. Campaigns take
 * turns. Contacts waiting for a retry or a callback wait in the database ({@code next_attempt_at}), never in the
 * engine. Blending: inbound comes first, so an agent that a waiting inbound caller could take
 * ({@link InboundQueues#needs(long)}) is left to the ACD; an agent in no queue's group is dialled as before.
 * An agent takes only the campaigns of its groups ({@link CampaignSettings#takenBy}); each claimed contact passes the
 * calling rules before the agent is reserved. Campaigns a {@link ModeDialer} serves (preview, predictive) are left
 * to it.
 */
@Service
public class ProgressiveDialer {

    private static final Logger log = LoggerFactory.getLogger(ProgressiveDialer.class);

    private final CampaignService campaigns;
    private final ContactLifecycleService contacts;
    private final AgentCallRouting agents;
    private final DialerSettings settings;
    private final PbxPort pbx;
    private final InboundQueues inbound;
    private final AgentGroups groups;
    private final VettedClaims claims;
    private final List<ModeDialer> modeDialers;
    private final AttemptStarter attempts;
    private volatile boolean pbxDownLogged;
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "evs-dialer");
        t.setDaemon(true);
        return t;
    });

    public ProgressiveDialer(CampaignService campaigns, ContactLifecycleService contacts, AgentCallRouting agents,
                             OutboundCallTracker calls, ProcessGateway processes, DialerSettings settings, PbxPort pbx) {
        this(campaigns, contacts, agents, calls, processes, settings, pbx, null);
    }

    /** @param inbound the ACD, asked before each agent is reserved (null: outbound only) */
    public ProgressiveDialer(CampaignService campaigns, ContactLifecycleService contacts, AgentCallRouting agents,
                             OutboundCallTracker calls, ProcessGateway processes, DialerSettings settings, PbxPort pbx,
                             InboundQueues inbound) {
        this(campaigns, contacts, agents, calls, processes, settings, pbx, inbound, null, null, List.of());
    }

    /**
     * @param groups      agents' groups, read once per pass (null: every agent takes every campaign)
     * @param rules       the calling rules, asked for each claimed contact (absent: every contact may be dialled)
     * @param modeDialers the dialers of the other modes: their campaigns are not dialled here
     */
    @Autowired
    public ProgressiveDialer(CampaignService campaigns, ContactLifecycleService contacts, AgentCallRouting agents,
                             OutboundCallTracker calls, ProcessGateway processes, DialerSettings settings, PbxPort pbx,
                             InboundQueues inbound, AgentGroups groups, ObjectProvider<CallingRules> rules,
                             List<ModeDialer> modeDialers) {
        this.groups = groups;
        this.claims = new VettedClaims(contacts, rules == null ? null : rules::getIfAvailable, Clock.systemUTC());
        this.modeDialers = modeDialers == null ? List.of() : List.copyOf(modeDialers);
        this.attempts = new AttemptStarter(contacts, agents, calls, processes, settings);
        this.inbound = inbound;
        this.campaigns = campaigns;
        this.contacts = contacts;
        this.agents = agents;
        this.settings = settings;
        this.pbx = pbx;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        int released = contacts.releaseInterrupted();
        if (released > 0) {
            log.info("{} contact(s) left IN_PROGRESS by a previous run are due again", released);
        }
        if (!settings.enabled()) {
            log.info("Dialer disabled (evs.dialer.enabled=false)");
            return;
        }
        long period = settings.tick().toMillis();
        loop.scheduleWithFixedDelay(this::tickSafely, period, period, TimeUnit.MILLISECONDS);
        log.info("Progressive dialer started, tick {} ms", period);
    }

    @PreDestroy
    void stop() {
        loop.shutdownNow();
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("Dialer tick failed; next tick retries", e);
        }
    }

    /** One pass: pairs READY agents with due contacts of running campaigns, round-robin. Returns calls placed. */
    public int tick() {
        List<AgentStatus> ready = agents.readyAgents();
        if (ready.isEmpty()) {
            return 0;
        }
        if (!pbx.isConnected()) {
            if (!pbxDownLogged) {
                log.warn("PBX not connected: the dialer waits ({} agent(s) ready)", ready.size());
                pbxDownLogged = true;
            }
            return 0;
        }
        pbxDownLogged = false;
        List<CampaignSettings> mine = campaigns.running().stream()
                .filter(c -> modeDialers.stream().noneMatch(m -> m.serves(c))).toList();
        if (mine.isEmpty()) {
            return 0;
        }
        Deque<CampaignSettings> turn = new ArrayDeque<>(mine);
        CampaignPairing pairing = CampaignPairing.of(groups, ready, mine);
        int placed = 0;
        for (AgentStatus agent : ready) {
            if (inbound != null && inbound.needs(agent.userId())) {
                continue; // a waiting inbound caller takes this agent: the ACD reserves them
            }
            if (heldByAMode(agent.userId())) {
                continue; // nailed up for predictive campaigns: bridged by the predictive dialer only
            }
            // each agent tries each of its campaigns in turn: what is due depends on the agent (personal callbacks)
            for (int left = turn.size(); left > 0; left--) {
                CampaignSettings campaign = turn.pollFirst();
                turn.addLast(campaign); // round-robin: tried (or served), it goes last
                if (!pairing.takes(agent.userId(), campaign)) {
                    continue; // not this agent's campaign
                }
                List<DialableContact> due = claims.claim(campaign, 1, agent.userId()); // vetted by the calling rules
                if (due.isEmpty()) {
                    continue; // nothing this agent may dial here now
                }
                if (place(agent, campaign, due.get(0))) {
                    placed++;
                }
                break;
            }
        }
        return placed;
    }

    private boolean heldByAMode(long agentId) {
        for (ModeDialer m : modeDialers) {
            if (m.holds(agentId)) {
                return true;
            }
        }
        return false;
    }

    private boolean place(AgentStatus agent, CampaignSettings campaign, DialableContact contact) {
        String callId = UUID.randomUUID().toString();
        if (!agents.reserve(agent.userId(), callId)) {
            contacts.scheduleRetry(contact.contactId(), Duration.ZERO);
            return false;
        }
        return attempts.start(callId, agent, campaign, contact);
    }
}
