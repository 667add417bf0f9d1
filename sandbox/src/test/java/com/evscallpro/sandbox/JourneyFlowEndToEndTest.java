package com.evscallpro.sandbox;

import static com.evscallpro.sandbox.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.NewCampaign;
import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.contact.ContactInput;
import com.evscallpro.core.contact.ContactLifecycleService;
import com.evscallpro.core.contact.ContactStatus;
import com.evscallpro.core.contact.ContactView;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.flow.FlowKind;
import com.evscallpro.core.flow.FlowService;
import com.evscallpro.core.flow.FlowVersionView;
import com.evscallpro.core.flow.FlowView;
import com.evscallpro.core.task.AgentTaskService;
import com.evscallpro.core.task.WrapUpTask;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.processes.OutboundCallProcess;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The call journey edited by an analyst, on the real stack (PostgreSQL, the engine, the simulator over AMI, the
 * dialer): a campaign points at a journey flow (API), its first call is answered and the agent is in wrap-up on
 * version 1 when the analyst publishes version 2, whose retry waits two hours instead of the campaign's 3 s; the
 * call in progress finishes on version 1 (its retry 3 s later), the next attempt starts on version 2 (the definition
 * key the engine runs it on) and schedules its retry two hours later.
 */
class JourneyFlowEndToEndTest {

    private final SandboxTestContext stack = SandboxTestContext.get();
    private final FlowService flows = stack.bean(FlowService.class);
    private final ApiClient api = new ApiClient(stack);

    /** The shipped journey as the process {@code processId}: what an analyst gets by importing a copy of it. */
    static String shippedJourneyAs(FlowService flows, String processId) {
        FlowView shipped = flows.flowByProcessId(OutboundCallProcess.PROCESS_ID).orElseThrow();
        String xml = flows.bpmn(shipped.publishedVersionId());
        assertThat(xml).contains("id=\"" + OutboundCallProcess.PROCESS_ID + "\"");
        return xml.replace("id=\"" + OutboundCallProcess.PROCESS_ID + "\"", "id=\"" + processId + "\"")
                .replace("bpmnElement=\"" + OutboundCallProcess.PROCESS_ID + "\"", "bpmnElement=\"" + processId + "\"");
    }

    /** The analyst's edit: the retry step waits {@code seconds}, whatever the campaign says. */
    static String withRetryDelay(String xml, int seconds) {
        String task = "<zeebe:taskDefinition type=\"contact.schedule-retry\" retries=\"3\" />";
        assertThat(xml).contains(task);
        return xml.replace(task, task + "<zeebe:ioMapping><zeebe:input source=\"=" + seconds
                + "\" target=\"retryDelaySeconds\" /></zeebe:ioMapping>");
    }

    @Test
    void an_edited_journey_published_mid_call_runs_on_the_next_attempt_while_the_call_in_progress_ends_on_its_own() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String processId = "journey-e2e-" + suffix;
        FlowView journey = flows.create(FlowKind.OUTBOUND_CALL, "Journey E2E " + suffix, null,
                shippedJourneyAs(flows, processId), "a copy of the shipped journey");
        CampaignService campaigns = stack.bean(CampaignService.class);
        long campaignId = stack.withoutCallingRules(campaigns.create(new NewCampaign("Journey E2E " + suffix, 3, 3,
                10, "+33170000001")));
        String admin = api.accessToken(ApiClient.user(stack, "journey-e2e-admin", UserAccount.Role.ADMIN, null)
                .username(), "journey-e2e-admin-pw");

        // Binding: refused while the flow has nothing published, or for an IVR flow; then through the API.
        assertThat(api.put("/api/v1/campaigns/" + campaignId + "/journey", admin, map("flowId", journey.id()),
                Map.of("If-Match", "*")).code()).isEqualTo("flow.not-published");
        FlowVersionView v1 = flows.publish(journey.draftVersionId(), "v1: as shipped");
        long key1 = flows.definitionKey(processId);
        String ivrId = "journey-e2e-ivr-" + suffix;
        FlowView ivr = flows.create(FlowKind.IVR, "Not a journey " + suffix, null, Bpmn.convertToString(
                Bpmn.createExecutableProcess(ivrId).startEvent().endEvent().done()), null);
        assertThatThrownBy(() -> flows.bindJourney(campaignId, ivr.id())).isInstanceOfSatisfying(EvsException.class,
                e -> assertThat(e.code()).isEqualTo("flow.not-a-journey"));
        assertThat(api.get("/api/v1/campaigns/" + campaignId + "/journey", admin).json().get("flowId").isNull())
                .as("a new campaign runs the shipped journey").isTrue();
        ApiClient.Response bound = api.put("/api/v1/campaigns/" + campaignId + "/journey", admin,
                map("flowId", journey.id()), Map.of("If-Match", "*"));
        assertThat(bound.status()).isEqualTo(200);
        assertThat(bound.json().get("processId").asText()).isEqualTo(processId);
        assertThat(bound.json().get("publishedNumber").asInt()).isEqualTo(1);

        UserAccount agent = ApiClient.user(stack, "journey-e2e-agent-" + suffix, UserAccount.Role.AGENT, "2178");
        stack.bean(ContactImportService.class).importContacts(campaignId, List.of(
                new ContactInput("Jo", "Journey", SandboxTestContext.ANSWERS, Map.of())));
        AgentService agents = stack.bean(AgentService.class);
        AgentTaskService tasks = stack.bean(AgentTaskService.class);
        ContactLifecycleService contacts = stack.bean(ContactLifecycleService.class);
        try {
            campaigns.start(campaignId);
            agents.goReady(agent.id());

            // Attempt 1 on v1: answered, the customer hangs up, the agent is in wrap-up (the instance waits).
            WrapUpTask first = inWrapUp(tasks, agents, agent.id(), null);
            long instance1 = stack.processInstanceOf(first.callId()).orElseThrow();
            assertThat(definitionKeyOf(instance1)).isEqualTo(key1);

            // The analyst edits the journey and publishes v2 while that call is still running on v1.
            FlowVersionView v2 = flows.saveDraft(journey.id(),
                    withRetryDelay(flows.bpmn(v1.id()), 7200), "retry after two hours");
            flows.publish(v2.id(), "v2: retries wait two hours");
            long key2 = flows.definitionKey(processId);
            assertThat(key2).isNotEqualTo(key1);

            // The call in progress ends on v1: its retry takes the campaign's 3 s.
            Instant qualified = Instant.now();
            tasks.qualify(agent.id(), first.callId(), "ANSWERING_MACHINE", null, "machine, try again");
            assertThat(stack.awaitCompleted(instance1)).contains(OutboundCallProcess.SCHEDULE_RETRY_TASK, "PROCESS");
            assertThat(definitionKeyOf(instance1)).as("finished on the version it started on").isEqualTo(key1);

            // Attempt 2 (dialled 3 s later) starts on v2 and behaves as edited: the next attempt in two hours.
            WrapUpTask second = inWrapUp(tasks, agents, agent.id(), first.callId());
            ContactView redialled = contacts.contacts(campaignId, 0, 1).getFirst();
            assertThat(redialled.attempts()).isEqualTo(2);
            long instance2 = stack.processInstanceOf(second.callId()).orElseThrow();
            assertThat(definitionKeyOf(instance2)).as("the next call runs the new version").isEqualTo(key2);
            assertThat(Duration.between(qualified, Instant.now())).as("v1's 3 s retry, not two hours")
                    .isLessThan(Duration.ofMinutes(2));
            Instant qualifiedAgain = Instant.now();
            tasks.qualify(agent.id(), second.callId(), "ANSWERING_MACHINE", null, "machine again");
            assertThat(stack.awaitCompleted(instance2)).contains(OutboundCallProcess.SCHEDULE_RETRY_TASK, "PROCESS");
            ContactView retried = await().atMost(Duration.ofSeconds(30)).until(
                    () -> contacts.contacts(campaignId, 0, 1).getFirst(), c -> c.status() == ContactStatus.RETRY);
            assertThat(retried.nextAttemptAt()).as("v2's retry delay")
                    .isAfterOrEqualTo(qualifiedAgain.plusSeconds(7200 - 5))
                    .isBefore(Instant.now().plusSeconds(7200 + 5));
        } finally {
            campaigns.pause(campaignId);
            agents.pause(agent.id(), "BREAK");
        }
    }

    private static WrapUpTask inWrapUp(AgentTaskService tasks, AgentService agents, long agentId, String notCallId) {
        WrapUpTask task = await().atMost(Duration.ofSeconds(60)).until(() -> tasks.currentTask(agentId).orElse(null),
                t -> t != null && !t.callId().equals(notCallId));
        await().atMost(Duration.ofSeconds(30)).until(() -> agents.status(agentId).state() == AgentState.WRAP_UP);
        return task;
    }

    /** The definition key the engine ran the instance on (its process instance records). */
    private long definitionKeyOf(long instanceKey) {
        return JourneyRecords.definitionKeyOf(stack, instanceKey);
    }
}
