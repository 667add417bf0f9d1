package com.evscallpro.core.call;

import java.time.Instant;

/**
 * One call in progress, as supervisors see it. {@code phone} is masked for display (+33 6•• •• •• 78).
 *
 * @param changedAt the server time of the change this view reflects (the PBX event's time as the telephony adapter
 *                  saw it, or when the dialer registered the call): supervisors' screens carry it so the delay until a
 *                  change reaches a browser can be measured ({@code bench/}: supervision); null when unknown
 */
public record LiveCall(String callId, long campaignId, String campaignName, long contactId, String contactName,
                       String maskedPhone, Long agentId, String agentName, LiveCallState state, Instant startedAt,
                       Instant answeredAt, Instant changedAt) {

    /** A view without a change time (tests, callers that do not track it). */
    public LiveCall(String callId, long campaignId, String campaignName, long contactId, String contactName,
                    String maskedPhone, Long agentId, String agentName, LiveCallState state, Instant startedAt,
                    Instant answeredAt) {
        this(callId, campaignId, campaignName, contactId, contactName, maskedPhone, agentId, agentName, state,
                startedAt, answeredAt, null);
    }

    public enum LiveCallState { DIALING, RINGING, CONNECTED, ENDED }
}
