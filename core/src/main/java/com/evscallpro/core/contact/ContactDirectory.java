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
}
