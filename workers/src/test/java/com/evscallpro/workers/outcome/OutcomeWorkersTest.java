package com.evscallpro.workers.outcome;

import static com.evscallpro.processes.OutboundCallProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.evscallpro.core.call.CallRecorder;
import com.evscallpro.core.contact.ContactLifecycleService;
import com.evscallpro.core.process.AttemptOutcome;
import com.evscallpro.workers.FakeJob;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * {@code cdr.record} and the contact workers without an engine (as camunda-8-examples' WorkerTest): the variables of
 * a job as the engine hands them (JSON numbers as Integer or Long, absent or null values) and what reaches core.
 */
class OutcomeWorkersTest {

    private final CallRecorder recorder = mock(CallRecorder.class);
    private final ContactLifecycleService contacts = mock(ContactLifecycleService.class);
    private final com.evscallpro.core.script.ScriptService scripts = mock(com.evscallpro.core.script.ScriptService.class);
    private final OutcomeWorkers workers = new OutcomeWorkers(recorder, contacts, scripts);

    private static Map<String, Object> attempt() {
        Map<String, Object> v = new HashMap<>();
        v.put(CALL_ID, "call-5");
        v.put(CAMPAIGN_ID, 3); // Integer, as the engine gives small numbers
        v.put(CONTACT_ID, 4_000_000_000L); // Long
        v.put(AGENT_ID, 12);
        v.put(PHONE_NUMBER, "+33612345678");
        v.put(ATTEMPT, 2);
        v.put(OUTCOME, "ANSWERED");
        v.put(QUALIFICATION_CODE, "SALE");
        v.put(COMMENT, "Wants the fibre offer");
        return v;
    }

    private CallRecorder.AttemptRecord recorded() {
        ArgumentCaptor<CallRecorder.AttemptRecord> captor = ArgumentCaptor.forClass(CallRecorder.AttemptRecord.class);
        verify(recorder).record(captor.capture());
        return captor.getValue();
    }

    @Test
    void record_stores_the_script_answers_with_the_call_after_its_record_and_nothing_when_there_are_none() {
        Map<String, Object> v = attempt();
        v.put(SCRIPT_ANSWERS, Map.of("interested", "yes", "contact", Map.of("firstName", "Lea")));
        workers.record(new FakeJob(JOB_CDR_RECORD, 3, v));
        org.mockito.InOrder order = org.mockito.Mockito.inOrder(recorder, scripts);
        order.verify(recorder).record(any());
        order.verify(scripts).storeAnswers("call-5", Map.of("interested", "yes", "contact", Map.of("firstName", "Lea")));

        workers.record(new FakeJob(JOB_CDR_RECORD, 4, attempt()));
        verify(scripts, org.mockito.Mockito.times(1)).storeAnswers(any(), any());
    }

    @Test
    void record_hands_the_attempt_to_the_recorder_with_the_process_instance_and_no_cause_made_up() {
        workers.record(new FakeJob(JOB_CDR_RECORD, 3, attempt()));

        assertThat(recorded()).isEqualTo(new CallRecorder.AttemptRecord("call-5", 3, 4_000_000_000L, 12L,
                "+33612345678", 2, AttemptOutcome.ANSWERED, null, "SALE", "Wants the fibre offer", 7));
    }

    @Test
    void record_takes_the_cause_the_process_got_from_the_pbx() {
        Map<String, Object> v = attempt();
        v.put(OUTCOME, "BUSY");
        v.put(HANGUP_CAUSE, 17);
        v.remove(QUALIFICATION_CODE);
        workers.record(new FakeJob(JOB_CDR_RECORD, 3, v));

        CallRecorder.AttemptRecord r = recorded();
        assertThat(r.outcome()).isEqualTo(AttemptOutcome.BUSY);
        assertThat(r.hangupCause()).isEqualTo(17);
        assertThat(r.qualificationCode()).isNull();
    }

    @Test
    void an_attempt_without_an_agent_is_recorded_for_no_agent_not_for_agent_zero() {
        Map<String, Object> nullAgent = attempt();
        nullAgent.put(AGENT_ID, null);
        Map<String, Object> noAgent = attempt();
        noAgent.remove(AGENT_ID);
        workers.record(new FakeJob(JOB_CDR_RECORD, 3, nullAgent));
        workers.record(new FakeJob(JOB_CDR_RECORD, 3, noAgent));

        ArgumentCaptor<CallRecorder.AttemptRecord> captor = ArgumentCaptor.forClass(CallRecorder.AttemptRecord.class);
        verify(recorder, org.mockito.Mockito.times(2)).record(captor.capture());
        assertThat(captor.getAllValues()).extracting(CallRecorder.AttemptRecord::agentId).containsExactly(null, null);
    }

    @Test
    void a_job_without_its_contact_fails_loudly_and_records_nothing() {
        Map<String, Object> v = attempt();
        v.remove(CONTACT_ID);
        assertThatThrownBy(() -> workers.record(new FakeJob(JOB_CDR_RECORD, 3, v)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(CONTACT_ID);
        verify(recorder, never()).record(any());
    }

    @Test
    void the_contact_workers_pass_the_contact_and_its_times_through() {
        workers.scheduleRetry(41, 300);
        verify(contacts).scheduleRetry(41, Duration.ofMinutes(5));

        workers.scheduleCallback(42, "2026-12-07T09:30:00Z", 7L);
        verify(contacts).scheduleCallback(42, Instant.parse("2026-12-07T09:30:00Z"), 7L);

        workers.close(43);
        verify(contacts).close(43);
    }
}
