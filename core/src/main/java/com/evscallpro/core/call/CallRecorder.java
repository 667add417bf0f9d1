package com.evscallpro.core.call;

import com.evscallpro.core.cdr.CallDirection;
import com.evscallpro.core.cdr.CallRecord;
import com.evscallpro.core.cdr.CdrDisposition;
import com.evscallpro.core.cdr.CdrService;
import com.evscallpro.core.contact.ContactLifecycleService;
import com.evscallpro.telephony.Q850;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes an attempt's outcome: the CDR row (from what the call tracker saw on the PBX) and the contact's last
 * outcome. Idempotent: a retried job rewrites the same CDR row (keyed by call id).
 */
@Service
public class CallRecorder {

    private final CallTracker calls;
    private final CdrService cdr;
    private final ContactLifecycleService contacts;
    private final Clock clock = Clock.systemUTC();

    public CallRecorder(CallTracker calls, CdrService cdr, ContactLifecycleService contacts) {
        this.calls = calls;
        this.cdr = cdr;
        this.contacts = contacts;
    }

    /** What the process knows of the attempt when it records it. */
    public record AttemptOutcome(String callId, long campaignId, long contactId, long agentId, String phone,
                                 int attempt, String outcome, Integer hangupCause, String qualificationCode,
                                 String comment, long processInstanceKey) {
    }

    @Transactional
    public CallRecord record(AttemptOutcome attempt) {
        Instant now = clock.instant();
        CallSnapshot call = calls.snapshot(attempt.callId()).orElse(null);
        Instant started = call != null ? call.startedAt() : now;
        Instant answered = call != null ? call.answeredAt() : null;
        Instant ended = call != null && call.endedAt() != null ? call.endedAt() : now;
        CdrDisposition disposition = disposition(attempt.outcome());
        if (disposition == CdrDisposition.ANSWERED && answered == null) {
            answered = started;
        }
        int cause = call != null && call.hangupCause() != 0 ? call.hangupCause()
                : attempt.hangupCause() != null ? attempt.hangupCause() : defaultCause(disposition);
        String causeText = call != null && call.hangupCauseText() != null && call.hangupCause() == cause
                ? call.hangupCauseText() : Q850.text(cause);
        CallRecord record = new CallRecord(null, attempt.callId(),
                call != null && call.uniqueId() != null ? call.uniqueId() : attempt.callId(),
                call != null && call.linkedId() != null ? call.linkedId() : attempt.callId(),
                CallDirection.OUTBOUND, call != null ? call.callerId() : null, attempt.phone(), started, answered,
                ended, seconds(started, ended), answered == null ? 0 : seconds(answered, ended), disposition, cause,
                causeText, attempt.campaignId(), attempt.contactId(), attempt.agentId(), attempt.qualificationCode(),
                blankToNull(attempt.comment()), attempt.attempt(), attempt.processInstanceKey(), null);
        cdr.record(record);
        contacts.recordOutcome(attempt.contactId(), attempt.outcome(), attempt.qualificationCode());
        calls.forget(attempt.callId());
        return record;
    }

    static CdrDisposition disposition(String outcome) {
        if (outcome == null) {
            return CdrDisposition.FAILED;
        }
        return switch (outcome) {
            case "ANSWERED" -> CdrDisposition.ANSWERED;
            case "BUSY" -> CdrDisposition.BUSY;
            case "NO_ANSWER" -> CdrDisposition.NO_ANSWER;
            case "CONGESTION" -> CdrDisposition.CONGESTION;
            default -> CdrDisposition.FAILED;
        };
    }

    private static int defaultCause(CdrDisposition disposition) {
        return switch (disposition) {
            case ANSWERED -> 16;
            case BUSY -> 17;
            case NO_ANSWER -> 19;
            case CONGESTION -> 34;
            case FAILED -> 0;
        };
    }

    private static int seconds(Instant from, Instant to) {
        return (int) Math.max(0, Duration.between(from, to).toSeconds());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
