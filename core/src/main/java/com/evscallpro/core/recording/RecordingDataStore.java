package com.evscallpro.core.recording;

import com.evscallpro.core.privacy.DataKind;
import com.evscallpro.core.privacy.ErasureMode;
import com.evscallpro.core.privacy.PersonalDataStore;
import com.evscallpro.db.recording.RecordingTables;
import com.evscallpro.db.recording.RecordingTables.RecordingRow;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Call recordings as personal data (a person's voice): found by number through the calls they belong to (the call
 * history's caller or callee, or the call's contact), exported without the audio, erased on request and purged past
 * the RECORDINGS retention period by core.privacy's daily purge, a ceiling over the campaign's or queue's own
 * retention (which {@link RecordingService#purgeExpired()} applies). A voice cannot be anonymised: both modes delete
 * the audio and the row. Runs before the call history's store, whose rows it finds its recordings through.
 */
@Component
class RecordingDataStore implements PersonalDataStore {

    private final RecordingTables tables;
    private final RecordingServiceImpl recordings;

    RecordingDataStore(RecordingTables tables, RecordingServiceImpl recordings) {
        this.tables = tables;
        this.recordings = recordings;
    }

    @Override
    public DataKind kind() {
        return DataKind.RECORDINGS;
    }

    @Override
    public String name() {
        return "recordings";
    }

    @Override
    public List<Map<String, Object>> findByPhone(String e164) {
        return tables.byPhone(e164).stream().map(RecordingDataStore::plain).toList();
    }

    @Override
    public int erase(String e164, ErasureMode mode) {
        return remove(tables.byPhone(e164), "erase", " (privacy request)");
    }

    @Override
    public int purgeBefore(Instant before, ErasureMode mode, int batch) {
        return remove(tables.startedBefore(before, batch), "purge", " (privacy retention)");
    }

    /** Before the call history (order 0), whose rows lead to the recordings. */
    @Override
    public int erasureOrder() {
        return -10;
    }

    private int remove(List<RecordingRow> rows, String action, String why) {
        int n = 0;
        for (RecordingRow r : rows) {
            if (recordings.remove(r, action, why)) {
                n++;
            }
        }
        return n;
    }

    private static Map<String, Object> plain(RecordingRow r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.id());
        out.put("call_id", r.callId());
        out.put("started_at", r.startedAt());
        out.put("stopped_at", r.stoppedAt());
        out.put("duration_ms", r.durationMs());
        out.put("state", r.state());
        out.put("scope", r.scope());
        out.put("target_id", r.targetId());
        out.put("agent_user_id", r.agentUserId());
        out.put("pause_count", r.pauseCount());
        out.put("purge_after", r.purgeAfter());
        return out;
    }
}
