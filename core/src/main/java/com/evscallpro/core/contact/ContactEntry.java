package com.evscallpro.core.contact;

import java.time.Instant;
import java.util.Map;

/** A contact as the contact list shows and exports it, with its consent basis. */
public record ContactEntry(long id, long campaignId, String firstName, String lastName, String phoneE164,
                           Map<String, String> customFields, ContactStatus status, int attempts,
                           Instant nextAttemptAt, String lastOutcome, String lastQualificationCode,
                           Instant consentAt, String consentSource, boolean existingContract, Instant createdAt,
                           Instant updatedAt) {

    public ContactEntry {
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
    }
}
