package com.evscallpro.db.voicemail;

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

/**
 * Voicemail rows. Lists never read the audio; the purge deletes by batches of ids, each in its own short statement.
 */
@Repository
public class VoicemailTables {

    /** A voicemail without its audio. */
    public record VoicemailRow(long id, String callId, String callerNumber, String did, String mailboxLabel,
                               Long groupId, Instant recordedAt, int durationMs, String checksum, int sizeBytes,
                               String sourcePath, String state, String heardBy, Instant heardAt, String archivedBy,
                               Instant archivedAt) {
    }

    /** Sort keys → columns (the only strings that reach the ORDER BY). */
    public static final Map<String, String> SORTS = Map.of("recordedAt", "recorded_at", "caller", "caller_number",
            "did", "did", "mailbox", "mailbox_label", "duration", "duration_ms", "state", "state");

    private static final String COLUMNS = "id, call_id, caller_number, did, mailbox_label, group_id, recorded_at, "
            + "duration_ms, checksum, size_bytes, source_path, state, heard_by, heard_at, archived_by, archived_at";

    private final JdbcClient jdbc;

    VoicemailTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Long> idOfCall(String callId) {
        return jdbc.sql("SELECT id FROM voicemail WHERE call_id = ?").param(callId).query(Long.class).optional();
    }

    public long insert(String callId, String callerNumber, String did, String mailboxLabel, Long groupId,
                       Instant recordedAt, int durationMs, byte[] audio, String checksum, String sourcePath) {
        return jdbc.sql("""
                INSERT INTO voicemail (call_id, caller_number, did, mailbox_label, group_id, recorded_at, duration_ms,
                                       audio, checksum, size_bytes, source_path)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(callId, callerNumber, did, mailboxLabel, groupId, Timestamp.from(recordedAt), durationMs,
                        audio, checksum, audio.length, sourcePath)
                .query(Long.class).single();
    }

    public Optional<VoicemailRow> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM voicemail WHERE id = ?").param(id)
                .query(VoicemailTables::row).optional();
    }

    public Optional<byte[]> audio(long id) {
        return jdbc.sql("SELECT audio FROM voicemail WHERE id = ?").param(id).query((rs, n) -> rs.getBytes(1))
                .optional();
    }

    /**
     * One page, newest first unless sorted otherwise.
     *
     * @param states null or empty = every state
     * @param text   null = no filter; else a part of the caller number, DID or mailbox
     * @param sort   a key of {@link #SORTS} (else recordedAt)
     */
    public List<VoicemailRow> search(List<String> states, String text, String sort, boolean descending, int offset,
                                     int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(states, text, params);
        String column = SORTS.getOrDefault(sort, "recorded_at");
        String dir = descending ? "DESC" : "ASC";
        params.add(limit);
        params.add(offset);
        return jdbc.sql("SELECT " + COLUMNS + " FROM voicemail" + where + " ORDER BY " + column + " " + dir
                        + " NULLS LAST, id " + dir + " LIMIT ? OFFSET ?")
                .params(params).query(VoicemailTables::row).list();
    }

    public long count(List<String> states, String text) {
        List<Object> params = new ArrayList<>();
        return jdbc.sql("SELECT count(*) FROM voicemail" + where(states, text, params)).params(params)
                .query(Long.class).single();
    }

    private static String where(List<String> states, String text, List<Object> params) {
        List<String> parts = new ArrayList<>();
        if (states != null && !states.isEmpty()) {
            parts.add("state = ANY (?)");
            params.add(states.toArray(String[]::new));
        }
        if (text != null && !text.isBlank()) {
            parts.add("(caller_number LIKE ? OR did LIKE ? OR lower(mailbox_label) LIKE ?)");
            String like = "%" + text.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%";
            params.add(like);
            params.add(like);
            params.add(like);
        }
        return parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts);
    }

    /** NEW → HEARD (a heard or archived one stays as it is); answers whether it changed. */
    public boolean markHeard(long id, String by, Instant at) {
        return jdbc.sql("UPDATE voicemail SET state = 'HEARD', heard_by = ?, heard_at = ? WHERE id = ? AND state = 'NEW'")
                .params(by, Timestamp.from(at), id).update() == 1;
    }

    /** Any state → ARCHIVED (the first listener is kept); answers whether it changed. */
    public boolean archive(long id, String by, Instant at) {
        return jdbc.sql("UPDATE voicemail SET state = 'ARCHIVED', archived_by = ?, archived_at = ? "
                        + "WHERE id = ? AND state <> 'ARCHIVED'")
                .params(by, Timestamp.from(at), id).update() == 1;
    }

    // ---- personal data (core.privacy)

    public List<Map<String, Object>> byCaller(String e164) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM voicemail WHERE caller_number = ? ORDER BY id").param(e164)
                .query().listOfRows();
    }

    public int deleteByCaller(String e164) {
        return jdbc.sql("DELETE FROM voicemail WHERE caller_number = ?").param(e164).update();
    }

    public int purge(Instant before, int batch) {
        return jdbc.sql("""
                DELETE FROM voicemail WHERE id IN (
                    SELECT id FROM voicemail WHERE recorded_at < ? ORDER BY recorded_at, id LIMIT ?)""")
                .params(Timestamp.from(before), batch).update();
    }

    private static VoicemailRow row(ResultSet rs, int n) throws SQLException {
        Long group = rs.getObject("group_id", Long.class);
        return new VoicemailRow(rs.getLong("id"), rs.getString("call_id"), rs.getString("caller_number"),
                rs.getString("did"), rs.getString("mailbox_label"), group,
                instant(rs, "recorded_at"), rs.getInt("duration_ms"), rs.getString("checksum"),
                rs.getInt("size_bytes"), rs.getString("source_path"), rs.getString("state"), rs.getString("heard_by"),
                instant(rs, "heard_at"), rs.getString("archived_by"), instant(rs, "archived_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
