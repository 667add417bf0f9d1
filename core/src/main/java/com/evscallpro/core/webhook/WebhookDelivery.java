package com.evscallpro.core.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * One event for one endpoint.
 *
 * @param status     PENDING (waiting for its next attempt), DELIVERED (a 2xx answer) or FAILED (attempts exhausted)
 * @param lastStatus the HTTP status of the last attempt, null when there was no answer
 */
public record WebhookDelivery(long id, long endpointId, String endpointName, UUID eventId, String eventType,
                              String payload, String status, int attempts, Instant nextAttemptAt, Integer lastStatus,
                              String lastError, Instant createdAt, Instant deliveredAt) {
}
