package com.evscallpro.core.contact;

import java.time.Instant;
import java.util.Map;

/**
 * A contact as the back office lists it.
 *
 */
public record ContactView(long id, long campaignId, String firstName, String lastName, String phoneE164,
                          Map<String, String> customFields, ContactStatus status, int attempts, Instant nextAttemptAt,
                          String lastOutcome, String lastQualificationCode, Instant updatedAt) {

    public ContactView {
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
    }
}
