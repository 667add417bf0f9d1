package com.evscallpro.db.cdr;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One call (CDR). {@code callId} is our id and unique; {@code disposition} is Asterisk's
 * (ANSWERED, BUSY, NO ANSWER, FAILED, CONGESTION); {@code outcome} is our attempt's (ABANDONED: answered, never
 * reached the agent); {@code linkedId} is our call id, {@code customerUniqueId} / {@code agentUniqueId} the legs' own
 * Uniqueids as the PBX reported them; {@code endedDuringOutage}: found gone after a PBX outage (cause unknown).
 * {@code processInstanceKey} is not unique (the embedded engine reuses keys across restarts).
 */
@Table("call_history")
public record CallHistory(@Id Long id, String callId, String uniqueId, String linkedId, String direction,
                          String caller, String callee, Instant startedAt, Instant answeredAt, Instant endedAt,
                          Integer durationSeconds, Integer billsec, String disposition, Integer hangupCause,
                          String hangupCauseText, Long campaignId, Long contactId, Long agentId,
                          String qualificationCode, String comment, Integer attempt, Long processInstanceKey,
                          Instant createdAt, String customerUniqueId, String agentUniqueId, String outcome,
                          Boolean endedDuringOutage) {
}
