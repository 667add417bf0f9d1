package com.evscallpro.core.call;

import java.time.Instant;

/**
 * A dial attempt that could not be placed after every retry, as admins see it (no phone number).
 *
 * @param kind   what kind of failure (OTHER for rows recorded before kinds existed)
 * @param reason the technical detail, as logged
 */
public record TechnicalFailure(String callId, Long campaignId, Long contactId, Long agentId, Integer attempt,
                               TechnicalFailureKind kind, String reason, Instant failedAt) {
}
