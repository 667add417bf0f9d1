package com.evscallpro.processes;

/**
 * The contract of {@code bpmn/outbound-call.bpmn}: one short-lived process instance per dial attempt.
 *
 * <p>Who sets what:
 * <ul>
 *   <li>the dialer starts the instance with {@link #CALL_ID}, {@link #CAMPAIGN_ID}, {@link #CONTACT_ID},
 *       {@link #AGENT_ID}, {@link #AGENT_EXTENSION}, {@link #PHONE_NUMBER}, {@link #ATTEMPT} (1-based),
 *       {@link #MAX_ATTEMPTS}, {@link #RETRY_DELAY_SECONDS}, {@link #RING_TIMEOUT} (ISO-8601 duration) and
 *       {@link #QUALIFICATION_CATEGORY} = null;</li>
 *   <li>the telephony layer publishes {@link #MESSAGE_CALL_ANSWERED} (optionally with {@link #AGENT_ID} /
 *       {@link #AGENT_EXTENSION} of the bridged agent) or {@link #MESSAGE_CALL_FAILED} with {@link #OUTCOME} and
 *       {@link #HANGUP_CAUSE}, both with correlation key = {@link #CALL_ID};</li>
 *   <li>the model sets {@link #OUTCOME} = {@link #OUTCOME_ANSWERED} on answer, and {@link #OUTCOME_NO_ANSWER} /
 *       {@link #HANGUP_CAUSE_NO_ANSWER} on ring timeout;</li>
 *   <li>the agent's wrap-up completion sets {@link #QUALIFICATION_CODE}, {@link #QUALIFICATION_CATEGORY},
 *       {@link #CALLBACK_AT}, {@link #COMMENT}.</li>
 * </ul>
 * See {@code docs/processes.md}.
 */
public final class OutboundCallProcess {

    /** BPMN process id (the {@code bpmnProcessId} to start). */
    public static final String PROCESS_ID = "outbound-call";
    /** Classpath resource of the model. */
    public static final String RESOURCE = "bpmn/outbound-call.bpmn";

    // --- element ids -------------------------------------------------------------------------------------------
    public static final String ATTEMPT_STARTED_EVENT = "AttemptStartedEvent";
    public static final String DIAL_CUSTOMER_TASK = "DialCustomerTask";
    public static final String DIAL_OUTCOME_GATEWAY = "DialOutcomeGateway";
    public static final String CALL_ANSWERED_EVENT = "CallAnsweredEvent";
    public static final String WRAP_UP_TASK = "WrapUpTask";
    public static final String CALL_FAILED_EVENT = "CallFailedEvent";
    public static final String RING_TIMEOUT_EVENT = "RingTimeoutEvent";
    public static final String HANG_UP_UNANSWERED_CALL_TASK = "HangUpUnansweredCallTask";
    public static final String OUTCOME_JOIN_GATEWAY = "OutcomeJoinGateway";
    public static final String RECORD_OUTCOME_TASK = "RecordOutcomeTask";
    public static final String NEXT_STEP_GATEWAY = "NextStepGateway";
    public static final String CALLBACK_FLOW = "CallbackFlow";
    public static final String SCHEDULE_CALLBACK_TASK = "ScheduleCallbackTask";
    public static final String CALLBACK_SCHEDULED_END_EVENT = "CallbackScheduledEndEvent";
    public static final String RETRY_FLOW = "RetryFlow";
    public static final String SCHEDULE_RETRY_TASK = "ScheduleRetryTask";
    public static final String RETRY_SCHEDULED_END_EVENT = "RetryScheduledEndEvent";
    public static final String CLOSE_CONTACT_FLOW = "CloseContactFlow";
    public static final String CLOSE_CONTACT_TASK = "CloseContactTask";
    public static final String CONTACT_CLOSED_END_EVENT = "ContactClosedEndEvent";

    // --- job types ---------------------------------------------------------------------------------------------
    /** {@link #DIAL_CUSTOMER_TASK}: send an async Originate and complete at once (3 retries). */
    public static final String JOB_PBX_ORIGINATE = "pbx.originate";
    /** {@link #HANG_UP_UNANSWERED_CALL_TASK}: hang the still-ringing channel up after the ring timeout. */
    public static final String JOB_PBX_HANGUP = "pbx.hangup";
    /** {@link #RECORD_OUTCOME_TASK}: write the CDR and the contact's status. */
    public static final String JOB_CDR_RECORD = "cdr.record";
    /** {@link #SCHEDULE_CALLBACK_TASK}: set the contact's callback at {@link #CALLBACK_AT}. */
    public static final String JOB_CONTACT_SCHEDULE_CALLBACK = "contact.schedule-callback";
    /** {@link #SCHEDULE_RETRY_TASK}: set the contact's next_attempt_at = now + {@link #RETRY_DELAY_SECONDS}. */
    public static final String JOB_CONTACT_SCHEDULE_RETRY = "contact.schedule-retry";
    /** {@link #CLOSE_CONTACT_TASK}: close the contact (no further attempt). */
    public static final String JOB_CONTACT_CLOSE = "contact.close";
    /**
     * {@link #WRAP_UP_TASK} is a job-worker user task: the engine creates a job of this type, assigned through the
     * {@link #HEADER_ASSIGNEE} custom header.
     */
    public static final String JOB_USER_TASK = "io.camunda.zeebe:userTask";
    /** Custom header of a job-worker user task's job that holds the assignee ({@code string(agentId)}). */
    public static final String HEADER_ASSIGNEE = "io.camunda.zeebe:assignee";

    // --- messages (correlation key = callId) -------------------------------------------------------------------
    /** Published when the customer answered; correlation key {@link #CALL_ID}. */
    public static final String MESSAGE_CALL_ANSWERED = "call-answered";
    /** Published when the call failed; carries {@link #OUTCOME} and {@link #HANGUP_CAUSE}; key {@link #CALL_ID}. */
    public static final String MESSAGE_CALL_FAILED = "call-failed";

    // --- variables ---------------------------------------------------------------------------------------------
    public static final String CALL_ID = "callId";
    public static final String CAMPAIGN_ID = "campaignId";
    public static final String CONTACT_ID = "contactId";
    public static final String AGENT_ID = "agentId";
    public static final String AGENT_EXTENSION = "agentExtension";
    public static final String PHONE_NUMBER = "phoneNumber";
    /** This attempt's number, 1-based. */
    public static final String ATTEMPT = "attempt";
    public static final String MAX_ATTEMPTS = "maxAttempts";
    public static final String RETRY_DELAY_SECONDS = "retryDelaySeconds";
    /** ISO-8601 duration of the safety ring timer, e.g. {@code "PT45S"}; {@link #DEFAULT_RING_TIMEOUT} if absent. */
    public static final String RING_TIMEOUT = "ringTimeout";
    public static final String OUTCOME = "outcome";
    public static final String HANGUP_CAUSE = "hangupCause";
    public static final String QUALIFICATION_CODE = "qualificationCode";
    public static final String QUALIFICATION_CATEGORY = "qualificationCategory";
    /** ISO-8601 instant string or null. */
    public static final String CALLBACK_AT = "callbackAt";
    public static final String COMMENT = "comment";

    // --- values ------------------------------------------------------------------------------------------------
    public static final String OUTCOME_ANSWERED = "ANSWERED";
    public static final String OUTCOME_BUSY = "BUSY";
    public static final String OUTCOME_NO_ANSWER = "NO_ANSWER";
    public static final String OUTCOME_CONGESTION = "CONGESTION";
    public static final String OUTCOME_FAILED = "FAILED";
    /** Q.850 cause 19 "no answer", set by the ring timeout branch. */
    public static final int HANGUP_CAUSE_NO_ANSWER = 19;
    public static final String CATEGORY_POSITIVE = "POSITIVE";
    public static final String CATEGORY_NEGATIVE = "NEGATIVE";
    public static final String CATEGORY_CALLBACK = "CALLBACK";
    public static final String CATEGORY_NEUTRAL = "NEUTRAL";
    /** Ring timer used when {@link #RING_TIMEOUT} is missing or null. */
    public static final String DEFAULT_RING_TIMEOUT = "PT60S";

    private OutboundCallProcess() {
    }
}
