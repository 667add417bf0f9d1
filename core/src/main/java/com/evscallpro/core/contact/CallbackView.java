package com.evscallpro.core.contact;

import java.time.Instant;

/**
 * A contact waiting for its callback.
 *
 * @param agentId   the agent it belongs to (a personal callback), null for a campaign callback (anyone)
 * @param agentName the agent's display name, else their user name; null for a campaign callback
 * @param overdue   due now or earlier and not yet dialled
 */
public record CallbackView(long contactId, long campaignId, String campaignName, String contactName,
                           String phoneE164, Instant dueAt, Long agentId, String agentName,
                           String lastQualificationCode, boolean overdue) {
}
