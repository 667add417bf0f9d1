package com.evscallpro.processes;

/**
 * The contract of {@code bpmn/outbound-call.bpmn}: one short-lived process instance per dial attempt.
 *
 * <p>Who sets what:
 * <ul>
 *   <li>the dialer starts the instance with {@link #CALL_ID}, {@link #CAMPAIGN_ID}, {@link #CONTACT_ID},
 *       {@link #AGENT_ID}, {@link #AGENT_EXTENSION}, {@link #PHONE_NUMBER}, {@link #ATTEMPT} (1-based),
 *       {@link #MAX_ATTEMPTS}, {@link #RETRY_DELAY_SECONDS}, {@link #RING_TIMEOUT} (ISO-8601 duration) and
 *       {@link #QUALIFICATION_CATEGORY} = null, plus {@link #RING_TIMEOUT_SECONDS}, {@link #CALLER_ID},
 *       {@link #WRAP_UP_TIMEOUT} and {@link #AGENT_CONNECT_TIMEOUT};</li>
 *   <li>the telephony layer publishes {@link #MESSAGE_CALL_ANSWERED} (optionally with {@link #AGENT_ID} /
 *       {@link #AGENT_EXTENSION} of the bridged agent) or {@link #MESSAGE_CALL_FAILED} with {@link #OUTCOME} and
 *       {@link #HANGUP_CAUSE}; after an answer, {@link #MESSAGE_AGENT_CONNECTED} or {@link #MESSAGE_CALL_ABANDONED};
 *       all with correlation key = {@link #CALL_ID};</li>
 *   <li>the model sets {@link #OUTCOME} = {@link #OUTCOME_ANSWERED} on answer, {@link #OUTCOME_NO_ANSWER} on ring
 *       timeout (the {@link #JOB_PBX_HANGUP} worker may change it after asking the PBX), {@link #OUTCOME_ABANDONED}
 *       on {@link #MESSAGE_CALL_ABANDONED}, {@link #OUTCOME_TECHNICAL} on {@link #ERROR_TECHNICAL_FAILURE}, and
 *       {@link #QUALIFICATION_NOT_QUALIFIED} when the wrap-up times out;</li>
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
    public static final String TECHNICAL_FAILURE_EVENT = "TechnicalFailureEvent";
    public static final String RECORD_TECHNICAL_FAILURE_TASK = "RecordTechnicalFailureTask";
    public static final String TECHNICAL_FAILURE_END_EVENT = "TechnicalFailureEndEvent";
    public static final String CALL_ANSWERED_EVENT = "CallAnsweredEvent";
    public static final String AGENT_CONNECTION_GATEWAY = "AgentConnectionGateway";
    public static final String AGENT_CONNECTED_EVENT = "AgentConnectedEvent";
    public static final String CALL_ABANDONED_EVENT = "CallAbandonedEvent";
    public static final String AGENT_CONNECT_TIMEOUT_EVENT = "AgentConnectTimeoutEvent";
    public static final String WRAP_UP_TASK = "WrapUpTask";
    public static final String WRAP_UP_TIMEOUT_EVENT = "WrapUpTimeoutEvent";
    public static final String CLOSE_UNQUALIFIED_WRAP_UP_TASK = "CloseUnqualifiedWrapUpTask";
    public static final String CALL_FAILED_EVENT = "CallFailedEvent";
    public static final String RING_TIMEOUT_EVENT = "RingTimeoutEvent";
    public static final String HANG_UP_UNANSWERED_CALL_TASK = "HangUpUnansweredCallTask";
    public static final String CALL_STATE_GATEWAY = "CallStateGateway";
    public static final String ANSWERED_AFTER_RING_TIMEOUT_FLOW = "AnsweredAfterRingTimeoutFlow";
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
    /**
     * {@link #DIAL_CUSTOMER_TASK}: send an async Originate and complete once the PBX accepted it (3 retries). A
     * technical failure fails the job with a back-off; the last retry throws {@link #ERROR_TECHNICAL_FAILURE}.
     */
    public static final String JOB_PBX_ORIGINATE = "pbx.originate";
    /**
     * {@link #HANG_UP_UNANSWERED_CALL_TASK}: after the ring timeout, ask the PBX for the call's state; completes with
     * {@link #OUTCOME} = {@link #OUTCOME_ANSWERED} when the customer is up and bridged (nothing hung up), else hangs
     * up and completes with {@link #OUTCOME_NO_ANSWER} or {@link #OUTCOME_ABANDONED}.
     */
    public static final String JOB_PBX_HANGUP = "pbx.hangup";
    /** {@link #RECORD_TECHNICAL_FAILURE_TASK}: record the failure, free the agent, put the contact back due. */
    public static final String JOB_CALL_RECORD_TECHNICAL_FAILURE = "call.record-technical-failure";
    /** {@link #CLOSE_UNQUALIFIED_WRAP_UP_TASK}: take the timed-out wrap-up from the agent, who leaves WRAP_UP. */
    public static final String JOB_AGENT_WRAP_UP_TIMEOUT = "agent.wrap-up-timeout";
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
    /** Published when the PBX bridged the answered customer to the agent; key {@link #CALL_ID}. */
    public static final String MESSAGE_AGENT_CONNECTED = "agent-connected";
    /**
     * Published when the answered customer never reached the agent (agent phone not answering / unreachable,
     * customer gone first); may carry {@link #HANGUP_CAUSE}; key {@link #CALL_ID}.
     */
    public static final String MESSAGE_CALL_ABANDONED = "call-abandoned";

    // --- errors ------------------------------------------------------------------------------------------------
    /** Thrown by the {@link #JOB_PBX_ORIGINATE} worker on its last retry; caught by {@link #TECHNICAL_FAILURE_EVENT}. */
    public static final String ERROR_TECHNICAL_FAILURE = "TECHNICAL_FAILURE";

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
    /** Seconds the PBX rings the customer (the Originate's timeout). */
    public static final String RING_TIMEOUT_SECONDS = "ringTimeoutSeconds";
    /** The caller id presented to the customer. */
    public static final String CALLER_ID = "callerId";
    /** ISO-8601 duration of the wrap-up before it is closed as not qualified; PT120S if absent. */
    public static final String WRAP_UP_TIMEOUT = "wrapUpTimeout";
    /** ISO-8601 duration to wait for agent-connected / call-abandoned after the answer; PT60S if absent. */
    public static final String AGENT_CONNECT_TIMEOUT = "agentConnectTimeout";
    public static final String OUTCOME = "outcome";
    /** Set with {@link #ERROR_TECHNICAL_FAILURE}: why the originate could not be placed (no phone number in it). */
    public static final String TECHNICAL_FAILURE_REASON = "technicalFailureReason";
    /** Set with {@link #ERROR_TECHNICAL_FAILURE}: the kind of failure, a stable code the UI translates. */
    public static final String TECHNICAL_FAILURE_CODE = "technicalFailureCode";
    public static final String HANGUP_CAUSE = "hangupCause";
    public static final String QUALIFICATION_CODE = "qualificationCode";
    public static final String QUALIFICATION_CATEGORY = "qualificationCategory";
    /**
     * Set by the wrap-up: false when the qualification is not final for the contact (an answering machine...): the
     * contact is then called again while attempts remain. Absent or true: the contact is closed.
     */
    public static final String QUALIFICATION_FINAL = "qualificationFinal";
    /** ISO-8601 instant string or null. */
    public static final String CALLBACK_AT = "callbackAt";
    public static final String COMMENT = "comment";
    /**
     * The answers of the agent script filled during the call (a JSON object: form-js values by field key, nested for
     * dotted keys), set when the wrap-up completes; absent when the call had no script. A gateway after the wrap-up
     * can branch on it: {@code =scriptAnswers.interested = "yes"} (docs/agent-scripts.md).
     */
    public static final String SCRIPT_ANSWERS = "scriptAnswers";

    // --- values ------------------------------------------------------------------------------------------------
    public static final String OUTCOME_ANSWERED = "ANSWERED";
    public static final String OUTCOME_BUSY = "BUSY";
    public static final String OUTCOME_NO_ANSWER = "NO_ANSWER";
    public static final String OUTCOME_CONGESTION = "CONGESTION";
    public static final String OUTCOME_FAILED = "FAILED";
    /** The customer answered but never reached the agent (counts in the legal abandon rate). */
    public static final String OUTCOME_ABANDONED = "ABANDONED";
    /** The call could not be placed at all (not a business outcome: the contact keeps its attempt). */
    public static final String OUTCOME_TECHNICAL = "TECHNICAL";
    /** Predictive with AMD: an answering machine no agent takes (retried like an unanswered call). */
    public static final String OUTCOME_MACHINE = "MACHINE";
    /** The system qualification of a wrap-up that timed out. */
    public static final String QUALIFICATION_NOT_QUALIFIED = "NOT_QUALIFIED";
    /** Q.850 cause 19 "no answer": what the ring-timeout branch hangs an unanswered call up with. */
    public static final int HANGUP_CAUSE_NO_ANSWER = 19;
    public static final String CATEGORY_POSITIVE = "POSITIVE";
    public static final String CATEGORY_NEGATIVE = "NEGATIVE";
    public static final String CATEGORY_CALLBACK = "CALLBACK";
    public static final String CATEGORY_NEUTRAL = "NEUTRAL";
    public static final String CATEGORY_DO_NOT_CALL = "DO_NOT_CALL";
    /** Ring timer used when {@link #RING_TIMEOUT} is missing or null. */
    public static final String DEFAULT_RING_TIMEOUT = "PT60S";

    private OutboundCallProcess() {
    }
}
