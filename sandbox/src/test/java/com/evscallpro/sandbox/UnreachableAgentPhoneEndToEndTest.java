package com.evscallpro.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.agent.PauseReason;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.NewCampaign;
import com.evscallpro.core.cdr.CallRecord;
import com.evscallpro.core.cdr.CdrDisposition;
import com.evscallpro.core.cdr.CdrService;
import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.contact.ContactInput;
import com.evscallpro.core.contact.ContactLifecycleService;
import com.evscallpro.core.event.EventBus;
import com.evscallpro.core.task.TaskAssigned;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import com.evscallpro.processes.OutboundCallProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The reserved agent's phone cannot be reached (the simulator plays capture 14: the agent leg is hung up at once with
 * DIALSTATUS=CHANUNAVAIL and no DialBegin / DialEnd). The answered customer hears the message and is hung up; the
 * attempt is recorded as abandoned; the agent, who never had the call, gets no wrap-up and is paused with the reason
 * "phone not answered" instead of being dialled for again. Nothing of ours is mocked.
 */
class UnreachableAgentPhoneEndToEndTest {

    private final SandboxTestContext stack = SandboxTestContext.get();

    @Test
    void an_agent_whose_phone_cannot_be_reached_is_paused_and_never_gets_a_wrap_up_for_the_call() {
        UserAccount agent = stack.bean(UserAccountService.class).create("unreachable-agent", "secret-unreachable",
                "Agent Unreachable", UserAccount.Role.AGENT, SandboxTestContext.UNREACHABLE_PHONE, "fr");
        CampaignService campaigns = stack.bean(CampaignService.class);
        long campaignId = stack.withoutCallingRules(campaigns.create(new NewCampaign("Unreachable phone campaign", 3, 600, 20, "+33170000004")));
        stack.bean(ContactImportService.class).importContacts(campaignId, List.of(
                new ContactInput("Ursula", "Unreachable", SandboxTestContext.ANSWERS_AND_TALKS, Map.of())));
        AgentService agents = stack.bean(AgentService.class);
        List<TaskAssigned> assigned = new CopyOnWriteArrayList<>();
        try (EventBus.Subscription ignored = stack.bean(EventBus.class).subscribe(TaskAssigned.class, e -> {
            if (e.task().agentId() == agent.id()) {
                assigned.add(e);
            }
        })) {
            campaigns.start(campaignId);
            agents.goReady(agent.id());

            await().atMost(Duration.ofSeconds(30)).until(() -> agents.status(agent.id()).state() == AgentState.PAUSED);
            campaigns.pause(campaignId);
            assertThat(agents.status(agent.id()).pauseReason()).isEqualTo(PauseReason.PHONE_NOT_ANSWERED.code());

            long contactId = stack.bean(ContactLifecycleService.class).contacts(campaignId, 0, 1).get(0).id();
            CallRecord record = await().atMost(Duration.ofSeconds(30)).until(
                    () -> stack.bean(CdrService.class).byContact(contactId).stream().findFirst().orElse(null),
                    r -> r != null);
            assertThat(record.outcome()).isEqualTo("ABANDONED");
            assertThat(record.disposition()).as("the customer answered").isEqualTo(CdrDisposition.ANSWERED);
            assertThat(record.customerUniqueId()).as("the originated channel, named by our ChannelId")
                    .isEqualTo(record.callId());
            assertThat(record.answeredAt()).as("answered by the customer, as the PBX said").isNotNull();
            assertThat(record.qualificationCode()).isNull();

            List<String> completed = stack.awaitCompleted(record.processInstanceKey());
            assertThat(completed).contains(OutboundCallProcess.CALL_ABANDONED_EVENT,
                    OutboundCallProcess.RECORD_OUTCOME_TASK)
                    .doesNotContain(OutboundCallProcess.WRAP_UP_TASK, OutboundCallProcess.AGENT_CONNECTED_EVENT);
            assertThat(assigned).as("no screen-pop for a call the agent never had").isEmpty();
            assertThat(agents.status(agent.id()).state()).as("not made READY again behind the agent's back")
                    .isEqualTo(AgentState.PAUSED);
        }
    }
}
