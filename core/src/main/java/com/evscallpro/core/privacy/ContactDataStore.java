package com.evscallpro.core.privacy;

import com.evscallpro.db.privacy.PersonalDataTables;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Contacts of every campaign, callbacks included (a callback is a contact due at a set time). */
@Component
class ContactDataStore implements PersonalDataStore {

    private final PersonalDataTables tables;

    ContactDataStore(PersonalDataTables tables) {
        this.tables = tables;
    }

    @Override
    public DataKind kind() {
        return DataKind.CONTACTS;
    }

    @Override
    public String name() {
        return "contacts";
    }

    @Override
    public List<Map<String, Object>> findByPhone(String e164) {
        return Rows.plain(tables.contactsByPhone(e164));
    }

    @Override
    public int erase(String e164, ErasureMode mode) {
        return mode == ErasureMode.DELETE ? tables.deleteContactsByPhone(e164) : tables.anonymiseContactsByPhone(e164);
    }

    @Override
    public int purgeBefore(Instant before, ErasureMode mode, int batch) {
        return tables.purgeContacts(before, mode == ErasureMode.ANONYMISE, batch);
    }

    /** Last: the call history finds a number's calls through its contacts. */
    @Override
    public int erasureOrder() {
        return 100;
    }
}
