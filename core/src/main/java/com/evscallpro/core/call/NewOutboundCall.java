package com.evscallpro.core.call;

import java.time.Duration;

/**
 * A call the dialer is about to place, with everything the tracker and the supervisors need to know.
 *
 * @param predictive null for a call whose agent is reserved before the dial (preview, progressive); for a predictive
 *                   call, where the customer is originated into a holding context and the agent is chosen at answer
 *                   ({@code agentId} 0, no agent name nor extension until then)
 */
public record NewOutboundCall(String callId, long campaignId, String campaignName, long contactId,
                              String contactName, String phone, long agentId, String agentName,
                              String agentExtension, int attempt, String callerId, Duration ringTimeout,
                              Predictive predictive) {

    /** A call with its agent reserved before the dial (preview, progressive). */
    public NewOutboundCall(String callId, long campaignId, String campaignName, long contactId, String contactName,
                           String phone, long agentId, String agentName, String agentExtension, int attempt,
                           String callerId, Duration ringTimeout) {
        this(callId, campaignId, campaignName, contactId, contactName, phone, agentId, agentName, agentExtension,
                attempt, callerId, ringTimeout, null);
    }

    /**
     * How a predictive call is dialled: into {@code holdContext}, with answering-machine detection {@code amd}
     * (OFF, HANGUP, MESSAGE, AGENT: the dialplan's {@code EVS_AMD}).
     */
    public record Predictive(String holdContext, String amd) {

        /** Whether the answer waits for the AMD verdict before the process hears of it. */
        public boolean detectsMachines() {
            return amd != null && !"OFF".equals(amd);
        }
    }
}
