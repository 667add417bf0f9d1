package com.evscallpro.db.prompt;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes prompts and their audio; lists never read the audio bytes. */
@Repository
public class PromptTables {

    /** A prompt row. */
    public record PromptRow(long id, String name, String description, String createdBy, Instant createdAt,
                            String updatedBy, Instant updatedAt, int version) {
    }

    /** One language's audio, without its bytes. */
    public record AudioRow(long promptId, String language, String checksum, int sizeBytes, int durationMs,
                           String sourceFormat, String sourceName, String uploadedBy, Instant uploadedAt) {
    }

    private static final String AUDIO_COLUMNS = "prompt_id, language, checksum, size_bytes, duration_ms, "
            + "source_format, source_name, uploaded_by, uploaded_at";

    private final JdbcClient jdbc;

    PromptTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<PromptRow> prompts() {
        return jdbc.sql("SELECT * FROM prompt ORDER BY name").query(PromptTables::prompt).list();
    }

    public Optional<PromptRow> byName(String name) {
        return jdbc.sql("SELECT * FROM prompt WHERE name = ?").param(name).query(PromptTables::prompt).optional();
    }

    /** The names among {@code names} that exist. */
    public List<String> existing(List<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT name FROM prompt WHERE name = ANY (?)")
                .param(names.toArray(String[]::new)).query(String.class).list();
    }

    public long insert(String name, String description, String by) {
        return jdbc.sql("INSERT INTO prompt (name, description, created_by, updated_by) VALUES (?, ?, ?, ?) "
                + "RETURNING id").params(name, description, by, by).query(Long.class).single();
    }

    public void updateDescription(long id, String description, String by) {
        jdbc.sql("UPDATE prompt SET description = ?, updated_by = ?, updated_at = now() WHERE id = ?")
                .params(description, by, id).update();
    }

    public void touch(long id, String by) {
        jdbc.sql("UPDATE prompt SET updated_by = ?, updated_at = now() WHERE id = ?").params(by, id).update();
    }

    public int delete(long id) {
        return jdbc.sql("DELETE FROM prompt WHERE id = ?").param(id).update();
    }

    public List<AudioRow> audio() {
        return jdbc.sql("SELECT " + AUDIO_COLUMNS + " FROM prompt_audio ORDER BY prompt_id, language")
                .query(PromptTables::audioRow).list();
    }

    public List<AudioRow> audioOf(long promptId) {
        return jdbc.sql("SELECT " + AUDIO_COLUMNS + " FROM prompt_audio WHERE prompt_id = ? ORDER BY language")
                .param(promptId).query(PromptTables::audioRow).list();
    }

    public Optional<byte[]> audioBytes(long promptId, String language) {
        return jdbc.sql("SELECT audio FROM prompt_audio WHERE prompt_id = ? AND language = ?")
                .params(promptId, language).query((rs, n) -> rs.getBytes(1)).optional();
    }

    public void putAudio(long promptId, String language, byte[] audio, String checksum, int durationMs,
                         String sourceFormat, String sourceName, String by) {
        jdbc.sql("""
                INSERT INTO prompt_audio (prompt_id, language, audio, checksum, size_bytes, duration_ms, source_format,
                                          source_name, uploaded_by, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, now())
                ON CONFLICT (prompt_id, language) DO UPDATE SET audio = EXCLUDED.audio, checksum = EXCLUDED.checksum,
                    size_bytes = EXCLUDED.size_bytes, duration_ms = EXCLUDED.duration_ms,
                    source_format = EXCLUDED.source_format, source_name = EXCLUDED.source_name,
                    uploaded_by = EXCLUDED.uploaded_by, uploaded_at = now()""")
                .params(promptId, language, audio, checksum, audio.length, durationMs, sourceFormat, sourceName, by)
                .update();
    }

    public int deleteAudio(long promptId, String language) {
        return jdbc.sql("DELETE FROM prompt_audio WHERE prompt_id = ? AND language = ?").params(promptId, language)
                .update();
    }

    /** A published flow's name and BPMN (read only: core.flow owns these tables), to find the prompts it uses. */
    public record PublishedFlow(String name, String bpmnXml) {
    }

    public List<PublishedFlow> publishedFlows() {
        return jdbc.sql("""
                SELECT f.name, v.bpmn_xml FROM flow f JOIN flow_version v ON v.flow_id = f.id
                WHERE v.status = 'PUBLISHED' ORDER BY f.name""")
                .query((rs, n) -> new PublishedFlow(rs.getString(1), rs.getString(2))).list();
    }

    private static PromptRow prompt(ResultSet rs, int n) throws SQLException {
        return new PromptRow(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
                rs.getString("created_by"), instant(rs, "created_at"), rs.getString("updated_by"),
                instant(rs, "updated_at"), rs.getInt("version"));
    }

    private static AudioRow audioRow(ResultSet rs, int n) throws SQLException {
        return new AudioRow(rs.getLong("prompt_id"), rs.getString("language"), rs.getString("checksum"),
                rs.getInt("size_bytes"), rs.getInt("duration_ms"), rs.getString("source_format"),
                rs.getString("source_name"), rs.getString("uploaded_by"), instant(rs, "uploaded_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
