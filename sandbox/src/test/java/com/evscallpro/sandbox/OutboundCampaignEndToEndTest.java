package com.evscallpro.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.agent.AgentStatusChanged;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.NewCampaign;
import com.evscallpro.core.cdr.CallRecord;
import com.evscallpro.core.cdr.CdrDisposition;
import com.evscallpro.core.cdr.CdrService;
import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.contact.ContactInput;
import com.evscallpro.core.contact.ContactLifecycleService;
import com.evscallpro.core.contact.ContactStatus;
import com.evscallpro.core.contact.ContactView;
import com.evscallpro.core.contact.ImportReport;
import com.evscallpro.core.event.EventBus;
import com.evscallpro.core.task.AgentTaskService;
import com.evscallpro.core.task.WrapUpTask;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import com.evscallpro.processes.OutboundCallProcess;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One outbound campaign, end to end on the real stack: a real PostgreSQL, the real Zeebe engine running
 * outbound-call.bpmn, the PBX simulator speaking AMI over TCP to the asterisk-java adapter. Three customers: one
 * answers, one is busy, one does not answer; a fourth contact has an invalid number.
 */
class OutboundCampaignEndToEndTest {

    private final SandboxTestContext stack = SandboxTestContext.get();

    @Test
    void answered_busy_and_unanswered_customers_are_dialled_recorded_retried_and_closed() throws Exception {
        UserAccount agent = stack.bean(UserAccountService.class)
                .create("e2e-agent", "secret-e2e", "Agent E2E", UserAccount.Role.AGENT, "2101", "en");
        List<AgentStatusChanged> agentChanges = new CopyOnWriteArrayList<>();
        try (AmiObserver pbx = new AmiObserver(stack.infrastructure);
             EventBus.Subscription ignored = stack.bean(EventBus.class).subscribe(AgentStatusChanged.class, e -> {
                 if (e.status().userId() == agent.id()) {
                     agentChanges.add(e);
                 }
             })) {
            CampaignService campaigns = stack.bean(CampaignService.class);
            long campaignId = stack.withoutCallingRules(campaigns.create(new NewCampaign("E2E campaign", 2, 1, 2, "+33170000001")));
            ImportReport report = stack.bean(ContactImportService.class).importContacts(campaignId, List.of(
                    new ContactInput("Ana", "Answer", SandboxTestContext.ANSWERS, Map.of("offer", "Fibre")),
                    new ContactInput("Bob", "Busy", SandboxTestContext.BUSY, Map.of()),
                    new ContactInput("Nina", "NoAnswer", SandboxTestContext.NO_ANSWER, Map.of()),
                    new ContactInput("Ivan", "Invalid", "+33 12ab", Map.of())));

            // Bad input: the invalid number is rejected with a readable reason, the others are imported.
            assertThat(report.imported()).isEqualTo(3);
            assertThat(report.rejected()).singleElement().satisfies(r -> {
                assertThat(r.line()).isEqualTo(4);
                assertThat(r.reason()).containsIgnoringCase("phone").contains("12ab");
            });

            campaigns.start(campaignId);
            stack.bean(AgentService.class).goReady(agent.id());

            // The answered customer reaches the agent with a screen-pop; the agent qualifies the call.
            AgentTaskService tasks = stack.bean(AgentTaskService.class);
            WrapUpTask task = await().atMost(Duration.ofSeconds(30))
                    .until(() -> tasks.currentTask(agent.id()).orElse(null), t -> t != null);
            assertThat(task.contact().lastName()).isEqualTo("Answer");
            assertThat(task.contact().phone()).isEqualTo(SandboxTestContext.ANSWERS);
            assertThat(task.contact().customFields()).containsEntry("offer", "Fibre");
            assertThat(task.qualifications()).extracting(q -> q.code()).contains("SALE", "CALLBACK");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> stack.bean(AgentService.class).status(agent.id()).state() == AgentState.WRAP_UP);
            tasks.qualify(agent.id(), task.callId(), "SALE", null, "Signed for fibre");

            // Busy and unanswered customers are retried once (max attempts 2), then every contact is closed.
            ContactLifecycleService contacts = stack.bean(ContactLifecycleService.class);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                    contacts.contacts(campaignId, 0, 10).stream().allMatch(c -> c.status() == ContactStatus.DONE));
            Map<String, ContactView> byName = contacts.contacts(campaignId, 0, 10).stream()
                    .collect(Collectors.toMap(ContactView::lastName, Function.identity()));
            assertThat(byName.get("Answer").attempts()).isEqualTo(1);
            assertThat(byName.get("Answer").lastQualificationCode()).isEqualTo("SALE");
            assertThat(byName.get("Busy").attempts()).isEqualTo(2);
            assertThat(byName.get("Busy").lastOutcome()).isEqualTo("BUSY");
            assertThat(byName.get("NoAnswer").attempts()).isEqualTo(2);
            assertThat(byName.get("NoAnswer").lastOutcome()).isEqualTo("NO_ANSWER");

            // The CDR: one answered call, two busy and two unanswered attempts, with Asterisk's causes.
            CdrService cdr = stack.bean(CdrService.class);
            List<CallRecord> answered = cdr.byContact(byName.get("Answer").id());
            assertThat(answered).singleElement().satisfies(r -> {
                assertThat(r.disposition()).isEqualTo(CdrDisposition.ANSWERED);
                assertThat(r.qualificationCode()).isEqualTo("SALE");
                assertThat(r.comment()).isEqualTo("Signed for fibre");
                assertThat(r.agentId()).isEqualTo(agent.id());
                assertThat(r.campaignId()).isEqualTo(campaignId);
                assertThat(r.callee()).isEqualTo(SandboxTestContext.ANSWERS);
                assertThat(r.outcome()).isEqualTo("ANSWERED");
                assertThat(r.linkedId()).as("linkedid = our call id, the originate's ChannelId")
                        .isEqualTo(r.callId());
                // The legs' own Uniqueids, exactly as the PBX made them (read on its own AMI stream).
                List<org.asteriskjava.manager.event.NewChannelEvent> channels = pbx.channelsOf(r.callId());
                assertThat(channels).filteredOn(c -> c.getChannel().contains(SandboxTestContext.ANSWERS))
                        .extracting(org.asteriskjava.manager.event.NewChannelEvent::getUniqueId)
                        .contains(r.customerUniqueId());
                assertThat(channels).filteredOn(c -> c.getChannel().contains("2101"))
                        .extracting(org.asteriskjava.manager.event.NewChannelEvent::getUniqueId)
                        .contains(r.agentUniqueId());
                assertThat(r.agentUniqueId()).isNotEqualTo(r.callId()).isNotEqualTo(r.customerUniqueId());
                // Times from the PBX's events: the answer comes after the channel was created and rang.
                assertThat(r.answeredAt()).isAfter(r.startedAt());
                assertThat(r.endedAt()).isAfter(r.answeredAt());
                assertThat(r.billsec()).isEqualTo((int) Duration.between(r.answeredAt(), r.endedAt()).toSeconds());
                assertThat(r.billsec()).isGreaterThanOrEqualTo(1);
                assertThat(r.durationSeconds()).isGreaterThanOrEqualTo(r.billsec());
                // The cause of the PBX's own Hangup of the customer leg.
                assertThat(pbx.hangupCauseOf(r.customerUniqueId())).contains(r.hangupCause());
                assertThat(r.hangupCause()).isEqualTo(16);
                assertThat(r.endedDuringOutage()).isFalse();
                assertThat(r.attempt()).isEqualTo(1);
            });
            List<CallRecord> busy = sorted(cdr.byContact(byName.get("Busy").id()));
            assertThat(busy).hasSize(2).allSatisfy(r -> {
                assertThat(r.disposition()).isEqualTo(CdrDisposition.BUSY);
                assertThat(r.hangupCause()).isEqualTo(17);
                assertThat(r.customerUniqueId()).isNotNull();
                assertThat(pbx.hangupCausesOf(r.callId())).as("causes of the PBX's Hangups of this call").contains(17);
                assertThat(r.billsec()).isZero();
                assertThat(r.answeredAt()).isNull();
            });
            assertThat(busy).extracting(CallRecord::attempt).containsExactly(1, 2);
            List<CallRecord> unanswered = sorted(cdr.byContact(byName.get("NoAnswer").id()));
            assertThat(unanswered).hasSize(2).allSatisfy(r -> {
                assertThat(r.disposition()).isEqualTo(CdrDisposition.NO_ANSWER);
                assertThat(r.hangupCause()).isEqualTo(19);
                // the PBX's own times (its channel created → hung up) for a 2 s ring, give or take the event delivery
                assertThat(Duration.between(r.startedAt(), r.endedAt())).isGreaterThanOrEqualTo(Duration.ofMillis(1800));
            });
            // The retry waited in the database, for at least the campaign's retry delay.
            assertThat(busy.get(1).startedAt()).isAfterOrEqualTo(busy.get(0).endedAt().plusSeconds(1));

            // Every attempt's process instance completed on the engine, by the expected path (awaited: the CDR is
            // written before the instance's last steps complete).
            assertThat(stack.awaitCompleted(answered.get(0).processInstanceKey())).contains(
                    OutboundCallProcess.CALL_ANSWERED_EVENT, OutboundCallProcess.AGENT_CONNECTED_EVENT,
                    OutboundCallProcess.WRAP_UP_TASK,
                    OutboundCallProcess.RECORD_OUTCOME_TASK, OutboundCallProcess.CLOSE_CONTACT_TASK,
                    OutboundCallProcess.CONTACT_CLOSED_END_EVENT, "PROCESS");
            for (List<CallRecord> failedTwice : List.of(busy, unanswered)) {
                assertThat(stack.awaitCompleted(failedTwice.get(0).processInstanceKey())).contains(
                        OutboundCallProcess.CALL_FAILED_EVENT, OutboundCallProcess.SCHEDULE_RETRY_TASK,
                        OutboundCallProcess.RETRY_SCHEDULED_END_EVENT, "PROCESS");
                assertThat(stack.awaitCompleted(failedTwice.get(1).processInstanceKey())).contains(
                        OutboundCallProcess.CALL_FAILED_EVENT, OutboundCallProcess.CLOSE_CONTACT_TASK,
                        OutboundCallProcess.CONTACT_CLOSED_END_EVENT, "PROCESS");
            }

            // The agent went through the whole cycle for the answered call and is READY again.
            assertThat(agentChanges).extracting(e -> e.status().state()).containsSubsequence(AgentState.READY,
                    AgentState.RESERVED, AgentState.ON_CALL, AgentState.WRAP_UP, AgentState.READY);
            assertThat(stack.bean(AgentService.class).status(agent.id()).state()).isEqualTo(AgentState.READY);
            stack.bean(AgentService.class).pause(agent.id(), "BREAK");
            campaigns.pause(campaignId);
        }
    }

    private static List<CallRecord> sorted(List<CallRecord> records) {
        return records.stream().sorted(Comparator.comparing(CallRecord::startedAt)).toList();
    }
}
