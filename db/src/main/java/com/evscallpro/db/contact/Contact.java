package com.evscallpro.db.contact;

import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A contact of a campaign. {@code customFields} is stored as jsonb. */
@Table("contact")
public record Contact(@Id Long id, long campaignId, String firstName, String lastName, String phoneE164,
                      CustomFields customFields, ContactStatus status, int attempts, Instant nextAttemptAt,
                      String lastOutcome, String lastQualificationCode, Instant createdAt, Instant updatedAt) {

    public Contact {
        customFields = customFields == null ? CustomFields.EMPTY : customFields;
    }

    /** The custom fields as a map (never null). */
    public Map<String, String> fields() {
        return customFields.values();
    }

    /** A NEW contact, never tried. */
    public static Contact create(long campaignId, String firstName, String lastName, String phoneE164,
                                 Map<String, String> customFields) {
        Instant now = Instant.now();
        return new Contact(null, campaignId, firstName, lastName, phoneE164, CustomFields.of(customFields),
                ContactStatus.NEW, 0,
                null, null, null, now, now);
    }
}
