package com.evscallpro.core.voicemail;

import com.evscallpro.core.privacy.DataKind;
import com.evscallpro.core.privacy.ErasureMode;
import com.evscallpro.core.privacy.PersonalDataStore;
import com.evscallpro.db.voicemail.VoicemailTables;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Voicemails as personal data (the caller's voice and number): found and exported by the caller's number (without
 * the audio), erased on request, and purged past the VOICEMAIL retention period by core.privacy's daily purge. A
 * voicemail cannot be anonymised (the voice is the data): both modes delete.
 */
@Component
class VoicemailDataStore implements PersonalDataStore {

    private final VoicemailTables tables;

    VoicemailDataStore(VoicemailTables tables) {
        this.tables = tables;
    }

    @Override
    public DataKind kind() {
        return DataKind.VOICEMAIL;
    }

    @Override
    public String name() {
        return "voicemails";
    }

    @Override
    public List<Map<String, Object>> findByPhone(String e164) {
        return tables.byCaller(e164).stream().map(VoicemailDataStore::plain).toList();
    }

    @Override
    public int erase(String e164, ErasureMode mode) {
        return tables.deleteByCaller(e164);
    }

    @Override
    public int purgeBefore(Instant before, ErasureMode mode, int batch) {
        return tables.purge(before, batch);
    }

    private static Map<String, Object> plain(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((k, v) -> out.put(k, v instanceof Timestamp t ? t.toInstant() : v));
        return out;
    }
}
