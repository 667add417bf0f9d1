package com.evscallpro.core.call;

import java.time.Duration;

/** A call the dialer is about to place, with everything the tracker and the supervisors need to know. */
public record NewOutboundCall(String callId, long campaignId, String campaignName, long contactId,
                              String contactName, String phone, long agentId, String agentName,
                              String agentExtension, int attempt, String callerId, Duration ringTimeout) {
}
