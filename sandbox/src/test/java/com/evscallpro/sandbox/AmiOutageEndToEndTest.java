package com.evscallpro.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.call.LiveCall;
import com.evscallpro.core.call.LiveCallService;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.NewCampaign;
import com.evscallpro.core.cdr.CallRecord;
import com.evscallpro.core.cdr.CdrDisposition;
import com.evscallpro.core.cdr.CdrService;
import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.contact.ContactInput;
import com.evscallpro.core.contact.ContactLifecycleService;
import com.evscallpro.core.task.AgentTaskService;
import com.evscallpro.core.task.WrapUpTask;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import com.evscallpro.processes.OutboundCallProcess;
import com.evscallpro.simulator.PbxSimulator;

/**
 * The AMI connection drops in the middle of a conversation and the customer hangs up while it is down: the whole
 * application (not just the adapter) keeps the call, reconnects, learns from the resync that the call ended, and the
 * agent's wrap-up, the CDR and the process complete as for any call. Nothing of ours is mocked.
 */
class AmiOutageEndToEndTest {

    private final SandboxTestContext stack = SandboxTestContext.get();

    @Test
    void a_call_that_ends_during_an_ami_outage_is_wrapped_up_recorded_and_completed_after_the_reconnect() {
        UserAccount agent = stack.bean(UserAccountService.class)
                .create("outage-agent", "secret-outage", "Agent Outage", UserAccount.Role.AGENT, "2401", "en");
        CampaignService campaigns = stack.bean(CampaignService.class);
        long campaignId = stack.withoutCallingRules(campaigns.create(new NewCampaign("Outage campaign", 1, 60, 20, "+33170000003")));
        stack.bean(ContactImportService.class).importContacts(campaignId, List.of(new ContactInput("Oscar", "Outage",
                SandboxTestContext.ANSWERS_AND_TALKS, Map.of())));
        AgentService agents = stack.bean(AgentService.class);
        LiveCallService live = stack.bean(LiveCallService.class);
        AgentTaskService tasks = stack.bean(AgentTaskService.class);
        PbxSimulator pbx = stack.infrastructure.pbx();

        campaigns.start(campaignId);
        agents.goReady(agent.id());
        WrapUpTask task = await().atMost(Duration.ofSeconds(30))
                .until(() -> tasks.currentTask(agent.id()).orElse(null), t -> t != null);
        await().atMost(Duration.ofSeconds(15)).until(() -> agents.status(agent.id()).state() == AgentState.ON_CALL);
        campaigns.pause(campaignId); // nothing else to dial; the call goes on

        // The link to the PBX goes down for 2 s; the customer hangs up meanwhile (that Hangup is never received).
        pbx.dropConnections(Duration.ofSeconds(2));
        await().atMost(Duration.ofSeconds(15)).until(() -> !live.telephonyConnected());
        assertThat(pbx.customerHangsUp(SandboxTestContext.ANSWERS_AND_TALKS)).isEqualTo(1);
        assertThat(live.liveCalls()).extracting(LiveCall::callId).contains(task.callId());
        assertThat(agents.status(agent.id()).state()).as("still on the call as far as we know")
                .isEqualTo(AgentState.ON_CALL);

        // Back: the resync finds the call gone; the agent wraps up as after any call.
        await().atMost(Duration.ofSeconds(30)).until(live::telephonyConnected);
        await().atMost(Duration.ofSeconds(15)).until(() -> agents.status(agent.id()).state() == AgentState.WRAP_UP);
        await().atMost(Duration.ofSeconds(15)).until(() -> live.liveCalls().stream()
                .noneMatch(c -> c.callId().equals(task.callId())));
        tasks.qualify(agent.id(), task.callId(), "NOT_INTERESTED", null, "Call cut during the outage");

        long contactId = stack.bean(ContactLifecycleService.class).contacts(campaignId, 0, 1).get(0).id();
        CallRecord record = await().atMost(Duration.ofSeconds(20)).until(
                () -> stack.bean(CdrService.class).byContact(contactId).stream().findFirst().orElse(null),
                r -> r != null && r.qualificationCode() != null);
        assertThat(record.disposition()).isEqualTo(CdrDisposition.ANSWERED);
        assertThat(record.qualificationCode()).isEqualTo("NOT_INTERESTED");
        // The Hangup happened while we were away: the PBX never told us why, and no cause is made up; the record
        // says so (only the adapter's resync can set this flag: a Hangup seen on the wire carries its cause).
        assertThat(record.hangupCause()).isNull();
        assertThat(record.endedDuringOutage()).isTrue();
        assertThat(record.endedAt()).isAfter(record.answeredAt());
        await().atMost(Duration.ofSeconds(15)).until(() -> stack.completedElements(record.processInstanceKey())
                .contains("PROCESS"));
        assertThat(stack.completedElements(record.processInstanceKey())).contains(
                OutboundCallProcess.CALL_ANSWERED_EVENT, OutboundCallProcess.WRAP_UP_TASK,
                OutboundCallProcess.RECORD_OUTCOME_TASK, OutboundCallProcess.CONTACT_CLOSED_END_EVENT);
        await().atMost(Duration.ofSeconds(15)).until(() -> agents.status(agent.id()).state() == AgentState.READY);
        agents.pause(agent.id(), "BREAK");
    }
}
