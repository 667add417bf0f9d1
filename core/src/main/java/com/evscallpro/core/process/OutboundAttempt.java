package com.evscallpro.core.process;

import java.time.Duration;
import java.util.Objects;

/**
 * What one dial attempt starts with.
 *
 * @param attempt          this attempt's number, 1-based
 * @param ringTimeout      how long the PBX rings the customer (the Originate's timeout)
 * @param safetyRingTimeout the process's own ring timer, beyond which it asks the PBX what became of the call
 * @param wrapUpSafetyTimeout the engine's own limit on a wrap-up nobody closes (the campaign's wrap-up timeout,
 *                         counted from the end of the call, is enforced by the application)
 * @param agentConnectTimeout how long the process waits for agent-connected / call-abandoned after the answer
 */
public record OutboundAttempt(String callId, long campaignId, long contactId, long agentId, String agentExtension,
                              String phone, String callerId, int attempt, int maxAttempts, int retryDelaySeconds,
                              Duration ringTimeout, Duration safetyRingTimeout, Duration wrapUpSafetyTimeout,
                              Duration agentConnectTimeout) {
    public OutboundAttempt {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(ringTimeout, "ringTimeout");
        Objects.requireNonNull(safetyRingTimeout, "safetyRingTimeout");
        Objects.requireNonNull(wrapUpSafetyTimeout, "wrapUpSafetyTimeout");
        Objects.requireNonNull(agentConnectTimeout, "agentConnectTimeout");
    }
}
