package com.evscallpro.db.contact;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A campaign's contact list for the back office (a repository fragment of {@link ContactRepository}): search,
 * filters, sorting, offset or keyset pages, a streamed export and recycling of closed contacts.
 */
public interface ContactListing {

    /** Sortable columns (the key is what callers pass; every sort ends with the id). */
    List<String> SORTS = List.of("id", "firstName", "lastName", "phone", "status", "attempts", "nextAttemptAt",
            "lastQualificationCode", "updatedAt");

    /**
     * What to list; null or empty parts do not filter.
     *
     * @param text          a part of the first or last name (case-insensitive), or of the phone's digits
     * @param phonePrefix   an E.164 prefix (a number typed in national form, normalised by the caller)
     * @param statuses      any of these statuses
     * @param qualifications any of these last qualification codes
     * @param hasCallback   true: a callback is scheduled (CALLBACK); false: none
     */
    record Filter(String text, String phonePrefix, List<String> statuses, List<String> qualifications,
                  Boolean hasCallback) {

        public static final Filter NONE = new Filter(null, null, List.of(), List.of(), null);

        public Filter {
            statuses = statuses == null ? List.of() : List.copyOf(statuses);
            qualifications = qualifications == null ? List.of() : List.copyOf(qualifications);
        }
    }

    /** One listed contact. */
    record Row(long id, long campaignId, String firstName, String lastName, String phoneE164,
               Map<String, String> customFields, String status, int attempts, Instant nextAttemptAt,
               String lastOutcome, String lastQualificationCode, Instant consentAt, String consentSource,
               boolean existingContract, Instant createdAt, Instant updatedAt, int version) {
    }

    /** What a person edits on one contact (the dialer's fields are not in it). */
    record Edit(String firstName, String lastName, String phoneE164, Map<String, String> customFields,
                Instant consentAt, String consentSource, boolean existingContract) {
    }

    /** One contact of the campaign; {@code forUpdate}: locked until the caller's transaction ends. */
    java.util.Optional<Row> findContact(long campaignId, long id, boolean forUpdate);

    /** Replaces what a person edits and adds 1 to the version. @return the rows changed (0: no such contact) */
    int updateContact(long campaignId, long id, Edit edit);

    /** @return the rows deleted (0: no such contact) */
    int deleteContact(long campaignId, long id);

    /** A page; {@code sort} one of {@link #SORTS} (else id). */
    List<Row> findContacts(long campaignId, Filter filter, String sort, boolean descending, int offset, int limit);

    /** A keyset page by id after (ascending) or before (descending) {@code id}. */
    List<Row> findContactsAfterId(long campaignId, Filter filter, long id, boolean descending, int limit);

    /** The matching count, counted no further than {@code cap}. */
    long countContacts(long campaignId, Filter filter, long cap);

    /** Every matching contact by id, read with a cursor (constant memory), for exports. */
    void forEachContact(long campaignId, Filter filter, Consumer<Row> each);

    /** The distinct last qualification codes and outcomes of the campaign's contacts (for the filters). */
    List<String> lastQualificationCodes(long campaignId);

    /** The distinct last outcomes of the campaign's DONE contacts. */
    List<String> lastOutcomesOfClosed(long campaignId);

    /** How many DONE contacts have one of these last qualification codes or last outcomes. */
    long countRecyclable(long campaignId, List<String> qualifications, List<String> outcomes);

    /**
     * DONE contacts with one of these last qualification codes or last outcomes → RETRY due now, attempts back to 0
     * (a new round). @return how many
     */
    int recycle(long campaignId, List<String> qualifications, List<String> outcomes);
}
