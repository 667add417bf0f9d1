package com.evscallpro.core.contact;

import java.io.Reader;
import java.util.List;

/**
 * Imports contacts into a campaign, synchronously. Invalid rows never stop the import. Files of any size go through
 * {@link ContactImportJobs} (background, progress, cancel, report); these calls are for lists and small files.
 */
public interface ContactImportService {

    /** Lines in the report are the 1-based positions in {@code contacts}; one transaction. */
    ImportReport importContacts(long campaignId, List<ContactInput> contacts);

    /**
     * CSV with a header (the mapping its names suggest: firstName, lastName, phone, consent columns, any other
     * column a custom field), streamed and stored by batches; every rejection is in the report.
     */
    ImportReport importCsv(long campaignId, Reader csv);
}
