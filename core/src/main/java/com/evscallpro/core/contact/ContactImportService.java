package com.evscallpro.core.contact;

import java.io.Reader;
import java.util.List;

/** Imports contacts into a campaign. Invalid rows never stop the import. */
public interface ContactImportService {

    /** Lines in the report are the 1-based positions in {@code contacts}. */
    ImportReport importContacts(long campaignId, List<ContactInput> contacts);

    /** CSV with a header: firstName,lastName,phone and any other column as a custom field. */
    ImportReport importCsv(long campaignId, Reader csv);
}
