package com.evscallpro.core.call;

import java.time.Instant;

/** A dial attempt that could not be placed after every retry, as admins see it (no phone number). */
public record TechnicalFailure(String callId, Long campaignId, Long contactId, Long agentId, Integer attempt,
                               String reason, Instant failedAt) {
}
