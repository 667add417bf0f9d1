package com.evscallpro.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import com.evscallpro.core.task.AgentTaskService;
import com.evscallpro.core.task.WrapUpTask;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import com.evscallpro.processes.OutboundCallProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue: a lost call-answered hung up a live call. On the whole stack (PostgreSQL, the engine, the simulator over
 * AMI), the engine's gateway refuses every message publish from before the answer until the attempt's ring timer has
 * fired: the process never hears of the answer in time. The ring-timeout path asks the PBX, finds the call up and
 * bridged, and leaves it alone: the customer stays with the agent, who wraps up; the CDR says ANSWERED.
 */
class LostAnswerEndToEndTest {

    private final SandboxTestContext stack = SandboxTestContext.get();

    @Test
    void an_answer_the_engine_never_heard_of_does_not_hang_up_the_live_call() {
        UserAccount agent = stack.bean(UserAccountService.class)
                .create("lost-answer-agent", "secret-lost", "Agent Lost", UserAccount.Role.AGENT, "2103", "en");
        CampaignService campaigns = stack.bean(CampaignService.class);
        long campaignId = stack.withoutCallingRules(campaigns.create(new NewCampaign("Lost answer campaign", 1, 1, 2, "+33170000003")));
        stack.bean(ContactImportService.class).importContacts(campaignId, List.of(
                new ContactInput("Lou", "Lost", SandboxTestContext.ANSWERS_AND_TALKS, Map.of())));
        AgentService agents = stack.bean(AgentService.class);
        LiveCallService live = stack.bean(LiveCallService.class);
        stack.publishFaults.refusePublishes(true);
        try {
            campaigns.start(campaignId);
            agents.goReady(agent.id());

            // The customer answers and is bridged to the agent by the PBX; the engine hears nothing of it.
            LiveCall call = await().atMost(Duration.ofSeconds(30)).until(() -> live.liveCalls().stream()
                    .filter(c -> c.campaignId() == campaignId && c.state() == LiveCall.LiveCallState.CONNECTED)
                    .findFirst().orElse(null), c -> c != null);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> agents.status(agent.id()).state() == AgentState.ON_CALL);
            long instance = await().atMost(Duration.ofSeconds(30))
                    .until(() -> stack.processInstanceOf(call.callId()).orElse(null), k -> k != null);

            // The ring timer (2 s ring + 15 s grace) fires while every publish is still refused.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> stack.completedElements(instance).contains(OutboundCallProcess.RING_TIMEOUT_EVENT));
            assertThat(stack.publishFaults.refused()).as("publishes the engine refused").isPositive();
        } finally {
            stack.publishFaults.refusePublishes(false);
        }

        // The call is still connected, and the agent gets the wrap-up.
        AgentTaskService tasks = stack.bean(AgentTaskService.class);
        WrapUpTask task = await().atMost(Duration.ofSeconds(30))
                .until(() -> tasks.currentTask(agent.id()).orElse(null), t -> t != null);
        assertThat(live.liveCalls()).anySatisfy(c -> {
            assertThat(c.callId()).isEqualTo(task.callId());
            assertThat(c.state()).isEqualTo(LiveCall.LiveCallState.CONNECTED);
        });
        assertThat(agents.status(agent.id()).state()).isEqualTo(AgentState.ON_CALL);
        tasks.qualify(agent.id(), task.callId(), "SALE", null, "kept on the line");

        long instance = stack.processInstanceOf(task.callId()).orElseThrow();
        List<String> completed = stack.awaitCompleted(instance);
        assertThat(completed).contains(OutboundCallProcess.RING_TIMEOUT_EVENT,
                OutboundCallProcess.HANG_UP_UNANSWERED_CALL_TASK, OutboundCallProcess.CALL_STATE_GATEWAY,
                OutboundCallProcess.WRAP_UP_TASK, OutboundCallProcess.RECORD_OUTCOME_TASK)
                .doesNotContain(OutboundCallProcess.CALL_ANSWERED_EVENT);
        CallRecord cdr = stack.bean(CdrService.class).byCallId(task.callId()).orElseThrow();
        assertThat(cdr.disposition()).isEqualTo(CdrDisposition.ANSWERED);
        assertThat(cdr.outcome()).isEqualTo("ANSWERED");
        assertThat(cdr.qualificationCode()).isEqualTo("SALE");
        assertThat(cdr.billsec()).as("talked past the ring timer").isGreaterThanOrEqualTo(15);
        assertThat(cdr.hangupCause()).as("hung up by the agent's qualification, normal clearing").isEqualTo(16);
        agents.pause(agent.id(), "BREAK");
        campaigns.pause(campaignId);
    }
}
