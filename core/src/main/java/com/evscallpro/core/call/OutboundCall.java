package com.evscallpro.core.call;

import java.time.Instant;

/**
 * What we know of one outbound call while it lives. Mutated only by {@link CallTracker} under its lock.
 */
final class OutboundCall {
    final String callId;
    final long campaignId;
    final String campaignName;
    final long contactId;
    final String contactName;
    final String phone;
    final long agentId;
    final String agentName;
    final String agentExtension;
    final int attempt;
    final String callerId;
    LiveCall.LiveCallState state = LiveCall.LiveCallState.DIALING;
    final Instant startedAt;
    Instant answeredAt;
    Instant endedAt;
    String outcome;
    int hangupCause;
    String hangupCauseText;
    String uniqueId;
    String linkedId;
    boolean bridged;

    OutboundCall(NewOutboundCall c, Instant now) {
        this.callId = c.callId();
        this.campaignId = c.campaignId();
        this.campaignName = c.campaignName();
        this.contactId = c.contactId();
        this.contactName = c.contactName();
        this.phone = c.phone();
        this.agentId = c.agentId();
        this.agentName = c.agentName();
        this.agentExtension = c.agentExtension();
        this.attempt = c.attempt();
        this.callerId = c.callerId();
        this.startedAt = now;
    }

    LiveCall view() {
        return new LiveCall(callId, campaignId, campaignName, contactId, contactName, PhoneMask.mask(phone), agentId,
                agentName, state, startedAt, answeredAt);
    }

    CallSnapshot snapshot() {
        return new CallSnapshot(callId, uniqueId, linkedId, campaignId, contactId, agentId, phone, callerId, attempt,
                startedAt, answeredAt, endedAt, outcome, hangupCause, hangupCauseText);
    }
}
