package com.evscallpro.core.cdr;

import java.time.Instant;

/**
 * One call detail record. Fields follow Asterisk's CDR: {@code durationSeconds} runs from start to end,
 * {@code billsec} from answer to end, {@code hangupCause} is the Q.850 code.
 *
 * @param id                 the row id (null before it is recorded)
 * @param callId             our call id, unique: recording the same call id again completes the record
 * @param processInstanceKey the Zeebe instance, for information only (not unique: the embedded engine reuses keys)
 * Every PBX fact is null when the PBX gave none (no default cause, no invented answer time).
 * @param createdAt          set by the database when null
 * @param linkedId           Asterisk's linkedid: our call id (the originate's ChannelId)
 * @param customerUniqueId   the customer leg's own Uniqueid, as the PBX reported it
 * @param agentUniqueId      the agent leg's own Uniqueid, as the PBX reported it
 * @param outcome            our attempt outcome (ANSWERED, BUSY, NO_ANSWER, CONGESTION, FAILED, ABANDONED)
 * @param endedDuringOutage  true when the call was found gone after a PBX outage: the cause is unknown (null) and
 *                           the end time is the last time the call was known alive
 */
public record CallRecord(Long id, String callId, String uniqueId, String linkedId, CallDirection direction,
                         String caller, String callee, Instant startedAt, Instant answeredAt, Instant endedAt,
                         Integer durationSeconds, Integer billsec, CdrDisposition disposition, Integer hangupCause,
                         String hangupCauseText, Long campaignId, Long contactId, Long agentId,
                         String qualificationCode, String comment, Integer attempt, Long processInstanceKey,
                         Instant createdAt, String customerUniqueId, String agentUniqueId, String outcome,
                         Boolean endedDuringOutage) {

    /** A record without the legs' ids, outcome and outage flag (kept as they are when completing a row). */
    public CallRecord(Long id, String callId, String uniqueId, String linkedId, CallDirection direction,
                      String caller, String callee, Instant startedAt, Instant answeredAt, Instant endedAt,
                      Integer durationSeconds, Integer billsec, CdrDisposition disposition, Integer hangupCause,
                      String hangupCauseText, Long campaignId, Long contactId, Long agentId,
                      String qualificationCode, String comment, Integer attempt, Long processInstanceKey,
                      Instant createdAt) {
        this(id, callId, uniqueId, linkedId, direction, caller, callee, startedAt, answeredAt, endedAt,
                durationSeconds, billsec, disposition, hangupCause, hangupCauseText, campaignId, contactId, agentId,
                qualificationCode, comment, attempt, processInstanceKey, createdAt, null, null, null, null);
    }
}
