package com.evscallpro.db.recording;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code recording_policy} and {@code call_recording}. Lists are paged and sorted on indexed columns. */
@Repository
public class RecordingTables {

    /** A campaign's or queue's policy. */
    public record PolicyRow(String scope, long targetId, String mode, String consentPrompt, Integer retentionDays,
                            Instant updatedAt, String updatedBy) {
    }

    /** A recording. */
    public record RecordingRow(long id, String callId, String pbxCallId, String scope, Long targetId, Long agentUserId, Long siteId,
                               String serverId, String pbxPath, String state, Instant startedAt, Instant stoppedAt,
                               boolean paused, int pauseCount, int collectAttempts, String storageKey,
                               Integer durationMs, Long sizeBytes, String checksum, int retentionDays,
                               Instant purgeAfter) {
    }

    /** Sort keys → columns (the only strings that reach the ORDER BY). */
    public static final Map<String, String> SORTS = Map.of("startedAt", "started_at", "duration", "duration_ms",
            "state", "state", "callId", "call_id");

    private static final String COLUMNS = "id, call_id, pbx_call_id, scope, target_id, agent_user_id, site_id, server_id, pbx_path, "
            + "state, started_at, stopped_at, paused, pause_count, collect_attempts, storage_key, duration_ms, "
            + "size_bytes, checksum, retention_days, purge_after";

    private final JdbcClient jdbc;

    RecordingTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- policies

    public Optional<PolicyRow> policy(String scope, long targetId) {
        return jdbc.sql("SELECT * FROM recording_policy WHERE scope = ? AND target_id = ?").params(scope, targetId)
                .query(RecordingTables::policyRow).optional();
    }

    public void savePolicy(String scope, long targetId, String mode, String consentPrompt, Integer retentionDays,
                           String by) {
        jdbc.sql("""
                INSERT INTO recording_policy (scope, target_id, mode, consent_prompt, retention_days, updated_at,
                                              updated_by)
                VALUES (?, ?, ?, ?, ?, now(), ?)
                ON CONFLICT (scope, target_id) DO UPDATE SET mode = EXCLUDED.mode,
                    consent_prompt = EXCLUDED.consent_prompt, retention_days = EXCLUDED.retention_days,
                    updated_at = now(), updated_by = EXCLUDED.updated_by""")
                .params(scope, targetId, mode, consentPrompt, retentionDays, by).update();
    }

    /** The site a campaign (its site) or queue (its agent group's site) calls from; empty when it names none. */
    public Optional<Long> siteOf(String scope, long targetId) {
        String sql = "CAMPAIGN".equals(scope) ? "SELECT site_id FROM campaign WHERE id = ?"
                : "SELECT g.site_id FROM call_queue q JOIN agent_group g ON g.id = q.group_id WHERE q.id = ?";
        return jdbc.sql(sql).param(targetId).query((rs, n) -> rs.getObject(1, Long.class)).optional()
                .filter(java.util.Objects::nonNull);
    }

    // ---- recordings

    /** Inserts a RECORDING row; empty when the call has one already. */
    public Optional<Long> insert(String callId, String pbxCallId, String scope, Long targetId, Long agentUserId, Long siteId,
                                 String serverId, String pbxPath, Instant startedAt, int retentionDays,
                                 Instant purgeAfter) {
        return jdbc.sql("""
                INSERT INTO call_recording (call_id, pbx_call_id, scope, target_id, agent_user_id, site_id, server_id,
                                            pbx_path, started_at, retention_days, purge_after)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (call_id) DO NOTHING RETURNING id""")
                .params(callId, pbxCallId, scope, targetId, agentUserId, siteId, serverId, pbxPath, Timestamp.from(startedAt),
                        retentionDays, Timestamp.from(purgeAfter))
                .query(Long.class).optional();
    }

    public Optional<RecordingRow> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM call_recording WHERE id = ?").param(id)
                .query(RecordingTables::row).optional();
    }

    /** The RECORDING row of a call known to the PBX port as {@code pbxCallId} (ours may differ: inbound calls). */
    public Optional<RecordingRow> runningByPbxCall(String pbxCallId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM call_recording WHERE pbx_call_id = ? AND state = 'RECORDING'")
                .param(pbxCallId).query(RecordingTables::row).optional();
    }

    public Optional<RecordingRow> byCall(String callId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM call_recording WHERE call_id = ?").param(callId)
                .query(RecordingTables::row).optional();
    }

    public boolean setPaused(long id, boolean paused) {
        return jdbc.sql("UPDATE call_recording SET paused = ?, pause_count = pause_count + CASE WHEN ? THEN 1 ELSE 0 END "
                        + "WHERE id = ? AND state = 'RECORDING' AND paused <> ?")
                .params(paused, paused, id, paused).update() == 1;
    }

    /** RECORDING → STOPPED; answers whether it changed. */
    public boolean stop(long id, Instant at) {
        return jdbc.sql("UPDATE call_recording SET state = 'STOPPED', stopped_at = ?, paused = false "
                        + "WHERE id = ? AND state = 'RECORDING'")
                .params(Timestamp.from(at), id).update() == 1;
    }

    /** RECORDING rows started before {@code before} (their end was missed: a restart) become STOPPED; how many. */
    public int stopStale(Instant before, Instant at) {
        return jdbc.sql("UPDATE call_recording SET state = 'STOPPED', stopped_at = ?, paused = false "
                        + "WHERE state = 'RECORDING' AND started_at < ?")
                .params(Timestamp.from(at), Timestamp.from(before)).update();
    }

    /** STOPPED recordings stopped before {@code before}, oldest first. */
    public List<RecordingRow> toCollect(Instant before, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM call_recording WHERE state = 'STOPPED' AND stopped_at <= ? "
                        + "ORDER BY stopped_at, id LIMIT ?")
                .params(Timestamp.from(before), limit).query(RecordingTables::row).list();
    }

    public boolean stored(long id, String storageKey, int durationMs, long sizeBytes, String checksum) {
        return jdbc.sql("UPDATE call_recording SET state = 'STORED', storage_key = ?, duration_ms = ?, size_bytes = ?, "
                        + "checksum = ? WHERE id = ? AND state = 'STOPPED'")
                .params(storageKey, durationMs, sizeBytes, checksum, id).update() == 1;
    }

    /** One more failed collect; MISSING once {@code maxAttempts} is reached. Answers the new state. */
    public String collectFailed(long id, int maxAttempts) {
        return jdbc.sql("UPDATE call_recording SET collect_attempts = collect_attempts + 1, "
                        + "state = CASE WHEN collect_attempts + 1 >= ? THEN 'MISSING' ELSE state END "
                        + "WHERE id = ? RETURNING state")
                .params(maxAttempts, id).query(String.class).single();
    }

    /** Recordings whose retention ended before {@code now}, oldest first. */
    public List<RecordingRow> expired(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM call_recording WHERE purge_after < ? "
                        + "ORDER BY purge_after, id LIMIT ?")
                .params(Timestamp.from(now), limit).query(RecordingTables::row).list();
    }

    /**
     * The recordings of the calls a number took part in (the call history's caller or callee, or the contact of the
     * call), oldest first: what a person's access or erasure request finds.
     */
    public List<RecordingRow> byPhone(String e164) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM call_recording WHERE call_id IN ("
                        + "SELECT h.call_id FROM call_history h WHERE h.caller = :p OR h.callee = :p "
                        + "OR h.contact_id IN (SELECT id FROM contact WHERE phone_e164 = :p)) ORDER BY started_at, id")
                .param("p", e164).query(RecordingTables::row).list();
    }

    /** At most {@code limit} recordings started before {@code before}, oldest first. */
    public List<RecordingRow> startedBefore(Instant before, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM call_recording WHERE started_at < ? ORDER BY started_at, id LIMIT ?")
                .params(Timestamp.from(before), limit).query(RecordingTables::row).list();
    }

    public boolean delete(long id) {
        return jdbc.sql("DELETE FROM call_recording WHERE id = ?").param(id).update() == 1;
    }

    /**
     * One page.
     *
     * @param agentUserId null = everyone's; else only that agent's calls
     * @param states      null or empty = every state
     * @param callId      null = any; else a part of the call id
     */
    public List<RecordingRow> search(Long agentUserId, List<String> states, String scope, Long targetId,
                                     Instant from, Instant to, String callId, String sort, boolean descending,
                                     int offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(agentUserId, states, scope, targetId, from, to, callId, params);
        String column = SORTS.getOrDefault(sort, "started_at");
        String dir = descending ? "DESC" : "ASC";
        params.add(limit);
        params.add(offset);
        return jdbc.sql("SELECT " + COLUMNS + " FROM call_recording" + where + " ORDER BY " + column + " " + dir
                        + " NULLS LAST, id " + dir + " LIMIT ? OFFSET ?")
                .params(params).query(RecordingTables::row).list();
    }

    public long count(Long agentUserId, List<String> states, String scope, Long targetId, Instant from, Instant to,
                      String callId) {
        List<Object> params = new ArrayList<>();
        return jdbc.sql("SELECT count(*) FROM call_recording"
                        + where(agentUserId, states, scope, targetId, from, to, callId, params))
                .params(params).query(Long.class).single();
    }

    private static String where(Long agentUserId, List<String> states, String scope, Long targetId, Instant from,
                                Instant to, String callId, List<Object> params) {
        List<String> parts = new ArrayList<>();
        if (agentUserId != null) {
            parts.add("agent_user_id = ?");
            params.add(agentUserId);
        }
        if (states != null && !states.isEmpty()) {
            parts.add("state = ANY (?)");
            params.add(states.toArray(String[]::new));
        }
        if (scope != null) {
            parts.add("scope = ?");
            params.add(scope);
        }
        if (targetId != null) {
            parts.add("target_id = ?");
            params.add(targetId);
        }
        if (from != null) {
            parts.add("started_at >= ?");
            params.add(Timestamp.from(from));
        }
        if (to != null) {
            parts.add("started_at < ?");
            params.add(Timestamp.from(to));
        }
        if (callId != null && !callId.isBlank()) {
            parts.add("call_id LIKE ?");
            params.add("%" + callId.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts);
    }

    private static PolicyRow policyRow(ResultSet rs, int n) throws SQLException {
        return new PolicyRow(rs.getString("scope"), rs.getLong("target_id"), rs.getString("mode"),
                rs.getString("consent_prompt"), rs.getObject("retention_days", Integer.class),
                instant(rs, "updated_at"), rs.getString("updated_by"));
    }

    private static RecordingRow row(ResultSet rs, int n) throws SQLException {
        return new RecordingRow(rs.getLong("id"), rs.getString("call_id"), rs.getString("pbx_call_id"),
                rs.getString("scope"),
                rs.getObject("target_id", Long.class), rs.getObject("agent_user_id", Long.class),
                rs.getObject("site_id", Long.class), rs.getString("server_id"), rs.getString("pbx_path"),
                rs.getString("state"), instant(rs, "started_at"), instant(rs, "stopped_at"), rs.getBoolean("paused"),
                rs.getInt("pause_count"), rs.getInt("collect_attempts"), rs.getString("storage_key"),
                rs.getObject("duration_ms", Integer.class), rs.getObject("size_bytes", Long.class),
                rs.getString("checksum"), rs.getInt("retention_days"), instant(rs, "purge_after"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
