package com.evscallpro.db.contact;

import java.time.Instant;

/**
 * A contact waiting for its callback (status CALLBACK), with its campaign and the agent it belongs to (null: a
 * campaign callback, anyone may take it). Read by {@link ContactRepository#findCallbacks}.
 */
public record CallbackRow(long contactId, long campaignId, String campaignName, String firstName, String lastName,
                          String phoneE164, Instant dueAt, Long agentId, String agentUsername, String agentName,
                          String lastQualificationCode) {
}
