package com.evscallpro.core.contact;

import java.util.Map;

/**
 * A contact as the dialer and the agent's screen pop need it.
 *
 * @param attempt the attempts made so far, this one included once claimed (1 for a first call)
 */
public record DialableContact(long contactId, long campaignId, String firstName, String lastName, String phoneE164,
                              Map<String, String> customFields, int attempt) {

    public DialableContact {
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
    }
}
