package com.evscallpro.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.call.TechnicalFailure;
import com.evscallpro.core.call.TechnicalFailureService;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.NewCampaign;
import com.evscallpro.core.cdr.CdrService;
import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.contact.ContactInput;
import com.evscallpro.core.contact.ContactLifecycleService;
import com.evscallpro.core.contact.ContactStatus;
import com.evscallpro.core.contact.ContactView;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import com.evscallpro.processes.OutboundCallProcess;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The AMI link is lost while the Originate waits for the PBX's answer (the simulator is slow, then drops the
 * connection and refuses new ones): the PBX never took the call. The dial job is retried with back-off against a PBX
 * still unreachable, then the attempt ends as a technical failure: listed for admins with the reason and counted, the
 * reserved agent freed, the contact still due later with no attempt used up, even on a campaign that allows a single
 * attempt. No CDR: no call took place. Nothing of ours is mocked.
 */
class TechnicalFailureEndToEndTest {

    private final SandboxTestContext stack = SandboxTestContext.get();

    @Test
    void an_originate_the_pbx_keeps_refusing_ends_as_a_technical_failure_that_uses_up_no_attempt() {
        UserAccount agent = stack.bean(UserAccountService.class).create("technical-agent", "secret-technical",
                "Agent Technical", UserAccount.Role.AGENT, "2461", "en");
        CampaignService campaigns = stack.bean(CampaignService.class);
        long campaignId = stack.withoutCallingRules(campaigns.create(new NewCampaign("Technical failure campaign", 1, 600, 20,
                "+33170000005")));
        stack.bean(ContactImportService.class).importContacts(campaignId, List.of(
                new ContactInput("Tom", "Technical", SandboxTestContext.NO_ANSWER, Map.of())));
        ContactLifecycleService contacts = stack.bean(ContactLifecycleService.class);
        long contactId = contacts.contacts(campaignId, 0, 1).get(0).id();
        AgentService agents = stack.bean(AgentService.class);
        TechnicalFailureService failures = stack.bean(TechnicalFailureService.class);
        double countedBefore = counted();

        com.evscallpro.simulator.PbxSimulator pbx = stack.infrastructure.pbx();
        com.evscallpro.core.call.LiveCallService live = stack.bean(com.evscallpro.core.call.LiveCallService.class);
        TechnicalFailure failure;
        pbx.actionDelay(Duration.ofSeconds(3)); // the Originate waits 3 s in the PBX ...
        try {
            campaigns.start(campaignId);
            agents.goReady(agent.id());
            await().atMost(Duration.ofSeconds(30)).until(() -> agents.status(agent.id()).state() == AgentState.RESERVED);
            pbx.dropConnections(Duration.ofSeconds(20)); // ... and the link goes down before it is handled
            failure = await().atMost(Duration.ofSeconds(60)).until(
                    () -> failures.latest(0, 50).stream().filter(f -> f.contactId() == contactId).findFirst()
                            .orElse(null), f -> f != null);
        } finally {
            campaigns.pause(campaignId);
            pbx.actionDelay(Duration.ZERO);
        }
        await().atMost(Duration.ofSeconds(60)).until(live::telephonyConnected); // back for the next tests

        assertThat(failure.campaignId()).isEqualTo(campaignId);
        assertThat(failure.agentId()).isEqualTo(agent.id());
        assertThat(failure.kind()).as("the last retry found the PBX unreachable")
                .isEqualTo(com.evscallpro.core.call.TechnicalFailureKind.PBX_NOT_CONNECTED);
        assertThat(failure.reason()).as("the technical detail").contains("could not be placed", "not connected");
        assertThat(counted() - countedBefore).isEqualTo(1.0);
        await().atMost(Duration.ofSeconds(10)).until(() -> agents.status(agent.id()).state() == AgentState.READY);

        ContactView contact = contacts.contacts(campaignId, 0, 1).get(0);
        assertThat(contact.status()).as("still to call, though the campaign allows one attempt")
                .isEqualTo(ContactStatus.RETRY);
        assertThat(contact.attempts()).as("the attempt was given back").isZero();
        assertThat(stack.bean(CdrService.class).byContact(contactId)).as("no call took place").isEmpty();

        long instance = stack.processInstanceOf(failure.callId()).orElseThrow();
        assertThat(stack.awaitCompleted(instance)).contains(OutboundCallProcess.TECHNICAL_FAILURE_EVENT,
                OutboundCallProcess.RECORD_TECHNICAL_FAILURE_TASK, OutboundCallProcess.TECHNICAL_FAILURE_END_EVENT)
                .doesNotContain(OutboundCallProcess.RECORD_OUTCOME_TASK);
        agents.pause(agent.id(), "BREAK");
    }

    private double counted() {
        var counter = stack.bean(MeterRegistry.class).find("evs.call.technical.failures").counter();
        return counter == null ? 0 : counter.count();
    }
}
