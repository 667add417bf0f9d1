package com.evscallpro.db.rules;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes the calling rules' tables (V32). */
@Repository
public class RulesTables {

    /** A stored refusal. */
    public record RefusalRow(long id, long campaignId, Long contactId, String rule, String detail, Instant notBefore,
                             Instant at) {
    }

    /** A number on the do-not-call list. */
    public record DoNotCallRow(String phoneE164, String source, String reason, String addedBy, Long campaignId,
                               Instant addedAt) {
    }

    /** Bloctel's last answer for a number. */
    public record BloctelCheckRow(String phoneE164, Instant checkedAt, boolean opposed) {
    }

    /** An export of a campaign's numbers for Bloctel. */
    public record SubmissionRow(long id, long campaignId, int numbers, String submittedBy, Instant submittedAt,
                                Instant answeredAt, Integer opposed) {
    }

    /** A campaign's override of one rule ({@code parameter} empty: the whole rule). */
    public record OverrideRow(long id, long campaignId, String rule, String parameter, boolean enabled, String value,
                              String reason, String author, Instant createdAt) {
    }

    /** What the consent rule reads of a contact (V30). */
    public record ConsentRow(Instant consentAt, String consentSource, boolean existingContract) {
    }

    private final JdbcClient jdbc;

    RulesTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- refusals

    public void insertRefusal(long campaignId, long contactId, String rule, String detail, Instant notBefore,
                              Instant at) {
        jdbc.sql("INSERT INTO dial_refusal (campaign_id, contact_id, rule, detail, not_before, at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(campaignId, contactId, rule, truncate(detail, 500), ts(notBefore), ts(at)).update();
    }

    public List<RefusalRow> refusalsOfContact(long contactId, int limit) {
        return jdbc.sql("SELECT * FROM dial_refusal WHERE contact_id = ? ORDER BY at DESC, id DESC LIMIT ?")
                .params(contactId, limit).query(RulesTables::refusal).list();
    }

    /** Refusals of a campaign per rule in [from, to), most frequent first. */
    public List<RuleCount> refusalCounts(long campaignId, Instant from, Instant to) {
        return jdbc.sql("SELECT rule, count(*) AS n, max(at) AS last_at FROM dial_refusal "
                        + "WHERE campaign_id = ? AND at >= ? AND at < ? GROUP BY rule ORDER BY n DESC, rule")
                .params(campaignId, ts(from), ts(to))
                .query((rs, i) -> new RuleCount(rs.getString("rule"), rs.getLong("n"),
                        rs.getTimestamp("last_at").toInstant()))
                .list();
    }

    /** One rule's count in a campaign's summary. */
    public record RuleCount(String rule, long count, Instant lastAt) {
    }

    // --- do not call

    /** Adds (or keeps) a number; returns false when it was already listed. */
    public boolean addDoNotCall(String phone, String source, String reason, String addedBy, Long campaignId) {
        return jdbc.sql("INSERT INTO do_not_call (phone_e164, source, reason, added_by, campaign_id) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (phone_e164) DO NOTHING")
                .params(phone, source, truncate(reason, 500), truncate(addedBy, 100), campaignId).update() == 1;
    }

    public Optional<DoNotCallRow> doNotCall(String phone) {
        return jdbc.sql("SELECT * FROM do_not_call WHERE phone_e164 = ?").param(phone)
                .query(RulesTables::doNotCallRow).optional();
    }

    public int removeDoNotCall(String phone) {
        return jdbc.sql("DELETE FROM do_not_call WHERE phone_e164 = ?").param(phone).update();
    }

    /** A page of the list, newest first; {@code search}: part of the number (null: all). */
    public List<DoNotCallRow> doNotCalls(String search, int offset, int limit) {
        return jdbc.sql("SELECT * FROM do_not_call WHERE (CAST(? AS text) IS NULL OR phone_e164 LIKE ?) "
                        + "ORDER BY added_at DESC, phone_e164 OFFSET ? LIMIT ?")
                .params(search, search == null ? null : "%" + search + "%", offset, limit)
                .query(RulesTables::doNotCallRow).list();
    }

    public long countDoNotCalls(String search) {
        return jdbc.sql("SELECT count(*) FROM do_not_call WHERE (CAST(? AS text) IS NULL OR phone_e164 LIKE ?)")
                .params(search, search == null ? null : "%" + search + "%").query(Long.class).single();
    }

    // --- Bloctel

    public Optional<BloctelCheckRow> bloctelCheck(String phone) {
        return jdbc.sql("SELECT phone_e164, checked_at, opposed FROM bloctel_check WHERE phone_e164 = ?").param(phone)
                .query((rs, i) -> new BloctelCheckRow(rs.getString(1), rs.getTimestamp(2).toInstant(),
                        rs.getBoolean(3)))
                .optional();
    }

    /** Records Bloctel's answer for a number, unless a newer answer is already stored. */
    public void upsertBloctelCheck(String phone, Instant checkedAt, boolean opposed) {
        jdbc.sql("INSERT INTO bloctel_check (phone_e164, checked_at, opposed) VALUES (?, ?, ?) "
                        + "ON CONFLICT (phone_e164) DO UPDATE SET checked_at = EXCLUDED.checked_at, "
                        + "opposed = EXCLUDED.opposed, imported_at = now() "
                        + "WHERE bloctel_check.checked_at <= EXCLUDED.checked_at")
                .params(phone, ts(checkedAt), opposed).update();
    }

    /** The distinct numbers of a campaign's contacts created up to {@code at} (null: all), in order. */
    public List<String> campaignNumbers(long campaignId, Instant at) {
        return jdbc.sql("SELECT DISTINCT phone_e164 FROM contact WHERE campaign_id = ? "
                        + "AND (CAST(? AS timestamptz) IS NULL OR created_at <= ?) ORDER BY phone_e164")
                .params(campaignId, ts(at), ts(at)).query(String.class).list();
    }

    public long insertSubmission(long campaignId, int numbers, String by) {
        return jdbc.sql("INSERT INTO bloctel_submission (campaign_id, numbers, submitted_by) VALUES (?, ?, ?) "
                + "RETURNING id").params(campaignId, numbers, truncate(by, 100)).query(Long.class).single();
    }

    public void answerSubmission(long id, Instant answeredAt, int opposed) {
        jdbc.sql("UPDATE bloctel_submission SET answered_at = ?, opposed = ? WHERE id = ?")
                .params(ts(answeredAt), opposed, id).update();
    }

    public List<SubmissionRow> submissions(long campaignId) {
        return jdbc.sql("SELECT * FROM bloctel_submission WHERE campaign_id = ? ORDER BY submitted_at DESC, id DESC")
                .param(campaignId)
                .query((rs, i) -> new SubmissionRow(rs.getLong("id"), rs.getLong("campaign_id"), rs.getInt("numbers"),
                        rs.getString("submitted_by"), rs.getTimestamp("submitted_at").toInstant(),
                        instant(rs, "answered_at"), (Integer) rs.getObject("opposed")))
                .list();
    }

    // --- overrides

    public List<OverrideRow> overrides(long campaignId) {
        return jdbc.sql("SELECT * FROM calling_rule_override WHERE campaign_id = ? ORDER BY rule, parameter")
                .param(campaignId).query(RulesTables::overrideRow).list();
    }

    public Optional<OverrideRow> override(long id) {
        return jdbc.sql("SELECT * FROM calling_rule_override WHERE id = ?").param(id)
                .query(RulesTables::overrideRow).optional();
    }

    /** Creates or replaces the campaign's override of {@code rule} / {@code parameter}; returns its id. */
    public long upsertOverride(long campaignId, String rule, String parameter, boolean enabled, String value,
                               String reason, String author) {
        return jdbc.sql("INSERT INTO calling_rule_override (campaign_id, rule, parameter, enabled, value, reason, "
                        + "author) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (campaign_id, rule, parameter) DO UPDATE "
                        + "SET enabled = EXCLUDED.enabled, value = EXCLUDED.value, reason = EXCLUDED.reason, "
                        + "author = EXCLUDED.author, created_at = now() RETURNING id")
                .params(campaignId, rule, parameter, enabled, value, truncate(reason, 500), truncate(author, 100))
                .query(Long.class).single();
    }

    public int deleteOverride(long id) {
        return jdbc.sql("DELETE FROM calling_rule_override WHERE id = ?").param(id).update();
    }

    /** Sets a campaign's legal preset (V30's column), bumping the campaign's version as any change of its row. */
    public int setLegalPreset(long campaignId, String preset) {
        return jdbc.sql("UPDATE campaign SET legal_preset = ?, version = version + 1, updated_at = now() WHERE id = ?")
                .params(preset, campaignId).update();
    }

    public Optional<String> legalPreset(long campaignId) {
        return jdbc.sql("SELECT legal_preset FROM campaign WHERE id = ?").param(campaignId).query(String.class)
                .optional();
    }

    // --- what the rules read elsewhere

    /** Outbound attempts to a number strictly after {@code since}, every campaign, oldest first. */
    public List<Instant> outboundAttemptsSince(String phone, Instant since) {
        return jdbc.sql("SELECT started_at FROM call_history WHERE callee = ? AND direction = 'OUTBOUND' "
                        + "AND started_at > ? ORDER BY started_at")
                .params(phone, ts(since)).query((rs, i) -> rs.getTimestamp(1).toInstant()).list();
    }

    /**
     * Attempts to a number under way now, every campaign: the other contacts with this number that a dialer claimed
     * (IN_PROGRESS). Their calls are in no CDR yet (it is written when the attempt ends), so the attempts-per-30-days
     * rule counts them here, or several lines of a predictive dialer could pass the limit together.
     */
    public int attemptsInFlight(String phone, long exceptContactId) {
        return jdbc.sql("SELECT count(*) FROM contact WHERE phone_e164 = ? AND status = 'IN_PROGRESS' AND id <> ?")
                .params(phone, exceptContactId).query(Integer.class).single();
    }

    /**
     * The latest outbound call to a number strictly after {@code since}, every campaign, qualified with a qualification of
     * one of {@code categories} in its campaign's qualification group.
     */
    public Optional<Instant> lastQualifiedSince(String phone, Collection<String> categories, Instant since) {
        if (categories.isEmpty()) {
            return Optional.empty();
        }
        List<Instant> latest = jdbc.sql("""
                        SELECT max(h.started_at) FROM call_history h
                        JOIN campaign c ON c.id = h.campaign_id
                        JOIN qualification q ON q.group_id = c.qualification_group_id AND q.code = h.qualification_code
                        WHERE h.callee = ? AND h.direction = 'OUTBOUND' AND h.started_at > ?
                          AND q.category = ANY (?)""")
                .params(phone, ts(since), categories.toArray(String[]::new))
                .query((rs, i) -> instant(rs, 1)).list();
        return latest.isEmpty() ? Optional.empty() : Optional.ofNullable(latest.getFirst());
    }

    public Optional<ConsentRow> consent(long contactId) {
        return jdbc.sql("SELECT consent_at, consent_source, existing_contract FROM contact WHERE id = ?")
                .param(contactId)
                .query((rs, i) -> new ConsentRow(instant(rs, 1), rs.getString(2), rs.getBoolean(3)))
                .optional();
    }

    public Optional<String> contactPhone(long contactId) {
        return jdbc.sql("SELECT phone_e164 FROM contact WHERE id = ?").param(contactId).query(String.class)
                .optional();
    }

    private static RefusalRow refusal(ResultSet rs, int i) throws SQLException {
        return new RefusalRow(rs.getLong("id"), rs.getLong("campaign_id"), (Long) rs.getObject("contact_id"),
                rs.getString("rule"), rs.getString("detail"), instant(rs, "not_before"),
                rs.getTimestamp("at").toInstant());
    }

    private static DoNotCallRow doNotCallRow(ResultSet rs, int i) throws SQLException {
        return new DoNotCallRow(rs.getString("phone_e164"), rs.getString("source"), rs.getString("reason"),
                rs.getString("added_by"), (Long) rs.getObject("campaign_id"), rs.getTimestamp("added_at").toInstant());
    }

    private static OverrideRow overrideRow(ResultSet rs, int i) throws SQLException {
        return new OverrideRow(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("rule"),
                rs.getString("parameter"), rs.getBoolean("enabled"), rs.getString("value"), rs.getString("reason"),
                rs.getString("author"), rs.getTimestamp("created_at").toInstant());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
