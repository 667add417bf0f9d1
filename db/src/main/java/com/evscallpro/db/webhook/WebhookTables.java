package com.evscallpro.db.webhook;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes webhook endpoints and deliveries. */
@Repository
public class WebhookTables {

    public record EndpointRow(long id, String name, String url, List<String> events, String secretSealed,
                              boolean active, Instant createdAt, int version) {
    }

    public record DeliveryRow(long id, long endpointId, String endpointName, UUID eventId, String eventType,
                              String payload, String status, int attempts, Instant nextAttemptAt, Integer lastStatus,
                              String lastError, Instant createdAt, Instant deliveredAt) {
    }

    private final JdbcClient jdbc;

    WebhookTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insertEndpoint(String name, String url, List<String> events, String secretSealed) {
        return jdbc.sql("""
                INSERT INTO webhook_endpoint (name, url, events, secret_sealed) VALUES (?, ?, ?::text[], ?)
                RETURNING id""").params(name, url, "{" + String.join(",", events) + "}", secretSealed)
                .query(Long.class).single();
    }

    public boolean nameTaken(String name) {
        return jdbc.sql("SELECT count(*) FROM webhook_endpoint WHERE lower(name) = lower(?)").param(name)
                .query(Long.class).single() > 0;
    }

    public List<EndpointRow> endpoints() {
        return jdbc.sql("SELECT * FROM webhook_endpoint ORDER BY name").query(WebhookTables::endpoint).list();
    }

    public Optional<EndpointRow> endpoint(long id) {
        return jdbc.sql("SELECT * FROM webhook_endpoint WHERE id = ?").param(id).query(WebhookTables::endpoint)
                .optional();
    }

    /** The active endpoints subscribed to the event type. */
    public List<EndpointRow> subscribers(String eventType) {
        return jdbc.sql("SELECT * FROM webhook_endpoint WHERE active AND ? = ANY (events) ORDER BY id")
                .param(eventType).query(WebhookTables::endpoint).list();
    }

    public int setActive(long id, boolean active) {
        return jdbc.sql("UPDATE webhook_endpoint SET active = ? WHERE id = ?").params(active, id).update();
    }

    /** Replaces the name, URL and events (the secret and the active flag stay). */
    public int updateEndpoint(long id, String name, String url, List<String> events) {
        return jdbc.sql("UPDATE webhook_endpoint SET name = ?, url = ?, events = ?::text[] WHERE id = ?")
                .params(name, url, "{" + String.join(",", events) + "}", id).update();
    }

    /** Whether another endpoint than {@code id} has this name (case-insensitive). */
    public boolean nameTakenByOther(String name, long id) {
        return jdbc.sql("SELECT count(*) FROM webhook_endpoint WHERE lower(name) = lower(?) AND id <> ?")
                .params(name, id).query(Long.class).single() > 0;
    }

    public int deleteEndpoint(long id) {
        return jdbc.sql("DELETE FROM webhook_endpoint WHERE id = ?").param(id).update();
    }

    public void enqueue(long endpointId, UUID eventId, String eventType, String payload) {
        jdbc.sql("""
                INSERT INTO webhook_delivery (endpoint_id, event_id, event_type, payload) VALUES (?, ?, ?, ?)
                ON CONFLICT (endpoint_id, event_id) DO NOTHING""").params(endpointId, eventId, eventType, payload)
                .update();
    }

    /**
     * Claims up to {@code limit} due deliveries: their next attempt moves to {@code leaseUntil} so that another node
     * (or this one) does not take them meanwhile. Call inside a transaction (the rows are locked, skipped by others).
     */
    public List<DeliveryRow> claimDue(Instant now, Instant leaseUntil, int limit) {
        return jdbc.sql("""
                UPDATE webhook_delivery d SET next_attempt_at = :lease FROM webhook_endpoint e
                WHERE e.id = d.endpoint_id AND d.id IN (
                    SELECT id FROM webhook_delivery WHERE status = 'PENDING' AND next_attempt_at <= :now
                    ORDER BY next_attempt_at, id LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING d.*, e.name AS endpoint_name""")
                .param("lease", Timestamp.from(leaseUntil)).param("now", Timestamp.from(now)).param("limit", limit)
                .query(WebhookTables::delivery).list();
    }

    public void delivered(long id, int attempts, int httpStatus, Instant at) {
        jdbc.sql("""
                UPDATE webhook_delivery SET status = 'DELIVERED', attempts = ?, last_status = ?, last_error = NULL,
                       delivered_at = ? WHERE id = ?""").params(attempts, httpStatus, Timestamp.from(at), id).update();
    }

    /** A failed attempt: PENDING again at {@code next}, or FAILED when {@code next} is null. */
    public void attemptFailed(long id, int attempts, Integer httpStatus, String error, Instant next) {
        jdbc.sql("""
                UPDATE webhook_delivery SET status = ?, attempts = ?, last_status = ?, last_error = ?,
                       next_attempt_at = coalesce(?, next_attempt_at) WHERE id = ?""")
                .params(next == null ? "FAILED" : "PENDING", attempts, httpStatus, error,
                        next == null ? null : Timestamp.from(next), id).update();
    }

    /** Sends a delivery again now (a FAILED one gets its attempts back). */
    public int retry(long id, Instant now) {
        return jdbc.sql("""
                UPDATE webhook_delivery SET status = 'PENDING', next_attempt_at = ?,
                       attempts = CASE WHEN status = 'FAILED' THEN 0 ELSE attempts END
                WHERE id = ? AND status <> 'DELIVERED'""").params(Timestamp.from(now), id).update();
    }

    /** Newest first; a null endpoint lists every delivery. */
    public List<DeliveryRow> deliveries(Long endpointId, int offset, int limit) {
        return jdbc.sql("""
                SELECT d.*, e.name AS endpoint_name FROM webhook_delivery d JOIN webhook_endpoint e
                  ON e.id = d.endpoint_id
                WHERE CAST(:e AS bigint) IS NULL OR d.endpoint_id = :e
                ORDER BY d.created_at DESC, d.id DESC LIMIT :limit OFFSET :offset""")
                .param("e", endpointId).param("limit", limit).param("offset", offset)
                .query(WebhookTables::delivery).list();
    }

    public Optional<DeliveryRow> delivery(long id) {
        return jdbc.sql("""
                SELECT d.*, e.name AS endpoint_name FROM webhook_delivery d JOIN webhook_endpoint e
                  ON e.id = d.endpoint_id WHERE d.id = ?""").param(id).query(WebhookTables::delivery).optional();
    }

    // ---- the campaigns' CRM link

    public Optional<String> crmUrlTemplate(long campaignId) {
        return jdbc.sql("SELECT crm_url_template FROM campaign WHERE id = ?").param(campaignId)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(o -> o);
    }

    public int setCrmUrlTemplate(long campaignId, String template) {
        return jdbc.sql("UPDATE campaign SET crm_url_template = ?, updated_at = now() WHERE id = ?")
                .params(template, campaignId).update();
    }

    // ---- what the payloads carry

    /** The contact's campaign, number and last outcome, if it still exists. */
    public Optional<java.util.Map<String, Object>> contactFacts(long contactId) {
        return jdbc.sql("""
                SELECT id, campaign_id, phone_e164, status, last_outcome, last_qualification_code
                FROM contact WHERE id = ?""").param(contactId).query().listOfRows().stream().findFirst();
    }

    private static EndpointRow endpoint(ResultSet rs, int n) throws SQLException {
        Array events = rs.getArray("events");
        return new EndpointRow(rs.getLong("id"), rs.getString("name"), rs.getString("url"),
                Arrays.asList((String[]) events.getArray()), rs.getString("secret_sealed"), rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant(), rs.getInt("version"));
    }

    private static DeliveryRow delivery(ResultSet rs, int n) throws SQLException {
        Timestamp delivered = rs.getTimestamp("delivered_at");
        Integer status = rs.getObject("last_status", Integer.class);
        return new DeliveryRow(rs.getLong("id"), rs.getLong("endpoint_id"), rs.getString("endpoint_name"),
                rs.getObject("event_id", UUID.class), rs.getString("event_type"), rs.getString("payload"),
                rs.getString("status"), rs.getInt("attempts"), rs.getTimestamp("next_attempt_at").toInstant(),
                status, rs.getString("last_error"), rs.getTimestamp("created_at").toInstant(),
                delivered == null ? null : delivered.toInstant());
    }
}
