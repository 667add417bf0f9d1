package com.evscallpro.db.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The personal data of the contact, call history and audit tables, by phone number (E.164) or by age. Purges work
 * by batches of ids ({@code DELETE ... WHERE id IN (SELECT id ... LIMIT n)}), each in its own short transaction, so a
 * big table is never locked for long.
 */
@Repository
public class PersonalDataTables {

    private final JdbcClient jdbc;

    PersonalDataTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- contacts (callbacks are contacts in status CALLBACK)

    public List<Map<String, Object>> contactsByPhone(String e164) {
        return jdbc.sql("""
                SELECT c.id, c.campaign_id, k.name AS campaign, c.first_name, c.last_name, c.phone_e164,
                       c.custom_fields::text AS custom_fields, c.status, c.attempts, c.next_attempt_at,
                       c.last_outcome, c.last_qualification_code, c.created_at, c.updated_at
                FROM contact c JOIN campaign k ON k.id = c.campaign_id
                WHERE c.phone_e164 = ? ORDER BY c.id""").param(e164).query().listOfRows();
    }

    public int deleteContactsByPhone(String e164) {
        return jdbc.sql("DELETE FROM contact WHERE phone_e164 = ?").param(e164).update();
    }

    /** Names, custom fields and number removed; the number becomes a unique placeholder (+99 and the id). */
    public int anonymiseContactsByPhone(String e164) {
        return jdbc.sql(ANONYMISE_CONTACT + " WHERE phone_e164 = ?").param(e164).update();
    }

    private static final String ANONYMISE_CONTACT = """
            UPDATE contact SET first_name = NULL, last_name = NULL, custom_fields = '{}',
                   phone_e164 = '+99' || lpad(id::text, 13, '0'), updated_at = updated_at""";

    /** A contact is old when it has not changed since {@code before}; one being called or due for a callback stays. */
    public int purgeContacts(Instant before, boolean anonymise, int batch) {
        String ids = """
                SELECT id FROM contact WHERE updated_at < :before AND status <> 'IN_PROGRESS'
                  AND NOT (status = 'CALLBACK' AND next_attempt_at >= now())
                  AND phone_e164 NOT LIKE '+99%' ORDER BY updated_at, id LIMIT :batch""";
        String sql = anonymise ? ANONYMISE_CONTACT + " WHERE id IN (" + ids + ")"
                : "DELETE FROM contact WHERE id IN (" + ids + ")";
        return jdbc.sql(sql).param("before", java.sql.Timestamp.from(before)).param("batch", batch).update();
    }

    // ---- call history (and the journeys: technical failures of the contact's attempts)

    public List<Map<String, Object>> callsByPhone(String e164) {
        return jdbc.sql("""
                SELECT h.id, h.call_id, h.direction, h.caller, h.callee, h.started_at, h.answered_at, h.ended_at,
                       h.duration_seconds, h.billsec, h.disposition, h.outcome, h.campaign_id, h.contact_id,
                       h.agent_id, h.qualification_code, h.comment, h.attempt
                FROM call_history h
                WHERE h.caller = :p OR h.callee = :p
                   OR h.contact_id IN (SELECT id FROM contact WHERE phone_e164 = :p)
                ORDER BY h.started_at, h.id""").param("p", e164).query().listOfRows();
    }

    public int deleteCallsByPhone(String e164) {
        return jdbc.sql("""
                DELETE FROM call_history WHERE caller = :p OR callee = :p
                   OR contact_id IN (SELECT id FROM contact WHERE phone_e164 = :p)""").param("p", e164).update();
    }

    /** Keeps the call for statistics without the number, the comment and the link to the contact. */
    public int anonymiseCallsByPhone(String e164) {
        return jdbc.sql(ANONYMISE_CALL + " WHERE caller = :p OR callee = :p"
                + " OR contact_id IN (SELECT id FROM contact WHERE phone_e164 = :p)").param("p", e164).update();
    }

    private static final String ANONYMISE_CALL = """
            UPDATE call_history SET caller = CASE WHEN direction = 'INBOUND' THEN NULL ELSE caller END,
                   callee = CASE WHEN direction = 'OUTBOUND' THEN NULL ELSE callee END,
                   comment = NULL, contact_id = NULL""";

    public int purgeCalls(Instant before, boolean anonymise, int batch) {
        String ids = "SELECT id FROM call_history WHERE started_at < :before"
                + (anonymise ? " AND (contact_id IS NOT NULL OR comment IS NOT NULL"
                + " OR (direction = 'OUTBOUND' AND callee IS NOT NULL)"
                + " OR (direction = 'INBOUND' AND caller IS NOT NULL))" : "")
                + " ORDER BY started_at, id LIMIT :batch";
        String sql = anonymise ? ANONYMISE_CALL + " WHERE id IN (" + ids + ")"
                : "DELETE FROM call_history WHERE id IN (" + ids + ")";
        return jdbc.sql(sql).param("before", java.sql.Timestamp.from(before)).param("batch", batch).update();
    }

    public int purgeTechnicalFailures(Instant before, int batch) {
        return jdbc.sql("""
                DELETE FROM call_technical_failure WHERE id IN (SELECT id FROM call_technical_failure
                WHERE failed_at < :before ORDER BY failed_at, id LIMIT :batch)""")
                .param("before", java.sql.Timestamp.from(before)).param("batch", batch).update();
    }

    // ---- audit log (a contact's number may appear in a summary or a before / after state)

    public List<Map<String, Object>> auditByPhone(String e164) {
        return jdbc.sql("""
                SELECT id, at, actor_name, action, entity, entity_id, summary
                FROM audit_log WHERE position(:p IN coalesce(summary, '') || coalesce(before::text, '')
                                             || coalesce(after::text, '')) > 0
                ORDER BY at, id""").param("p", e164).query().listOfRows();
    }

    /** The number is replaced by {@code [erased]} where it appears; the entry itself (who did what) stays. */
    public int redactAuditByPhone(String e164) {
        return jdbc.sql("""
                UPDATE audit_log SET summary = replace(summary, :p, '[erased]'),
                       before = CAST(replace(before::text, :p, '[erased]') AS jsonb),
                       after = CAST(replace(after::text, :p, '[erased]') AS jsonb)
                WHERE position(:p IN coalesce(summary, '') || coalesce(before::text, '')
                               || coalesce(after::text, '')) > 0""").param("p", e164).update();
    }

    public int purgeAudit(Instant before, int batch) {
        return jdbc.sql("""
                DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log WHERE at < :before
                ORDER BY at, id LIMIT :batch)""")
                .param("before", java.sql.Timestamp.from(before)).param("batch", batch).update();
    }
}
