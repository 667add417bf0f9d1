package com.evscallpro.core.privacy;

import com.evscallpro.db.privacy.PersonalDataTables;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Call detail records and the journeys' technical failures (which name no number, only the contact). */
@Component
class CallHistoryDataStore implements PersonalDataStore {

    private final PersonalDataTables tables;

    CallHistoryDataStore(PersonalDataTables tables) {
        this.tables = tables;
    }

    @Override
    public DataKind kind() {
        return DataKind.CALL_RECORDS;
    }

    @Override
    public String name() {
        return "calls";
    }

    @Override
    public List<Map<String, Object>> findByPhone(String e164) {
        return Rows.plain(tables.callsByPhone(e164));
    }

    @Override
    public int erase(String e164, ErasureMode mode) {
        return mode == ErasureMode.DELETE ? tables.deleteCallsByPhone(e164) : tables.anonymiseCallsByPhone(e164);
    }

    @Override
    public int purgeBefore(Instant before, ErasureMode mode, int batch) {
        return tables.purgeCalls(before, mode == ErasureMode.ANONYMISE, batch)
                + tables.purgeTechnicalFailures(before, batch);
    }
}
