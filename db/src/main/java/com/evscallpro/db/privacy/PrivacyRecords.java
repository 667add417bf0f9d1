package com.evscallpro.db.privacy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Retention periods, purge runs, request proofs and the number-hash key. */
@Repository
public class PrivacyRecords {

    public record RetentionRow(String dataKind, int retentionDays, String mode, Instant updatedAt, String updatedBy) {
    }

    public record PurgeRunRow(long id, Instant startedAt, Instant endedAt, String node, String trigger, String status,
                              String counts, String error) {
    }

    public record RequestRow(long id, Instant at, String actorName, String kind, String phoneHash, String found,
                             String done) {
    }

    private final JdbcClient jdbc;

    PrivacyRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<RetentionRow> retention() {
        return jdbc.sql("SELECT * FROM retention_policy ORDER BY data_kind").query((rs, n) -> new RetentionRow(
                rs.getString("data_kind"), rs.getInt("retention_days"), rs.getString("mode"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"))).list();
    }

    public int updateRetention(String kind, int days, String mode, String by) {
        return jdbc.sql("""
                UPDATE retention_policy SET retention_days = ?, mode = ?, updated_at = now(), updated_by = ?
                WHERE data_kind = ?""").params(days, mode, by, kind).update();
    }

    public long startRun(Instant at, String node, String trigger, String status) {
        return jdbc.sql("""
                INSERT INTO purge_run (started_at, node, trigger, status) VALUES (?, ?, ?, ?) RETURNING id""")
                .params(Timestamp.from(at), node, trigger, status).query(Long.class).single();
    }

    public void endRun(long id, Instant at, String status, String countsJson, String error) {
        jdbc.sql("UPDATE purge_run SET ended_at = ?, status = ?, counts = CAST(? AS jsonb), error = ? WHERE id = ?")
                .params(Timestamp.from(at), status, countsJson, error, id).update();
    }

    public List<PurgeRunRow> runs(int offset, int limit) {
        return jdbc.sql("""
                SELECT id, started_at, ended_at, node, trigger, status, counts::text AS counts, error FROM purge_run
                ORDER BY started_at DESC, id DESC LIMIT ? OFFSET ?""").params(limit, offset)
                .query((rs, n) -> new PurgeRunRow(rs.getLong("id"), rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("ended_at") == null ? null : rs.getTimestamp("ended_at").toInstant(),
                        rs.getString("node"), rs.getString("trigger"), rs.getString("status"),
                        rs.getString("counts"), rs.getString("error"))).list();
    }

    public long insertRequest(Instant at, String actor, String kind, String phoneHash, String foundJson,
                              String doneJson) {
        return jdbc.sql("""
                INSERT INTO privacy_request (at, actor_name, kind, phone_hash, found, done)
                VALUES (?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb)) RETURNING id""")
                .params(Timestamp.from(at), actor, kind, phoneHash, foundJson, doneJson).query(Long.class).single();
    }

    /** Newest first; a null hash lists every request. */
    public List<RequestRow> requests(String phoneHash, int offset, int limit) {
        return jdbc.sql("""
                SELECT id, at, actor_name, kind, phone_hash, found::text AS found, done::text AS done
                FROM privacy_request WHERE CAST(:h AS varchar) IS NULL OR phone_hash = :h
                ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset""")
                .param("h", phoneHash).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new RequestRow(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                        rs.getString("actor_name"), rs.getString("kind"), rs.getString("phone_hash"),
                        rs.getString("found"), rs.getString("done"))).list();
    }

    public Optional<String> hashKey() {
        return jdbc.sql("SELECT sealed FROM privacy_key WHERE id = 1").query(String.class).optional();
    }

    /** Stores the key unless another node stored one first. */
    public void insertHashKeyIfAbsent(String sealed) {
        jdbc.sql("INSERT INTO privacy_key (id, sealed) VALUES (1, ?) ON CONFLICT (id) DO NOTHING").param(sealed)
                .update();
    }
}
