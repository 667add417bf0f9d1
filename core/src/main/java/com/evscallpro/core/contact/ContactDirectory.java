package com.evscallpro.core.contact;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * A campaign's contact list for the back office: search, filters, sorted pages (offset, or keyset by id for deep
 * pages), a streamed CSV export and recycling of closed contacts. {@code campaign.not-found} for an unknown campaign.
 */
public interface ContactDirectory {

    /** Sort keys: id, firstName, lastName, phone, status, attempts, nextAttemptAt, lastQualificationCode, updatedAt. */
    List<String> SORTS = com.evscallpro.db.contact.ContactListing.SORTS;

    List<ContactEntry> page(long campaignId, ContactQuery query, String sort, boolean descending, int offset,
                            int limit);

    /** Keyset page: ids after {@code afterId} (ascending) or before it (descending). */
    List<ContactEntry> pageAfter(long campaignId, ContactQuery query, long afterId, boolean descending, int limit);

    /** The matching count, counted no further than {@code cap}. */
    long count(long campaignId, ContactQuery query, long cap);

    /**
     * Writes the matching contacts as CSV (UTF-8 with a BOM, comma, a header line, custom fields as columns of their
     * own), read by chunks: constant memory whatever the count. Values a spreadsheet would run as formulas get a
     * leading quote, phone numbers excepted (E.164 "+…" is data).
     */
    void exportCsv(long campaignId, ContactQuery query, Writer out) throws IOException;

    /** The last qualification codes the campaign's contacts have (for filters and recycling). */
    List<String> qualificationCodes(long campaignId);

    /** The last outcomes the campaign's closed contacts have (BUSY, NO_ANSWER…, for recycling). */
    List<String> closedOutcomes(long campaignId);

    /** How many closed (DONE) contacts have one of these last qualification codes or last outcomes. */
    long countRecyclable(long campaignId, List<String> qualifications, List<String> outcomes);

    /**
     * Makes those closed contacts due again (RETRY now, attempts back to 0: a new round), audited
     * ({@code recycle}, {@code campaign}). @return how many
     */
    int recycle(long campaignId, List<String> qualifications, List<String> outcomes);

    /** One contact of the campaign ({@code contact.not-found} when it is not one of the campaign's). */
    ContactEntry contact(long campaignId, long contactId);

    /**
     * Replaces what a person edits (names, number checked and normalised as at import, custom fields, consent),
     * audited ({@code update}, {@code contact}, before / after). Refused: {@code contact.version-mismatch} (id,
     * expected, current) when {@code expectedVersion} is not null and the contact changed since;
     * {@code contact.cannot-change-in-call} while it is being called; {@code contact.cannot-change-erased} for a
     * contact a GDPR request or the purge anonymised; {@code contact.phone-taken} when another contact of the campaign
     * has the number; the import's codes for a bad field ({@code import.not-a-phone}, {@code import.too-long}...).
     */
    ContactEntry update(long campaignId, long contactId, Integer expectedVersion, ContactInput input);

    /**
     * Deletes the contact as the GDPR erasure's DELETE does (its calls stay, unlinked), audited. Refused:
     * {@code contact.version-mismatch}, {@code contact.cannot-delete-in-call} (being called: as the purge, which
     * never removes a contact IN_PROGRESS).
     */
    void delete(long campaignId, long contactId, Integer expectedVersion);
}
