package com.evscallpro.core.call;

import java.time.Instant;

/**
 * A copy of what the tracker knows of a call, for the CDR. PBX facts are null when the PBX gave none.
 *
 * @param hangupCause       the Q.850 cause of the customer leg's Hangup, null when none was seen
 * @param endedDuringOutage the call was found gone after a PBX outage (see {@code CallEvent#endedDuringOutage()})
 * @param bridged           the customer was bridged to the agent at some point
 */
public record CallSnapshot(String callId, String uniqueId, String linkedId, String customerUniqueId,
                           String agentUniqueId, long campaignId, long contactId, long agentId, String phone,
                           String callerId, int attempt, Instant startedAt, Instant answeredAt, Instant endedAt,
                           String outcome, Integer hangupCause, String hangupCauseText, boolean endedDuringOutage,
                           boolean bridged) {
}
