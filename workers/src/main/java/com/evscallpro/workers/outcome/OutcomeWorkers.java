package com.evscallpro.workers.outcome;

import static com.evscallpro.processes.OutboundCallProcess.*;

import com.evscallpro.workers.JobVariables;
import com.evscallpro.core.call.CallRecorder;
import com.evscallpro.core.contact.ContactLifecycleService;
import com.evscallpro.core.process.AttemptOutcome;
import com.evscallpro.core.script.ScriptService;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code cdr.record} (with the agent script's answers, when the wrap-up gave some), {@code contact.schedule-retry},
 * {@code contact.schedule-callback}, {@code contact.close}.
 */
@Component
public class OutcomeWorkers {

    /** The contact id of an agent's manual call of a number that is no contact: nothing to schedule or close. */
    static final long NO_CONTACT = 0;

    private final CallRecorder recorder;
    private final ContactLifecycleService contacts;
    private final ScriptService scripts;

    OutcomeWorkers(CallRecorder recorder, ContactLifecycleService contacts, ScriptService scripts) {
        this.recorder = recorder;
        this.contacts = contacts;
        this.scripts = scripts;
    }

    @JobWorker(type = JOB_CDR_RECORD, fetchAllVariables = true)
    public void record(ActivatedJob job) {
        Map<String, Object> v = job.getVariablesAsMap();
        recorder.record(new CallRecorder.AttemptRecord((String) v.get(CALL_ID), JobVariables.number(v, CAMPAIGN_ID),
                JobVariables.number(v, CONTACT_ID), JobVariables.numberOrNull(v, AGENT_ID),
                (String) v.get(PHONE_NUMBER), (int) JobVariables.number(v, ATTEMPT),
                AttemptOutcome.of((String) v.get(OUTCOME)),
                v.get(HANGUP_CAUSE) instanceof Number n ? n.intValue() : null,
                (String) v.get(QUALIFICATION_CODE), (String) v.get(COMMENT), job.getProcessInstanceKey()));
        if (v.get(SCRIPT_ANSWERS) instanceof Map<?, ?> answers && !answers.isEmpty()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> a = (Map<String, Object>) answers;
            scripts.storeAnswers((String) v.get(CALL_ID), a); // the row was just written: it exists
        }
    }

    @JobWorker(type = JOB_CONTACT_SCHEDULE_RETRY, fetchAllVariables = true)
    public void scheduleRetry(@Variable(name = CONTACT_ID) long contactId,
                              @Variable(name = RETRY_DELAY_SECONDS) int retryDelaySeconds) {
        if (contactId == NO_CONTACT) {
            return;
        }
        contacts.scheduleRetry(contactId, Duration.ofSeconds(retryDelaySeconds));
    }

    @JobWorker(type = JOB_CONTACT_SCHEDULE_CALLBACK, fetchAllVariables = true)
    public void scheduleCallback(@Variable(name = CONTACT_ID) long contactId,
                                 @Variable(name = CALLBACK_AT) String callbackAt,
                                 @Variable(name = AGENT_ID, optional = true) Long agentId) {
        if (contactId == NO_CONTACT) {
            return;
        }
        // the agent who qualified the callback gets it first (a personal callback, when the campaign keeps them)
        contacts.scheduleCallback(contactId, Instant.parse(callbackAt), agentId);
    }

    @JobWorker(type = JOB_CONTACT_CLOSE, fetchAllVariables = true)
    public void close(@Variable(name = CONTACT_ID) long contactId) {
        if (contactId == NO_CONTACT) {
            return;
        }
        contacts.close(contactId);
    }
}
