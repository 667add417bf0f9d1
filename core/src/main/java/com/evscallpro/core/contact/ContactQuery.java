package com.evscallpro.core.contact;

import java.util.List;

/**
 * Which contacts of a campaign to list or export; null or empty parts do not filter.
 *
 * @param text           part of a first or last name, or the start of a phone number (national or international)
 * @param statuses       any of these
 * @param qualifications any of these last qualification codes
 * @param hasCallback    true: a callback is scheduled; false: none
 */
public record ContactQuery(String text, List<ContactStatus> statuses, List<String> qualifications,
                           Boolean hasCallback) {

    public static final ContactQuery ALL = new ContactQuery(null, List.of(), List.of(), null);

    public ContactQuery {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        qualifications = qualifications == null ? List.of() : List.copyOf(qualifications);
        text = text == null || text.isBlank() ? null : text.strip();
    }
}
