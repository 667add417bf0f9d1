package com.evscallpro.core.dialer;

import com.evscallpro.core.agent.AgentCallRouting;
import com.evscallpro.core.agent.AgentStatus;
import com.evscallpro.core.call.OutboundCallTracker;
import com.evscallpro.core.call.NewOutboundCall;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.CampaignSettings;
import com.evscallpro.core.contact.ContactLifecycleService;
import com.evscallpro.core.contact.DialableContact;
import com.evscallpro.core.call.PhoneMask;
import com.evscallpro.core.process.OutboundAttempt;
import com.evscallpro.core.process.ProcessGateway;
import com.evscallpro.core.queue.InboundQueues;
import com.evscallpro.core.rules.CallingRules;
import com.evscallpro.telephony.PbxPort;
import jakarta.annotation.PreDestroy;
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
 */
@Service
public class ProgressiveDialer {

    private static final Logger log = LoggerFactory.getLogger(ProgressiveDialer.class);

    private final CampaignService campaigns;
    private final ContactLifecycleService contacts;
    private final AgentCallRouting agents;
    private final OutboundCallTracker calls;
    private final ProcessGateway processes;
    private final DialerSettings settings;
    private final PbxPort pbx;
    private final InboundQueues inbound;
    private volatile boolean pbxDownLogged;
    /** Contacts the calling rules may refuse in one tick before the dialer waits for the next (bounds a tick). */
    private static final int MAX_REFUSALS_PER_TICK = 200;
    /** The calling rules every claimed contact passes (null only where a test builds the dialer by hand). */
    private CallingRules rules;
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
    @Autowired
    public ProgressiveDialer(CampaignService campaigns, ContactLifecycleService contacts, AgentCallRouting agents,
                             OutboundCallTracker calls, ProcessGateway processes, DialerSettings settings, PbxPort pbx,
                             InboundQueues inbound) {
        this.inbound = inbound;
        this.campaigns = campaigns;
        this.contacts = contacts;
        this.agents = agents;
        this.calls = calls;
        this.processes = processes;
        this.settings = settings;
        this.pbx = pbx;
    }

    @Autowired
    void callingRules(CallingRules rules) {
        this.rules = rules;
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
        Deque<CampaignSettings> turn = new ArrayDeque<>(campaigns.running());
        int placed = 0;
        int refused = 0;
        for (AgentStatus agent : ready) {
            if (inbound != null && inbound.needs(agent.userId())) {
                continue; // a waiting inbound caller takes this agent: the ACD reserves them
            }
            // each agent tries every campaign: what is due depends on the agent (personal callbacks, issue 9)
            Deque<CampaignSettings> options = new ArrayDeque<>(turn);
            while (!options.isEmpty()) {
                CampaignSettings campaign = options.pollFirst();
                List<DialableContact> due = contacts.claimDue(campaign.id(), 1, agent.userId());
                if (due.isEmpty()) {
                    continue; // nothing due for this agent here
                }
                turn.remove(campaign);
                turn.addLast(campaign); // round-robin between campaigns
                if (rules != null && !rules.vet(campaign, due.get(0), java.time.Instant.now()).allowed()) {
                    if (++refused >= MAX_REFUSALS_PER_TICK) {
                        return placed; // the rules stored why and rescheduled it; the rest waits for the next tick
                    }
                    options.addFirst(campaign); // refused: stored and rescheduled by the rules; its next contact
                    continue;
                }
                if (place(agent, campaign, due.get(0))) {
                    placed++;
                }
                break;
            }
        }
        return placed;
    }

    private boolean place(AgentStatus agent, CampaignSettings campaign, DialableContact contact) {
        String callId = UUID.randomUUID().toString();
        if (!agents.reserve(agent.userId(), callId)) {
            contacts.scheduleRetry(contact.contactId(), Duration.ZERO);
            return false;
        }
        Duration ring = Duration.ofSeconds(campaign.ringTimeoutSeconds());
        calls.register(new NewOutboundCall(callId, campaign.id(), campaign.name(), contact.contactId(),
                displayName(contact), contact.phoneE164(), agent.userId(), agent.displayName(), agent.extension(),
                contact.attempt(), campaign.callerId(), ring));
        OutboundAttempt attempt = new OutboundAttempt(callId, campaign.id(), contact.contactId(), agent.userId(),
                agent.extension(), contact.phoneE164(), campaign.callerId(), contact.attempt(), campaign.maxAttempts(),
                campaign.retryDelaySeconds(), ring, ring.plus(settings.ringTimeoutGrace()),
                settings.wrapUpSafetyTimeout(), settings.agentConnectTimeout());
        try {
            long key = processes.startAttempt(attempt);
            log.info("Call {} placed: campaign {}, contact {}, attempt {}, agent {} (instance {})", callId,
                    campaign.id(), contact.contactId(), contact.attempt(), agent.userId(), key);
            return true;
        } catch (RuntimeException e) {
            log.warn("Could not start the attempt process for call {}: {}", callId, PhoneMask.maskText(e.toString()));
            calls.discard(callId);
            agents.release(agent.userId(), callId);
            contacts.scheduleRetry(contact.contactId(), Duration.ofSeconds(30));
            return false;
        }
    }

    private static String displayName(DialableContact c) {
        String first = c.firstName() == null ? "" : c.firstName();
        String last = c.lastName() == null ? "" : c.lastName();
        return (first + " " + last).trim();
    }
}
