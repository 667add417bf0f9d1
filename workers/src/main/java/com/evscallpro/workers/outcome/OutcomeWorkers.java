package com.evscallpro.workers.outcome;

import com.evscallpro.core.call.CallRecorder;
import com.evscallpro.core.contact.ContactLifecycleService;
import com.evscallpro.processes.OutboundCallProcess;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code cdr.record}, {@code contact.schedule-retry}, {@code contact.schedule-callback}, {@code contact.close}. */
@Component
public class OutcomeWorkers {

    private final CallRecorder recorder;
    private final ContactLifecycleService contacts;

    OutcomeWorkers(CallRecorder recorder, ContactLifecycleService contacts) {
        this.recorder = recorder;
        this.contacts = contacts;
    }

    @JobWorker(type = OutboundCallProcess.JOB_CDR_RECORD, fetchAllVariables = true)
    public void record(ActivatedJob job) {
        Map<String, Object> v = job.getVariablesAsMap();
        recorder.record(new CallRecorder.AttemptOutcome((String) v.get(OutboundCallProcess.CALL_ID),
                number(v, OutboundCallProcess.CAMPAIGN_ID), number(v, OutboundCallProcess.CONTACT_ID),
                number(v, OutboundCallProcess.AGENT_ID), (String) v.get(OutboundCallProcess.PHONE_NUMBER),
                (int) number(v, OutboundCallProcess.ATTEMPT), (String) v.get(OutboundCallProcess.OUTCOME),
                v.get(OutboundCallProcess.HANGUP_CAUSE) instanceof Number n ? n.intValue() : null,
                (String) v.get(OutboundCallProcess.QUALIFICATION_CODE), (String) v.get(OutboundCallProcess.COMMENT),
                job.getProcessInstanceKey()));
    }

    @JobWorker(type = OutboundCallProcess.JOB_CONTACT_SCHEDULE_RETRY, fetchAllVariables = true)
    public void scheduleRetry(@Variable(name = OutboundCallProcess.CONTACT_ID) long contactId,
                              @Variable(name = OutboundCallProcess.RETRY_DELAY_SECONDS) int retryDelaySeconds) {
        contacts.scheduleRetry(contactId, Duration.ofSeconds(retryDelaySeconds));
    }

    @JobWorker(type = OutboundCallProcess.JOB_CONTACT_SCHEDULE_CALLBACK, fetchAllVariables = true)
    public void scheduleCallback(@Variable(name = OutboundCallProcess.CONTACT_ID) long contactId,
                                 @Variable(name = OutboundCallProcess.CALLBACK_AT) String callbackAt) {
        contacts.scheduleCallback(contactId, Instant.parse(callbackAt));
    }

    @JobWorker(type = OutboundCallProcess.JOB_CONTACT_CLOSE, fetchAllVariables = true)
    public void close(@Variable(name = OutboundCallProcess.CONTACT_ID) long contactId) {
        contacts.close(contactId);
    }

    private static long number(Map<String, Object> variables, String name) {
        if (!(variables.get(name) instanceof Number n)) {
            throw new IllegalArgumentException("Variable " + name + " is missing or not a number");
        }
        return n.longValue();
    }
}
