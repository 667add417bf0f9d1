package com.evscallpro.core.cdr;

import java.time.Instant;

/**
 * One call detail record. Fields follow Asterisk's CDR: {@code durationSeconds} runs from start to end,
 * {@code billsec} from answer to end, {@code hangupCause} is the Q.850 code.
 *
 * @param id                 the row id (null before it is recorded)
 * @param callId             our call id, unique: recording the same call id again completes the record
 * @param processInstanceKey the Zeebe instance, for information only (not unique: the embedded engine reuses keys)
 * @param createdAt          set by the database when null
 */
public record CallRecord(Long id, String callId, String uniqueId, String linkedId, CallDirection direction,
                         String caller, String callee, Instant startedAt, Instant answeredAt, Instant endedAt,
                         Integer durationSeconds, Integer billsec, CdrDisposition disposition, Integer hangupCause,
                         String hangupCauseText, Long campaignId, Long contactId, Long agentId,
                         String qualificationCode, String comment, Integer attempt, Long processInstanceKey,
                         Instant createdAt) {
}
