package com.evscallpro.core.manualdial;

import com.evscallpro.core.agent.AgentCallRouting;
import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.agent.AgentStatus;
import com.evscallpro.core.call.NewOutboundCall;
import com.evscallpro.core.call.OutboundCallTracker;
import com.evscallpro.core.call.PhoneMask;
import com.evscallpro.core.callcontrol.CallControlSettings;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.CampaignSettings;
import com.evscallpro.core.contact.ContactLifecycleService;
import com.evscallpro.core.contact.DialableContact;
import com.evscallpro.core.contact.PhoneNumbers;
import com.evscallpro.core.dialer.DialerSettings;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.group.AgentGroups;
import com.evscallpro.core.process.OutboundAttempt;
import com.evscallpro.core.process.ProcessGateway;
import com.evscallpro.core.rules.CallingRules;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Places the agent's own calls through the dialer's path: the agent is reserved ({@code reserveOwnCall}), the call
 * registered with the {@link OutboundCallTracker} as agent-first and its {@code outbound-call} instance started,
 * whose {@code pbx.originate} job rings the session's phone then the number. Everything after (answer, bridge,
 * ON_CALL, wrap-up, qualification, call history, the contact's next step) is the dialer call's.
 */
@Service
class ManualDialService implements ManualDial {

    private static final Logger log = LoggerFactory.getLogger(ManualDialService.class);
    /** How long the agent's own phone may ring before the customer is dialled, added to the campaign's ring time. */
    static final Duration AGENT_ANSWER_WAIT = Duration.ofSeconds(30);
    /** How long a number of no campaign rings (a campaign's own ring time otherwise). */
    static final Duration NO_CAMPAIGN_RING = Duration.ofSeconds(30);

    private final AgentService agents;
    private final AgentCallRouting routing;
    private final CampaignService campaigns;
    private final ContactLifecycleService contacts;
    private final ManualDialContacts numbers;
    private final ObjectProvider<CallingRules> rules;
    private final OutboundCallTracker calls;
    private final ProcessGateway processes;
    private final DialerSettings dialer;
    private final String defaultRegion;
    private final Clock clock;
    private ObjectProvider<AgentGroups> groups;

    @Autowired
    ManualDialService(AgentService agents, AgentCallRouting routing, CampaignService campaigns,
                      ContactLifecycleService contacts, ManualDialContacts numbers, ObjectProvider<CallingRules> rules,
                      OutboundCallTracker calls, ProcessGateway processes, ObjectProvider<DialerSettings> dialer,
                      ObjectProvider<CallControlSettings> callControl, ObjectProvider<AgentGroups> groups) {
        this(agents, routing, campaigns, contacts, numbers, rules, calls, processes,
                dialer.getIfAvailable(() -> new DialerSettings(null, null, null, null, null, null)),
                callControl.getIfAvailable(() -> new CallControlSettings(null, null, null, null)).region(),
                Clock.systemUTC());
        this.groups = groups;
    }

    ManualDialService(AgentService agents, AgentCallRouting routing, CampaignService campaigns,
                      ContactLifecycleService contacts, ManualDialContacts numbers, ObjectProvider<CallingRules> rules,
                      OutboundCallTracker calls, ProcessGateway processes, DialerSettings dialer, String defaultRegion,
                      Clock clock) {
        this.agents = agents;
        this.routing = routing;
        this.campaigns = campaigns;
        this.contacts = contacts;
        this.numbers = numbers;
        this.rules = rules;
        this.calls = calls;
        this.processes = processes;
        this.dialer = dialer;
        this.defaultRegion = defaultRegion;
        this.clock = clock;
    }

    @Override
    public ManualCall dial(long agentId, String number, Long campaignId, Long contactId) {
        AgentStatus agent = agents.status(agentId);
        if (agent.state() != AgentState.READY && agent.state() != AgentState.PAUSED) {
            throw new EvsException("manualdial.cannot-dial-now", agent.state());
        }
        if (agent.extension() == null || agent.extension().isBlank()) {
            throw new EvsException("manualdial.no-phone");
        }
        DialableContact contact = contactId == null ? null : contacts.find(contactId)
                .filter(c -> campaignId == null || c.campaignId() == campaignId)
                .orElseThrow(() -> new EvsException("manualdial.contact.not-found", contactId));
        Long campaignOf = contact != null ? Long.valueOf(contact.campaignId()) : campaignId;
        CampaignSettings campaign = campaignOf == null ? null : campaign(campaignOf);
        if (campaign != null && !campaign.takenBy(groupsOf(agentId))) {
            throw new EvsException("manualdial.cannot-call-for-campaign", campaign.name());
        }
        String phone = phone(number, contact, campaign);
        if (contact == null && campaign != null) {
            contact = numbers.inCampaign(campaign.id(), phone).flatMap(contacts::find).orElse(null);
        }
        CallingRules gate = rules.getIfAvailable();
        CallingRules.Verdict verdict = gate == null
                ? CallingRules.Verdict.refuse("rules-error", "no calling rules", null)
                : gate.check(campaign, contact == null ? 0 : contact.contactId(), phone, clock.instant());
        if (!verdict.allowed()) {
            log.info("Manual call of agent {} refused: {} ({})", agentId, verdict.rule(), verdict.detail());
            throw new EvsException("manualdial.cannot-call-number", verdict.rule(),
                    Objects.requireNonNullElse(verdict.detail(), ""));
        }
        return place(agent, campaign, contact, phone);
    }

    @Override
    public List<CampaignSettings> campaignsFor(long agentId) {
        Set<Long> mine = groupsOf(agentId);
        return campaigns.running().stream().filter(c -> c.takenBy(mine)).toList();
    }

    /** The agent's groups (none read when no group service is wired: then only campaigns naming no group match). */
    private Set<Long> groupsOf(long agentId) {
        AgentGroups g = groups == null ? null : groups.getIfAvailable();
        return g == null ? Set.of() : g.groupIdsOf(List.of(agentId)).getOrDefault(agentId, Set.of());
    }

    /**
     * Registers and starts the call. Without a campaign (id 0) it is qualified with the standard group and recorded
     * without campaign; without a contact (id 0) the history row has the number only and no contact moves.
     */
    private ManualCall place(AgentStatus agent, CampaignSettings campaign, DialableContact contact, String phone) {
        String callId = UUID.randomUUID().toString();
        if (contact != null && !numbers.claim(contact.contactId())) {
            throw new EvsException("manualdial.cannot-call-contact-in-call", contact.contactId());
        }
        if (!routing.reserveOwnCall(agent.userId(), callId)) {
            unclaim(contact);
            throw new EvsException("manualdial.cannot-dial-now", agents.status(agent.userId()).state());
        }
        AgentStatus reserved = agents.status(agent.userId());
        long campaignId = campaign == null ? 0 : campaign.id();
        long contactId = contact == null ? 0 : contact.contactId();
        String callerId = campaign == null ? null : campaign.callerId();
        Duration ring = (campaign == null ? NO_CAMPAIGN_RING : Duration.ofSeconds(campaign.ringTimeoutSeconds()))
                .plus(AGENT_ANSWER_WAIT);
        int attempt = contact == null ? 1 : contact.attempt() + 1; // the claim counted it
        String name = contact == null ? null : ((contact.firstName() == null ? "" : contact.firstName()) + " "
                + (contact.lastName() == null ? "" : contact.lastName())).trim();
        calls.registerAgentFirst(new NewOutboundCall(callId, campaignId, campaign == null ? null : campaign.name(),
                contactId, name, phone, agent.userId(), agent.displayName(), reserved.extension(), attempt, callerId,
                ring));
        OutboundAttempt process = new OutboundAttempt(callId, campaignId, contactId, agent.userId(),
                reserved.extension(), phone, callerId, attempt,
                campaign == null ? attempt : Math.max(attempt, campaign.maxAttempts()),
                campaign == null ? 0 : campaign.retryDelaySeconds(), ring, ring.plus(dialer.ringTimeoutGrace()),
                dialer.wrapUpSafetyTimeout(), dialer.agentConnectTimeout());
        try {
            long key = processes.startAttempt(process);
            log.info("Manual call {} placed by agent {} on phone {}: campaign {}, contact {} (instance {})", callId,
                    agent.userId(), reserved.extension(), campaignId, contactId, key);
        } catch (RuntimeException e) {
            log.warn("Manual call {} could not start: {}", callId, PhoneMask.maskText(e.toString()));
            calls.discard(callId);
            routing.release(agent.userId(), callId);
            unclaim(contact);
            throw new EvsException(e, "manualdial.cannot-place", callId);
        }
        return new ManualCall(callId, phone, campaignId, contactId, reserved.extension());
    }

    private void unclaim(DialableContact contact) {
        if (contact != null) {
            numbers.unclaim(contact.contactId());
        }
    }

    private CampaignSettings campaign(long id) {
        try {
            return campaigns.settings(id);
        } catch (EvsException e) {
            throw new EvsException("manualdial.campaign.not-found", id);
        }
    }

    /** The number to dial in E.164: as typed (national in the campaign's region), else the contact's. */
    private String phone(String typed, DialableContact contact, CampaignSettings campaign) {
        if ((typed == null || typed.isBlank()) && contact != null) {
            return contact.phoneE164();
        }
        String region = campaign != null && campaign.defaultRegion() != null && !campaign.defaultRegion().isBlank()
                ? campaign.defaultRegion() : defaultRegion;
        return PhoneNumbers.toE164(typed, region)
                .orElseThrow(() -> new EvsException("manualdial.invalid-number", typed == null ? "" : typed.strip()));
    }
}
