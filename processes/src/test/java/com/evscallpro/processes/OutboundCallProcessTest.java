package com.evscallpro.processes;

import static com.evscallpro.processes.OutboundCallHarness.await;
import static com.evscallpro.processes.OutboundCallHarness.awaitAtDialOutcomeGateway;
import static com.evscallpro.processes.OutboundCallHarness.awaitCompleted;
import static com.evscallpro.processes.OutboundCallHarness.instance;
import static com.evscallpro.processes.OutboundCallHarness.startVariables;
import static com.evscallpro.processes.OutboundCallProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every path of {@code outbound-call} on the embedded engine, one fake worker per job type. */
@ZeebeProcessTest
class OutboundCallProcessTest {

    /** Injected by {@link ZeebeProcessTest}: a fresh in-memory engine per test. */
    private ZeebeTestEngine engine;
    private OutboundCallHarness zeebe;

    @BeforeEach
    void setUp() {
        zeebe = new OutboundCallHarness(engine);
    }

    @AfterEach
    void tearDown() {
        zeebe.close();
    }

    // --- answered ----------------------------------------------------------------------------------------------

    @Test
    void answered_call_qualified_as_sale_is_recorded_and_closes_the_contact() {
        zeebe.agentQualifies("SALE", CATEGORY_POSITIVE, null, "bought the premium plan");
        zeebe.startWorkers();

        long key = zeebe.start(startVariables("call-1", 1, 3));
        awaitAtDialOutcomeGateway(key);
        zeebe.publishAnswered("call-1");
        zeebe.publishAgentConnected("call-1");
        awaitCompleted(key);

        instance(key)
                .hasPassedElementsInOrder(ATTEMPT_STARTED_EVENT, DIAL_CUSTOMER_TASK, DIAL_OUTCOME_GATEWAY,
                        CALL_ANSWERED_EVENT, AGENT_CONNECTION_GATEWAY, AGENT_CONNECTED_EVENT, WRAP_UP_TASK,
                        OUTCOME_JOIN_GATEWAY, RECORD_OUTCOME_TASK,
                        NEXT_STEP_GATEWAY, CLOSE_CONTACT_TASK, CONTACT_CLOSED_END_EVENT)
                .hasNotPassedElement(CALL_FAILED_EVENT)
                .hasNotPassedElement(RING_TIMEOUT_EVENT)
                .hasNotPassedElement(HANG_UP_UNANSWERED_CALL_TASK)
                .hasNotPassedElement(SCHEDULE_RETRY_TASK)
                .hasNotPassedElement(SCHEDULE_CALLBACK_TASK)
                .hasVariableWithValue(OUTCOME, OUTCOME_ANSWERED)
                .hasVariableWithValue(QUALIFICATION_CODE, "SALE")
                .hasNoIncidents()
                .isCompleted();

        assertThat(zeebe.onlyJobVariables(JOB_PBX_ORIGINATE)).contains(
                entry(CALL_ID, "call-1"), entry(PHONE_NUMBER, "+33612345678"),
                entry(AGENT_EXTENSION, "PJSIP/6001"), entry(CAMPAIGN_ID, 7), entry(CONTACT_ID, 1001),
                entry(RING_TIMEOUT, "PT45S"));
        assertThat(zeebe.jobs(JOB_PBX_ORIGINATE).getFirst().getRetries()).isEqualTo(3);

        ActivatedJob wrapUp = zeebe.jobs(JOB_USER_TASK).getFirst();
        assertThat(wrapUp.getElementId()).isEqualTo(WRAP_UP_TASK);
        assertThat(wrapUp.getCustomHeaders()).containsEntry(HEADER_ASSIGNEE, "42");
        assertThat(wrapUp.getVariablesAsMap()).contains(
                entry(CALL_ID, "call-1"), entry(CONTACT_ID, 1001), entry(OUTCOME, OUTCOME_ANSWERED));

        assertThat(zeebe.onlyJobVariables(JOB_CDR_RECORD)).contains(
                entry(CALL_ID, "call-1"), entry(CONTACT_ID, 1001), entry(CAMPAIGN_ID, 7), entry(AGENT_ID, 42),
                entry(ATTEMPT, 1), entry(OUTCOME, OUTCOME_ANSWERED), entry(QUALIFICATION_CODE, "SALE"),
                entry(QUALIFICATION_CATEGORY, CATEGORY_POSITIVE), entry(COMMENT, "bought the premium plan"),
                entry(CALLBACK_AT, null));
        assertThat(zeebe.onlyJobVariables(JOB_CONTACT_CLOSE)).contains(
                entry(CONTACT_ID, 1001), entry(QUALIFICATION_CATEGORY, CATEGORY_POSITIVE));
        assertThat(zeebe.jobs(JOB_PBX_HANGUP)).isEmpty();
        assertThat(zeebe.jobs(JOB_CONTACT_SCHEDULE_RETRY)).isEmpty();
        assertThat(zeebe.jobs(JOB_CONTACT_SCHEDULE_CALLBACK)).isEmpty();
    }

    @Test
    void answered_call_qualified_as_callback_schedules_the_callback() {
        zeebe.agentQualifies("CALL_BACK_LATER", CATEGORY_CALLBACK, "2030-01-15T09:30:00Z", "call after 9");
        zeebe.startWorkers();

        long key = zeebe.start(startVariables("call-2", 2, 3));
        awaitAtDialOutcomeGateway(key);
        zeebe.publishAnswered("call-2");
        zeebe.publishAgentConnected("call-2");
        awaitCompleted(key);

        instance(key)
                .hasPassedElementsInOrder(CALL_ANSWERED_EVENT, WRAP_UP_TASK, RECORD_OUTCOME_TASK, NEXT_STEP_GATEWAY,
                        SCHEDULE_CALLBACK_TASK, CALLBACK_SCHEDULED_END_EVENT)
                .hasNotPassedElement(SCHEDULE_RETRY_TASK)
                .hasNotPassedElement(CLOSE_CONTACT_TASK)
                .hasNoIncidents()
                .isCompleted();
        assertThat(zeebe.onlyJobVariables(JOB_CDR_RECORD)).contains(
                entry(OUTCOME, OUTCOME_ANSWERED), entry(QUALIFICATION_CATEGORY, CATEGORY_CALLBACK));
        assertThat(zeebe.onlyJobVariables(JOB_CONTACT_SCHEDULE_CALLBACK)).contains(
                entry(CONTACT_ID, 1001), entry(CAMPAIGN_ID, 7), entry(AGENT_ID, 42),
                entry(CALLBACK_AT, "2030-01-15T09:30:00Z"), entry(QUALIFICATION_CODE, "CALL_BACK_LATER"),
                entry(COMMENT, "call after 9"));
        assertThat(zeebe.jobs(JOB_CONTACT_CLOSE)).isEmpty();
    }

    @Test
    void a_qualification_that_is_not_final_schedules_a_retry_while_attempts_remain() {
        zeebe.agentQualifies("ANSWERING_MACHINE", CATEGORY_NEUTRAL, null, "", false);
        zeebe.startWorkers();
        long key = zeebe.start(startVariables("call-machine", 1, 3));
        awaitAtDialOutcomeGateway(key);
        zeebe.publishAnswered("call-machine");
        zeebe.publishAgentConnected("call-machine");
        awaitCompleted(key);
        assertRetryScheduled(key, 1);
        instance(key).hasVariableWithValue(QUALIFICATION_FINAL, false).hasNoIncidents();
    }

    @Test
    void a_qualification_that_is_not_final_closes_the_contact_on_the_last_attempt() {
        zeebe.agentQualifies("ANSWERING_MACHINE", CATEGORY_NEUTRAL, null, "", false);
        zeebe.startWorkers();
        long key = zeebe.start(startVariables("call-machine-last", 3, 3));
        awaitAtDialOutcomeGateway(key);
        zeebe.publishAnswered("call-machine-last");
        zeebe.publishAgentConnected("call-machine-last");
        awaitCompleted(key);
        assertContactClosed(key);
    }

    @Test
    void answer_message_may_name_the_agent_the_dialer_bridged() {
        zeebe.agentQualifies("NOT_INTERESTED", CATEGORY_NEGATIVE, null, null);
        zeebe.startWorkers();
        Map<String, Object> start = startVariables("call-3", 1, 3);
        start.put(AGENT_ID, null);
        start.put(AGENT_EXTENSION, null);

        long key = zeebe.start(start);
        awaitAtDialOutcomeGateway(key);
        zeebe.publishAnswered("call-3", Map.of(AGENT_ID, 57, AGENT_EXTENSION, "PJSIP/6057"));
        zeebe.publishAgentConnected("call-3");
        awaitCompleted(key);

        instance(key).hasPassedElement(CLOSE_CONTACT_TASK).hasNoIncidents();
        assertThat(zeebe.jobs(JOB_USER_TASK).getFirst().getCustomHeaders()).containsEntry(HEADER_ASSIGNEE, "57");
        assertThat(zeebe.onlyJobVariables(JOB_CDR_RECORD)).contains(
                entry(AGENT_ID, 57), entry(AGENT_EXTENSION, "PJSIP/6057"),
                entry(QUALIFICATION_CATEGORY, CATEGORY_NEGATIVE));
    }

    // --- call failed -------------------------------------------------------------------------------------------

    /** Runs a dial attempt that fails with {@code outcome} and returns the instance key once it completed. */
    private long failedAttempt(String callId, String outcome, int hangupCause, int attempt, int maxAttempts) {
        zeebe.startWorkers();
        long key = zeebe.start(startVariables(callId, attempt, maxAttempts));
        awaitAtDialOutcomeGateway(key);
        zeebe.publishFailed(callId, outcome, hangupCause);
        awaitCompleted(key);
        instance(key)
                .hasPassedElementsInOrder(ATTEMPT_STARTED_EVENT, DIAL_CUSTOMER_TASK, DIAL_OUTCOME_GATEWAY,
                        CALL_FAILED_EVENT, OUTCOME_JOIN_GATEWAY, RECORD_OUTCOME_TASK, NEXT_STEP_GATEWAY)
                .hasNotPassedElement(CALL_ANSWERED_EVENT)
                .hasNotPassedElement(WRAP_UP_TASK)
                .hasNotPassedElement(RING_TIMEOUT_EVENT)
                .hasNotPassedElement(HANG_UP_UNANSWERED_CALL_TASK)
                .hasNotPassedElement(SCHEDULE_CALLBACK_TASK)
                .hasVariableWithValue(OUTCOME, outcome)
                .hasVariableWithValue(HANGUP_CAUSE, hangupCause)
                .hasNoIncidents()
                .isCompleted();
        assertThat(zeebe.onlyJobVariables(JOB_CDR_RECORD)).contains(
                entry(CALL_ID, callId), entry(CONTACT_ID, 1001), entry(ATTEMPT, attempt),
                entry(OUTCOME, outcome), entry(HANGUP_CAUSE, hangupCause), entry(QUALIFICATION_CATEGORY, null));
        assertThat(zeebe.jobs(JOB_USER_TASK)).isEmpty();
        assertThat(zeebe.jobs(JOB_PBX_HANGUP)).isEmpty();
        return key;
    }

    private void assertRetryScheduled(long key, int attempt) {
        instance(key)
                .hasPassedElementsInOrder(NEXT_STEP_GATEWAY, SCHEDULE_RETRY_TASK, RETRY_SCHEDULED_END_EVENT)
                .hasNotPassedElement(CLOSE_CONTACT_TASK);
        assertThat(zeebe.onlyJobVariables(JOB_CONTACT_SCHEDULE_RETRY)).contains(
                entry(CONTACT_ID, 1001), entry(CAMPAIGN_ID, 7), entry(RETRY_DELAY_SECONDS, 300),
                entry(ATTEMPT, attempt), entry(MAX_ATTEMPTS, 3));
        assertThat(zeebe.jobs(JOB_CONTACT_CLOSE)).isEmpty();
    }

    private void assertContactClosed(long key) {
        instance(key)
                .hasPassedElementsInOrder(NEXT_STEP_GATEWAY, CLOSE_CONTACT_TASK, CONTACT_CLOSED_END_EVENT)
                .hasNotPassedElement(SCHEDULE_RETRY_TASK);
        assertThat(zeebe.onlyJobVariables(JOB_CONTACT_CLOSE)).containsEntry(CONTACT_ID, 1001);
        assertThat(zeebe.jobs(JOB_CONTACT_SCHEDULE_RETRY)).isEmpty();
    }

    @Test
    void busy_with_attempts_left_schedules_a_retry() {
        long key = failedAttempt("call-busy", OUTCOME_BUSY, 17, 1, 3);
        assertRetryScheduled(key, 1);
    }

    @Test
    void busy_on_the_last_attempt_closes_the_contact() {
        long key = failedAttempt("call-busy-last", OUTCOME_BUSY, 17, 3, 3);
        assertContactClosed(key);
    }

    @Test
    void no_answer_reported_by_the_pbx_schedules_a_retry() {
        long key = failedAttempt("call-noanswer", OUTCOME_NO_ANSWER, 19, 2, 3);
        assertRetryScheduled(key, 2);
    }

    @Test
    void congestion_with_attempts_left_schedules_a_retry() {
        long key = failedAttempt("call-congestion", OUTCOME_CONGESTION, 34, 1, 3);
        assertRetryScheduled(key, 1);
    }

    @Test
    void an_answering_machine_found_by_amd_schedules_a_retry_while_attempts_remain() {
        long key = failedAttempt("call-machine", OUTCOME_MACHINE, 16, 1, 3);
        assertRetryScheduled(key, 1);
    }

    @Test
    void predictive_attempt_learns_its_agent_only_when_bridged() {
        zeebe.agentQualifies("NOT_INTERESTED", CATEGORY_NEGATIVE, null, null);
        zeebe.startWorkers();
        Map<String, Object> start = startVariables("call-pd", 1, 3);
        start.put(AGENT_ID, null); // chosen at answer by the predictive dialer
        start.put(AGENT_EXTENSION, null);

        long key = zeebe.start(start);
        awaitAtDialOutcomeGateway(key);
        zeebe.publishAnswered("call-pd");
        zeebe.publishAgentConnected("call-pd", Map.of(AGENT_ID, 58, AGENT_EXTENSION, "2358"));
        awaitCompleted(key);

        instance(key).hasPassedElement(WRAP_UP_TASK).hasNoIncidents();
        assertThat(zeebe.jobs(JOB_USER_TASK).getFirst().getCustomHeaders()).containsEntry(HEADER_ASSIGNEE, "58");
        assertThat(zeebe.onlyJobVariables(JOB_CDR_RECORD)).contains(entry(AGENT_ID, 58),
                entry(AGENT_EXTENSION, "2358"));
    }

    @Test
    void failed_call_closes_the_contact_even_with_attempts_left() {
        long key = failedAttempt("call-failed", OUTCOME_FAILED, 1, 1, 3);
        assertContactClosed(key);
    }

    // --- ring timeout ------------------------------------------------------------------------------------------

    @Test
    void ring_timeout_hangs_up_records_no_answer_and_schedules_a_retry() throws Exception {
        zeebe.startWorkers();
        long key = zeebe.start(startVariables("call-timeout", 1, 3));
        awaitAtDialOutcomeGateway(key);

        zeebe.engine.increaseTime(Duration.ofSeconds(46));
        awaitCompleted(key);

        instance(key)
                .hasPassedElementsInOrder(ATTEMPT_STARTED_EVENT, DIAL_CUSTOMER_TASK, DIAL_OUTCOME_GATEWAY,
                        RING_TIMEOUT_EVENT, HANG_UP_UNANSWERED_CALL_TASK, CALL_STATE_GATEWAY, OUTCOME_JOIN_GATEWAY,
                        RECORD_OUTCOME_TASK, NEXT_STEP_GATEWAY, SCHEDULE_RETRY_TASK, RETRY_SCHEDULED_END_EVENT)
                .hasNotPassedElement(CALL_ANSWERED_EVENT)
                .hasNotPassedElement(CALL_FAILED_EVENT)
                .hasPassedElement(CALL_STATE_GATEWAY)
                .hasNotPassedElement(WRAP_UP_TASK)
                .hasVariableWithValue(OUTCOME, OUTCOME_NO_ANSWER)
                .hasNoIncidents()
                .isCompleted();
        assertThat(zeebe.onlyJobVariables(JOB_PBX_HANGUP)).contains(
                entry(CALL_ID, "call-timeout"), entry(OUTCOME, OUTCOME_NO_ANSWER));
        // The model invents no cause: the CDR takes it from the PBX's Hangup.
        assertThat(zeebe.onlyJobVariables(JOB_CDR_RECORD)).containsEntry(OUTCOME, OUTCOME_NO_ANSWER)
                .doesNotContainKey(HANGUP_CAUSE);
        assertThat(zeebe.onlyJobVariables(JOB_CONTACT_SCHEDULE_RETRY)).containsEntry(RETRY_DELAY_SECONDS, 300);
    }

    @Test
    void ring_timeout_with_the_call_up_and_bridged_goes_to_the_wrap_up_instead_of_hanging_up() {
        // The call-answered message was lost: the hang-up worker found the call up and bridged on the PBX.
        zeebe.reply(JOB_PBX_HANGUP, job -> Map.of(OUTCOME, OUTCOME_ANSWERED));
        zeebe.agentQualifies("SALE", CATEGORY_POSITIVE, null, null);
        zeebe.startWorkers();
        long key = zeebe.start(startVariables("call-lost-answer", 1, 3));
        awaitAtDialOutcomeGateway(key);

        zeebe.engine.increaseTime(Duration.ofSeconds(46));
        awaitCompleted(key);

        instance(key)
                .hasPassedElementsInOrder(RING_TIMEOUT_EVENT, HANG_UP_UNANSWERED_CALL_TASK, CALL_STATE_GATEWAY,
                        WRAP_UP_TASK, OUTCOME_JOIN_GATEWAY, RECORD_OUTCOME_TASK, CLOSE_CONTACT_TASK)
                .hasPassedElement(ANSWERED_AFTER_RING_TIMEOUT_FLOW)
                .hasNotPassedElement(CALL_ANSWERED_EVENT)
                .hasVariableWithValue(OUTCOME, OUTCOME_ANSWERED)
                .hasNoIncidents();
        assertThat(zeebe.jobs(JOB_USER_TASK).getFirst().getCustomHeaders()).containsEntry(HEADER_ASSIGNEE, "42");
        assertThat(zeebe.onlyJobVariables(JOB_CDR_RECORD)).contains(
                entry(OUTCOME, OUTCOME_ANSWERED), entry(QUALIFICATION_CODE, "SALE"));
    }

    // --- answered, never connected to the agent -----------------------------------------------------------------

    @Test
    void answered_call_abandoned_before_the_agent_is_recorded_abandoned_without_a_wrap_up_and_retried() {
        zeebe.startWorkers();
        long key = zeebe.start(startVariables("call-abandoned", 1, 3));
        awaitAtDialOutcomeGateway(key);
        zeebe.publishAnswered("call-abandoned");
        zeebe.publishAbandoned("call-abandoned", Map.of(HANGUP_CAUSE, 16));
        awaitCompleted(key);

        instance(key)
                .hasPassedElementsInOrder(CALL_ANSWERED_EVENT, AGENT_CONNECTION_GATEWAY, CALL_ABANDONED_EVENT,
                        OUTCOME_JOIN_GATEWAY, RECORD_OUTCOME_TASK, NEXT_STEP_GATEWAY, SCHEDULE_RETRY_TASK)
                .hasNotPassedElement(AGENT_CONNECTED_EVENT)
                .hasNotPassedElement(WRAP_UP_TASK)
                .hasVariableWithValue(OUTCOME, OUTCOME_ABANDONED)
                .hasNoIncidents();
        assertThat(zeebe.jobs(JOB_USER_TASK)).isEmpty();
        assertThat(zeebe.onlyJobVariables(JOB_CDR_RECORD)).contains(
                entry(OUTCOME, OUTCOME_ABANDONED), entry(HANGUP_CAUSE, 16));
    }

    @Test
    void neither_connected_nor_abandoned_within_the_agent_connect_timeout_gives_the_wrap_up() {
        zeebe.agentQualifies("SALE", CATEGORY_POSITIVE, null, null);
        zeebe.startWorkers();
        long key = zeebe.start(startVariables("call-silent", 1, 3));
        awaitAtDialOutcomeGateway(key);
        zeebe.publishAnswered("call-silent");
        await(key, i -> i.isWaitingAtElements(AGENT_CONNECTION_GATEWAY));

        zeebe.engine.increaseTime(Duration.ofSeconds(61));
        awaitCompleted(key);
        instance(key)
                .hasPassedElementsInOrder(AGENT_CONNECTION_GATEWAY, AGENT_CONNECT_TIMEOUT_EVENT, WRAP_UP_TASK,
                        RECORD_OUTCOME_TASK)
                .hasNoIncidents();
    }

    // --- wrap-up timeout ---------------------------------------------------------------------------------------

    @Test
    void wrap_up_not_done_in_time_is_closed_as_not_qualified_and_recorded() {
        zeebe.startWorkersExcept(JOB_USER_TASK); // the agent never qualifies
        Map<String, Object> start = startVariables("call-idle-agent", 1, 3);
        start.put(WRAP_UP_TIMEOUT, "PT90S");
        long key = zeebe.start(start);
        awaitAtDialOutcomeGateway(key);
        zeebe.publishAnswered("call-idle-agent");
        zeebe.publishAgentConnected("call-idle-agent");
        await(key, i -> i.isWaitingAtElements(WRAP_UP_TASK));

        zeebe.engine.increaseTime(Duration.ofSeconds(91));
        awaitCompleted(key);

        instance(key)
                .hasPassedElementsInOrder(WRAP_UP_TIMEOUT_EVENT, CLOSE_UNQUALIFIED_WRAP_UP_TASK, OUTCOME_JOIN_GATEWAY,
                        RECORD_OUTCOME_TASK, NEXT_STEP_GATEWAY, CLOSE_CONTACT_TASK)
                .hasVariableWithValue(QUALIFICATION_CODE, QUALIFICATION_NOT_QUALIFIED)
                .hasNoIncidents();
        assertThat(zeebe.onlyJobVariables(JOB_AGENT_WRAP_UP_TIMEOUT)).contains(
                entry(CALL_ID, "call-idle-agent"), entry(AGENT_ID, 42), entry(CAMPAIGN_ID, 7));
        assertThat(zeebe.onlyJobVariables(JOB_CDR_RECORD)).contains(
                entry(OUTCOME, OUTCOME_ANSWERED), entry(QUALIFICATION_CODE, QUALIFICATION_NOT_QUALIFIED));
    }

    // --- technical failure -------------------------------------------------------------------------------------

    @Test
    void originate_failing_technically_on_every_retry_ends_as_technical_without_an_incident() {
        zeebe.startWorkersExcept(JOB_PBX_ORIGINATE);
        zeebe.startFailingWorker(JOB_PBX_ORIGINATE, ERROR_TECHNICAL_FAILURE);
        long key = zeebe.start(startVariables("call-pbx-down", 1, 3));
        awaitCompleted(key);

        instance(key)
                .hasPassedElementsInOrder(TECHNICAL_FAILURE_EVENT, RECORD_TECHNICAL_FAILURE_TASK,
                        TECHNICAL_FAILURE_END_EVENT)
                .hasNotPassedElement(DIAL_OUTCOME_GATEWAY)
                .hasNotPassedElement(RECORD_OUTCOME_TASK)
                .hasNotPassedElement(SCHEDULE_RETRY_TASK)
                .hasNotPassedElement(CLOSE_CONTACT_TASK)
                .hasVariableWithValue(OUTCOME, OUTCOME_TECHNICAL)
                .hasNoIncidents();
        assertThat(zeebe.jobs(JOB_PBX_ORIGINATE)).extracting(ActivatedJob::getRetries).containsExactly(3, 2, 1);
        assertThat(zeebe.onlyJobVariables(JOB_CALL_RECORD_TECHNICAL_FAILURE)).contains(
                entry(CALL_ID, "call-pbx-down"), entry(CONTACT_ID, 1001), entry(AGENT_ID, 42),
                entry(OUTCOME, OUTCOME_TECHNICAL));
    }

    @Test
    void ring_timer_does_not_fire_before_ring_timeout() throws Exception {
        zeebe.startWorkers();
        long key = zeebe.start(startVariables("call-ringing", 1, 3));
        awaitAtDialOutcomeGateway(key);

        // 30 s of the 45 s: the engine clock also runs in real time, keep a margin for slow machines
        zeebe.engine.increaseTime(Duration.ofSeconds(30));
        zeebe.idle();
        Thread.sleep(200);
        zeebe.idle();

        instance(key).isActive().hasNotPassedElement(RING_TIMEOUT_EVENT);
        awaitAtDialOutcomeGateway(key);
        zeebe.publishFailed("call-ringing", OUTCOME_BUSY, 17);
        awaitCompleted(key);
        instance(key).hasNotPassedElement(RING_TIMEOUT_EVENT).hasPassedElement(CALL_FAILED_EVENT);
    }

    // --- message races and isolation ---------------------------------------------------------------------------

    @Test
    void answer_published_before_the_instance_reaches_the_gateway_is_still_correlated() throws Exception {
        zeebe.agentQualifies("SALE", CATEGORY_POSITIVE, null, null);
        zeebe.startWorkersExcept(JOB_PBX_ORIGINATE); // the instance stays in DialCustomerTask for now
        long key = zeebe.start(startVariables("call-race", 1, 3));
        await(key, i -> i.isWaitingAtElements(DIAL_CUSTOMER_TASK));

        // The PBX answers before the originate job completed: the message waits in the buffer (TTL > 0).
        zeebe.publishAnswered("call-race");
        zeebe.publishAgentConnected("call-race");
        zeebe.idle();
        instance(key).isWaitingAtElements(DIAL_CUSTOMER_TASK).hasNotPassedElement(CALL_ANSWERED_EVENT);

        zeebe.startWorker(JOB_PBX_ORIGINATE);
        awaitCompleted(key);
        instance(key)
                .hasPassedElementsInOrder(DIAL_CUSTOMER_TASK, DIAL_OUTCOME_GATEWAY, CALL_ANSWERED_EVENT, WRAP_UP_TASK,
                        RECORD_OUTCOME_TASK, CLOSE_CONTACT_TASK)
                .hasCorrelatedMessageByName(MESSAGE_CALL_ANSWERED, 1)
                .hasNoIncidents();
    }

    @Test
    void answer_for_another_call_id_does_not_touch_this_instance() throws Exception {
        zeebe.startWorkers();
        long key = zeebe.start(startVariables("call-mine", 1, 3));
        awaitAtDialOutcomeGateway(key);

        zeebe.publishAnswered("call-someone-else");
        zeebe.idle();

        instance(key)
                .isActive()
                .hasNotPassedElement(CALL_ANSWERED_EVENT)
                .hasCorrelatedMessageByName(MESSAGE_CALL_ANSWERED, 0);
        awaitAtDialOutcomeGateway(key);
        assertThat(zeebe.jobs(JOB_USER_TASK)).isEmpty();

        zeebe.publishFailed("call-mine", OUTCOME_NO_ANSWER, 19);
        awaitCompleted(key);
        instance(key).hasPassedElement(CALL_FAILED_EVENT).hasNotPassedElement(CALL_ANSWERED_EVENT);
    }

    @Test
    void late_answer_after_ring_timeout_stays_buffered_so_call_ids_must_never_be_reused() {
        zeebe.agentQualifies("SALE", CATEGORY_POSITIVE, null, null);
        zeebe.startWorkers();
        long first = zeebe.start(startVariables("call-late", 1, 3));
        awaitAtDialOutcomeGateway(first);
        zeebe.engine.increaseTime(Duration.ofSeconds(46));
        awaitCompleted(first);

        // The PBX reports the answer after the safety timer fired: nothing is waiting for it any more...
        zeebe.publishAnswered("call-late");
        instance(first).hasNotPassedElement(CALL_ANSWERED_EVENT).hasPassedElement(SCHEDULE_RETRY_TASK);

        // ...but it stays buffered for its TTL: an attempt that reused the call id would take it as its own answer.
        long reused = zeebe.start(startVariables("call-late", 2, 3));
        zeebe.publishAgentConnected("call-late");
        awaitCompleted(reused);
        instance(reused).hasPassedElement(CALL_ANSWERED_EVENT).hasPassedElement(WRAP_UP_TASK);
    }

    @Test
    void duplicate_publish_with_the_call_id_as_message_id_is_rejected_and_correlates_once() {
        zeebe.startWorkers();
        long key = zeebe.start(startVariables("call-dup", 1, 3));
        awaitAtDialOutcomeGateway(key);
        Runnable publish = () -> zeebe.client.newPublishMessageCommand()
                .messageName(MESSAGE_CALL_FAILED)
                .correlationKey("call-dup")
                .messageId("call-dup")
                .timeToLive(OutboundCallHarness.MESSAGE_TTL)
                .variables(Map.of(OUTCOME, OUTCOME_BUSY, HANGUP_CAUSE, 17))
                .send()
                .join();
        publish.run();
        assertThatThrownBy(publish::run).hasMessageContaining("ALREADY_EXISTS");
        awaitCompleted(key);
        instance(key).hasCorrelatedMessageByName(MESSAGE_CALL_FAILED, 1).hasPassedElement(SCHEDULE_RETRY_TASK, 1);
    }
}
