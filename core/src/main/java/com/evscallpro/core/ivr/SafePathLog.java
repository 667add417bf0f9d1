package com.evscallpro.core.ivr;

import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every safe path taken, logged and stored (table {@code ivr_safe_path_event}); counted per reason since start too,
 * for the metrics. Storing never throws: the database may be what failed, and the caller must still be served.
 */
@Component
public class SafePathLog {

    private static final Logger log = LoggerFactory.getLogger(SafePathLog.class);

    private final JdbcTemplate jdbc;
    private final Map<SafePathReason, java.util.concurrent.atomic.AtomicLong> counts =
            new EnumMap<>(SafePathReason.class);

    SafePathLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        for (SafePathReason r : SafePathReason.values()) {
            counts.put(r, new java.util.concurrent.atomic.AtomicLong());
        }
    }

    public void record(String callId, String did, SafePathReason reason, String detail) {
        counts.get(reason).incrementAndGet();
        log.warn("IVR call {} on DID {}: safe path ({}){}", callId, did, reason, detail == null ? "" : ": " + detail);
        try {
            jdbc.update("INSERT INTO ivr_safe_path_event (call_id, did, reason, detail) VALUES (?, ?, ?, ?)", callId,
                    did, reason.name(), detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500));
        } catch (RuntimeException e) {
            log.warn("IVR call {}: the safe path event could not be stored: {}", callId, e.toString());
        }
    }

    /** Safe paths taken for this reason since this node started. */
    public long count(SafePathReason reason) {
        return counts.get(reason).get();
    }

    /** Stored events for a call (tests, the call's detail). */
    public java.util.List<SafePathReason> reasonsFor(String callId) {
        return jdbc.queryForList("SELECT reason FROM ivr_safe_path_event WHERE call_id = ? ORDER BY id", String.class,
                callId).stream().map(SafePathReason::valueOf).toList();
    }
}
