package com.evscallpro.workers.pbx;

import static com.evscallpro.processes.OutboundCallProcess.*;

import com.evscallpro.core.call.TechnicalFailureKind;
import com.evscallpro.core.call.OutboundCallTracker;
import com.evscallpro.core.call.PhoneMask;
import com.evscallpro.core.dialer.DialerSettings;
import com.evscallpro.core.process.AttemptOutcome;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Public because the Camunda starter invokes worker methods reflectively. {@code pbx.originate} and {@code pbx.hangup}. */
@Component
public class PbxWorkers {

    private static final Logger log = LoggerFactory.getLogger(PbxWorkers.class);
    /** How long the originate job waits for the PBX to show it took the originate. */
    static final Duration ACCEPT_WAIT = Duration.ofSeconds(10);
    /** How long the ring-timeout job waits for the PBX's status and hangup. */
    static final Duration STATUS_WAIT = Duration.ofSeconds(15);
    private static final int DEFAULT_RING_SECONDS = 25;

    private final OutboundCallTracker calls;
    private final DialerSettings settings;

    PbxWorkers(OutboundCallTracker calls, DialerSettings settings) {
        this.calls = calls;
        this.settings = settings;
    }

    /**
     * Sends the async originate and completes once the PBX took it; the answer comes back later as a message. A
     * technical failure (PBX not connected, originate refused or not sent) fails the job with a back-off that doubles
     * at each retry; on the last retry it throws {@value com.evscallpro.processes.OutboundCallProcess#ERROR_TECHNICAL_FAILURE}
     * instead, so no instance is ever left in an incident with its agent reserved. When the PBX shows nothing within
     * {@link #ACCEPT_WAIT}, the job completes anyway: dialling again could ring the customer twice, and the ring
     * timer will ask the PBX what became of the call.
     */
    @JobWorker(type = JOB_PBX_ORIGINATE, fetchAllVariables = true)
    public void originate(ActivatedJob job, @Variable(name = CALL_ID) String callId,
                          @Variable(name = PHONE_NUMBER) String phoneNumber,
                          @Variable(name = CALLER_ID) String callerId,
                          @Variable(name = AGENT_EXTENSION) String agentExtension,
                          @Variable(name = RING_TIMEOUT_SECONDS) Integer ringTimeoutSeconds) {
        Duration ring = Duration.ofSeconds(ringTimeoutSeconds == null ? DEFAULT_RING_SECONDS : ringTimeoutSeconds);
        try {
            calls.dial(callId, phoneNumber, callerId, agentExtension, ring)
                    .get(ACCEPT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("Call {}: no sign from the PBX {} after the originate; the ring timer will check it", callId,
                    ACCEPT_WAIT);
        } catch (ExecutionException e) {
            throw technicalFailure(job, callId, e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw technicalFailure(job, callId, e);
        }
    }

    private RuntimeException technicalFailure(ActivatedJob job, String callId, Throwable cause) {
        String message = PhoneMask.maskText("Originate of call " + callId + " could not be placed: "
                + cause.getMessage());
        int retriesLeft = job.getRetries() - 1;
        if (retriesLeft <= 0) {
            return CamundaError.bpmnError(ERROR_TECHNICAL_FAILURE, message, Map.of(TECHNICAL_FAILURE_REASON, message,
                    TECHNICAL_FAILURE_CODE, TechnicalFailureKind.of(cause).code()));
        }
        return CamundaError.jobError(message, null, retriesLeft, backoff(job.getRetries()));
    }

    /** The configured back-off, doubled at each retry already used (3 retries: 1x, then 2x). */
    Duration backoff(int retriesBeforeThisFailure) {
        int used = Math.max(0, 3 - retriesBeforeThisFailure);
        return settings.originateRetryBackoff().multipliedBy(1L << Math.min(used, 4));
    }

    /**
     * The safety timer fired before the process heard of an answer: asks the PBX what became of the call first. Up
     * and bridged (the answer message was lost): completes with outcome ANSWERED, the call goes on and the wrap-up
     * follows. Otherwise the call is hung up and the agent given back: NO_ANSWER, or ABANDONED when the customer was
     * up but not with the agent.
     */
    @JobWorker(type = JOB_PBX_HANGUP, fetchAllVariables = true)
    public Map<String, Object> hangup(@Variable(name = CALL_ID) String callId) {
        AttemptOutcome outcome;
        try {
            outcome = calls.afterRingTimeout(callId).get(STATUS_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException("Call " + callId + ": the PBX did not say what became of it", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
        return Map.of(OUTCOME, outcome.name());
    }
}
