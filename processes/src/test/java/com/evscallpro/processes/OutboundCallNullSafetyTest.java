package com.evscallpro.processes;

import static com.evscallpro.processes.OutboundCallHarness.awaitAtDialOutcomeGateway;
import static com.evscallpro.processes.OutboundCallHarness.awaitCompleted;
import static com.evscallpro.processes.OutboundCallHarness.instance;
import static com.evscallpro.processes.OutboundCallProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Missing or null variables must never raise an incident: a live call must not get stuck in the engine because a
 * publisher forgot a field. The instance falls through to the default {@code CloseContactFlow} instead.
 */
@ZeebeProcessTest
class OutboundCallNullSafetyTest {

    private ZeebeTestEngine engine;
    private OutboundCallHarness zeebe;

    @BeforeEach
    void setUp() {
        zeebe = new OutboundCallHarness(engine);
        zeebe.startWorkers();
    }

    @AfterEach
    void tearDown() {
        zeebe.close();
    }

    private static Map<String, Object> onlyCallId(String callId) {
        Map<String, Object> v = new HashMap<>();
        v.put(CALL_ID, callId);
        return v;
    }

    @Test
    void busy_without_attempt_counters_closes_the_contact_without_incident() {
        long key = zeebe.start(onlyCallId("call-bare")); // no attempt, maxAttempts, qualificationCategory...
        awaitAtDialOutcomeGateway(key);
        zeebe.publishFailed("call-bare", OUTCOME_BUSY, 17);
        awaitCompleted(key);

        instance(key)
                .hasPassedElementsInOrder(CALL_FAILED_EVENT, RECORD_OUTCOME_TASK, NEXT_STEP_GATEWAY,
                        CLOSE_CONTACT_TASK, CONTACT_CLOSED_END_EVENT)
                .hasNoIncidents();
    }

    @Test
    void failure_message_without_outcome_closes_the_contact_without_incident() {
        Map<String, Object> start = OutboundCallHarness.startVariables("call-empty-failure", 1, 3);
        start.remove(QUALIFICATION_CATEGORY);
        long key = zeebe.start(start);
        awaitAtDialOutcomeGateway(key);
        zeebe.client.newPublishMessageCommand()
                .messageName(MESSAGE_CALL_FAILED)
                .correlationKey("call-empty-failure")
                .timeToLive(OutboundCallHarness.MESSAGE_TTL)
                .send()
                .join();
        awaitCompleted(key);

        instance(key)
                .hasPassedElementsInOrder(CALL_FAILED_EVENT, RECORD_OUTCOME_TASK, CLOSE_CONTACT_TASK)
                .hasNotPassedElement(SCHEDULE_RETRY_TASK)
                .hasNoIncidents();
        assertThat(zeebe.onlyJobVariables(JOB_CDR_RECORD)).contains(entry(OUTCOME, null), entry(HANGUP_CAUSE, null));
    }

    @Test
    void answered_call_without_any_agent_creates_an_unassigned_wrap_up_without_incident() {
        zeebe.agentQualifies("SALE", CATEGORY_POSITIVE, null, null);
        Map<String, Object> start = onlyCallId("call-no-agent");
        long key = zeebe.start(start);
        awaitAtDialOutcomeGateway(key);
        zeebe.publishAnswered("call-no-agent");
        zeebe.publishAgentConnected("call-no-agent");
        awaitCompleted(key);

        instance(key).hasPassedElementsInOrder(WRAP_UP_TASK, RECORD_OUTCOME_TASK, CLOSE_CONTACT_TASK).hasNoIncidents();
        // an empty assignee expression result leaves the job without the assignee header: unassigned
        assertThat(zeebe.jobs(JOB_USER_TASK).getFirst().getCustomHeaders()).doesNotContainKey(HEADER_ASSIGNEE);
    }

    @Test
    void wrap_up_without_category_closes_the_contact() {
        zeebe.reply(JOB_USER_TASK, job -> Map.of(QUALIFICATION_CODE, "HUNG_UP_EARLY"));
        Map<String, Object> start = OutboundCallHarness.startVariables("call-no-category", 1, 3);
        start.remove(QUALIFICATION_CATEGORY);
        long key = zeebe.start(start);
        awaitAtDialOutcomeGateway(key);
        zeebe.publishAnswered("call-no-category");
        zeebe.publishAgentConnected("call-no-category");
        awaitCompleted(key);

        instance(key).hasPassedElement(CLOSE_CONTACT_TASK).hasNotPassedElement(SCHEDULE_CALLBACK_TASK)
                .hasNoIncidents();
    }

    @Test
    void missing_ring_timeout_falls_back_to_sixty_seconds() {
        Map<String, Object> start = OutboundCallHarness.startVariables("call-default-timer", 1, 3);
        start.remove(RING_TIMEOUT);
        long key = zeebe.start(start);
        awaitAtDialOutcomeGateway(key);

        engine.increaseTime(Duration.parse(DEFAULT_RING_TIMEOUT).plusSeconds(1));
        awaitCompleted(key);

        instance(key)
                .hasPassedElementsInOrder(RING_TIMEOUT_EVENT, HANG_UP_UNANSWERED_CALL_TASK, RECORD_OUTCOME_TASK,
                        SCHEDULE_RETRY_TASK)
                .hasNoIncidents();
    }
}
