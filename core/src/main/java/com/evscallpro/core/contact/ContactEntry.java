package com.evscallpro.core.contact;

import java.time.Instant;
import java.util.Map;

/**
 * A contact as the contact list shows and exports it, with its consent basis and {@code version}: +1 on every edit of
 * what a person changes (names, number, custom fields, consent; V91), the ETag of the single-contact API.
 */
public record ContactEntry(long id, long campaignId, String firstName, String lastName, String phoneE164,
                           Map<String, String> customFields, ContactStatus status, int attempts,
                           Instant nextAttemptAt, String lastOutcome, String lastQualificationCode,
                           Instant consentAt, String consentSource, boolean existingContract, Instant createdAt,
                           Instant updatedAt, int version) {

    public ContactEntry {
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
    }
}
