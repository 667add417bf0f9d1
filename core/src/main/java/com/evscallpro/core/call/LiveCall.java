package com.evscallpro.core.call;

import java.time.Instant;

/** One call in progress, as supervisors see it. {@code phone} is masked for display (+33 6•• •• •• 78). */
public record LiveCall(String callId, long campaignId, String campaignName, long contactId, String contactName,
                       String maskedPhone, Long agentId, String agentName, LiveCallState state, Instant startedAt,
                       Instant answeredAt) {

    public enum LiveCallState { DIALING, RINGING, CONNECTED, ENDED }
}
