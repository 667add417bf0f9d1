package com.evscallpro.core.call;

import com.evscallpro.core.cdr.CallDirection;
import com.evscallpro.core.cdr.CallRecord;
import com.evscallpro.core.cdr.CdrDisposition;
import com.evscallpro.core.cdr.CdrService;
import com.evscallpro.core.contact.ContactLifecycleService;
import com.evscallpro.core.process.AttemptOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes an attempt's outcome: the CDR row and the contact's last outcome. The CDR records what the PBX said, or
 * nothing: the legs' Uniqueids, answer and end times and the hangup cause come from the PBX's events (via the call
 * tracker) or the process's message, and stay null when the PBX gave none; no default cause, no answer time made up.
 * Idempotent: a retried job rewrites the same CDR row (keyed by call id).
 */
@Service
public class CallRecorder {

    private final OutboundCallTracker calls;
    private final CdrService cdr;
    private final ContactLifecycleService contacts;
    private final Clock clock = Clock.systemUTC();

    public CallRecorder(OutboundCallTracker calls, CdrService cdr, ContactLifecycleService contacts) {
        this.calls = calls;
        this.cdr = cdr;
        this.contacts = contacts;
    }

    /**
     * What the process knows of the attempt when it records it.
     *
     * @param agentId     the agent the call was for, or null when none was (the record then names no agent)
     * @param hangupCause the cause the process got from the PBX (call-failed / call-abandoned message), or null
     */
    public record AttemptRecord(String callId, long campaignId, long contactId, Long agentId, String phone,
                                int attempt, AttemptOutcome outcome, Integer hangupCause, String qualificationCode,
                                String comment, long processInstanceKey) {
    }

    @Transactional
    public CallRecord record(AttemptRecord attempt) {
        CallSnapshot call = calls.snapshot(attempt.callId()).orElse(null);
        Instant now = clock.instant();
        // started_at is required: without any PBX event it is when we placed the call
        Instant started = call != null ? call.startedAt() : now;
        Instant answered = call != null ? call.answeredAt() : null;
        Instant ended = call != null ? call.endedAt() : null;
        Integer cause = call != null && call.hangupCause() != null ? call.hangupCause()
                : call != null && call.endedDuringOutage() ? null : attempt.hangupCause();
        String causeText = call != null && cause != null && cause.equals(call.hangupCause())
                ? call.hangupCauseText() : null;
        CallRecord record = new CallRecord(null, attempt.callId(), call != null ? call.uniqueId() : null,
                call != null ? call.linkedId() : null, CallDirection.OUTBOUND, call != null ? call.callerId() : null,
                attempt.phone(), started, answered, ended, ended == null ? null : seconds(started, ended),
                billsec(answered, ended),
                disposition(attempt.outcome()), cause, causeText, idOrNull(attempt.campaignId()), idOrNull(attempt.contactId()),
                attempt.agentId(), attempt.qualificationCode(), blankToNull(attempt.comment()), attempt.attempt(),
                attempt.processInstanceKey(), null, call != null ? call.customerUniqueId() : null,
                call != null ? call.agentUniqueId() : null, attempt.outcome().name(),
                call != null && call.endedDuringOutage() ? Boolean.TRUE : null);
        cdr.record(record);
        if (attempt.contactId() != 0) { // 0: an agent's manual call of a number that is no contact
            contacts.recordOutcome(attempt.contactId(), attempt.outcome().name(), attempt.qualificationCode());
        }
        calls.forget(attempt.callId());
        return record;
    }

    /** Asterisk's disposition of our outcome: an abandoned call was answered by the customer. */
    static CdrDisposition disposition(AttemptOutcome outcome) {
        return switch (outcome) {
            case ANSWERED, ABANDONED, MACHINE -> CdrDisposition.ANSWERED;
            case BUSY -> CdrDisposition.BUSY;
            case NO_ANSWER -> CdrDisposition.NO_ANSWER;
            case CONGESTION -> CdrDisposition.CONGESTION;
            case FAILED, TECHNICAL -> CdrDisposition.FAILED;
        };
    }

    /** Asterisk's billsec: answer to end; 0 for an ended call never answered; unknown (null) while not ended. */
    private static Integer billsec(Instant answered, Instant ended) {
        if (ended == null) {
            return null;
        }
        return answered == null ? 0 : seconds(answered, ended);
    }

    private static int seconds(Instant from, Instant to) {
        return (int) Math.max(0, Duration.between(from, to).toSeconds());
    }

    /** 0 (no campaign, no contact: an agent's manual call) is stored as null. */
    private static Long idOrNull(long id) {
        return id == 0 ? null : id;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
