package com.evscallpro.core.dialer;

import com.evscallpro.core.agent.AgentCallRouting;
import com.evscallpro.core.agent.AgentStatus;
import com.evscallpro.core.call.NewOutboundCall;
import com.evscallpro.core.call.OutboundCallTracker;
import com.evscallpro.core.call.PhoneMask;
import com.evscallpro.core.campaign.CampaignSettings;
import com.evscallpro.core.contact.ContactLifecycleService;
import com.evscallpro.core.contact.DialableContact;
import com.evscallpro.core.process.OutboundAttempt;
import com.evscallpro.core.process.ProcessGateway;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts one attempt for an agent already reserved for {@code callId}: registers the call with the tracker and
 * starts its {@code outbound-call} instance (which dials through {@code pbx.originate}, the reserved agent connected
 * by the PBX at answer). When the instance cannot start, the agent and the contact are given back.
 */
final class AttemptStarter {

    private static final Logger log = LoggerFactory.getLogger(AttemptStarter.class);

    private final ContactLifecycleService contacts;
    private final AgentCallRouting agents;
    private final OutboundCallTracker calls;
    private final ProcessGateway processes;
    private final DialerSettings settings;

    AttemptStarter(ContactLifecycleService contacts, AgentCallRouting agents, OutboundCallTracker calls,
                   ProcessGateway processes, DialerSettings settings) {
        this.contacts = contacts;
        this.agents = agents;
        this.calls = calls;
        this.processes = processes;
        this.settings = settings;
    }

    boolean start(String callId, AgentStatus agent, CampaignSettings campaign, DialableContact contact) {
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

    /**
     * Predictive: starts one attempt with no agent yet (the dialer chooses one when the customer answers). The
     * customer is originated into {@code holdContext} with the campaign's answering-machine setting.
     */
    boolean startPredictive(String callId, CampaignSettings campaign, DialableContact contact, String holdContext) {
        Duration ring = Duration.ofSeconds(campaign.ringTimeoutSeconds());
        calls.register(new NewOutboundCall(callId, campaign.id(), campaign.name(), contact.contactId(),
                displayName(contact), contact.phoneE164(), 0, null, null, contact.attempt(), campaign.callerId(), ring,
                new NewOutboundCall.Predictive(holdContext, campaign.dialing().amd().name())));
        OutboundAttempt attempt = new OutboundAttempt(callId, campaign.id(), contact.contactId(), 0, null,
                contact.phoneE164(), campaign.callerId(), contact.attempt(), campaign.maxAttempts(),
                campaign.retryDelaySeconds(), ring, ring.plus(settings.ringTimeoutGrace()),
                settings.wrapUpSafetyTimeout(), settings.agentConnectTimeout());
        try {
            long key = processes.startAttempt(attempt);
            log.info("Predictive call {} placed: campaign {}, contact {}, attempt {} (instance {})", callId,
                    campaign.id(), contact.contactId(), contact.attempt(), key);
            return true;
        } catch (RuntimeException e) {
            log.warn("Could not start the attempt process for call {}: {}", callId, PhoneMask.maskText(e.toString()));
            calls.discard(callId);
            contacts.scheduleRetry(contact.contactId(), Duration.ofSeconds(30));
            return false;
        }
    }

    static String displayName(DialableContact c) {
        String first = c.firstName() == null ? "" : c.firstName();
        String last = c.lastName() == null ? "" : c.lastName();
        return (first + " " + last).trim();
    }
}
