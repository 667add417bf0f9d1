package com.evscallpro.db.contact;

import java.util.List;
import java.util.Map;

/** Bulk insert for contact imports (a repository fragment of {@link ContactRepository}). */
public interface ContactBatchInsert {

    /** One contact to insert; the phone must already be E.164. */
    record NewContact(String firstName, String lastName, String phoneE164, Map<String, String> customFields,
                      java.time.Instant consentAt, String consentSource, boolean existingContract) {

        /** Without consent basis. */
        public NewContact(String firstName, String lastName, String phoneE164, Map<String, String> customFields) {
            this(firstName, lastName, phoneE164, customFields, null, null, false);
        }
    }

    /**
     * Inserts NEW contacts into a campaign with JDBC batches, skipping phones already in the campaign
     * ({@code ON CONFLICT DO NOTHING}).
     *
     * @return for each input, in order, whether it was inserted (false: the phone was already in the campaign)
     */
    boolean[] insertNew(long campaignId, List<NewContact> contacts);

    /** The given phones that already exist in the campaign. */
    java.util.Set<String> existingPhones(long campaignId, java.util.Collection<String> phonesE164);
}
