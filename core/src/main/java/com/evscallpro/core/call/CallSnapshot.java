package com.evscallpro.core.call;

import java.time.Instant;

/** A copy of what the tracker knows of a call, for the CDR. */
public record CallSnapshot(String callId, String uniqueId, String linkedId, long campaignId, long contactId,
                           long agentId, String phone, String callerId, int attempt, Instant startedAt,
                           Instant answeredAt, Instant endedAt, String outcome, int hangupCause,
                           String hangupCauseText) {
}
