package com.evscallpro.core.contact;

import java.time.Instant;
import java.util.Map;

/**
 * One contact to import, as given (the phone number is not yet validated), with its consent basis (V30): when and
 * where consent was given, or an existing contract.
 */
public record ContactInput(String firstName, String lastName, String phone, Map<String, String> customFields,
                           Instant consentAt, String consentSource, boolean existingContract) {

    public ContactInput {
        customFields = customFields == null ? Map.of() : customFields;
    }

    /** A contact without consent basis. */
    public ContactInput(String firstName, String lastName, String phone, Map<String, String> customFields) {
        this(firstName, lastName, phone, customFields, null, null, false);
    }
}
