package com.evscallpro.core.agentdesk;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A contact's previous calls, newest first (from {@code call_history}: by contact id, and by the number for calls
 * recorded without a contact, such as inbound ones), and the callback it is waiting for, if any.
 */
@Service
public class ContactCalls {

    /** The most calls shown. */
    public static final int MAX = 10;

    /**
     * One earlier call. {@code outcome} is the attempt's outcome ({@code ANSWERED}, {@code BUSY}, {@code NO_ANSWER},
     * {@code ABANDONED}…; the disposition when no outcome was written), for an inbound call how it ended
     * ({@code AGENT}, {@code VOICEMAIL}…) when known; the qualification labels are those of the call's campaign.
     */
    public record PastCall(String callId, Instant startedAt, String direction, String agentName, String outcome,
                           String qualificationCode, String qualificationFr, String qualificationEn,
                           Integer talkSeconds) {

        /** The qualification's label in the locale's language, its code when it has none, or null. */
        public String qualification(Locale locale) {
            String label = locale != null && "fr".equals(locale.getLanguage()) ? qualificationFr : qualificationEn;
            return label != null ? label : qualificationCode;
        }
    }

    /** The callback the contact is waiting for; {@code agentName} set for a personal callback. */
    public record PendingCallback(Instant at, String agentName) {
    }

    /** What the screen-pop shows of the contact's past. */
    public record ContactPast(List<PastCall> calls, Optional<PendingCallback> callback) {
    }

    private final JdbcClient jdbc;

    ContactCalls(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The contact's previous calls (at most {@code limit}, capped at {@link #MAX}), newest first, leaving out the
     * call in progress ({@code currentCallId}, may be null); {@code phone} (E.164, may be null) also finds calls
     * recorded without a contact.
     */
    public ContactPast of(Long contactId, String phone, String currentCallId, int limit) {
        int n = Math.max(1, Math.min(limit, MAX));
        List<PastCall> calls = jdbc.sql("""
                SELECT h.call_id, h.started_at, h.direction,
                       coalesce(u.display_name, u.username) AS agent,
                       CASE WHEN h.direction = 'INBOUND' AND h.inbound_outcome IS NOT NULL THEN h.inbound_outcome
                            ELSE coalesce(h.outcome, replace(h.disposition, ' ', '_')) END AS outcome,
                       h.qualification_code,
                       coalesce(q.label_fr, (SELECT a.label_fr FROM qualification a WHERE a.code = h.qualification_code
                                             ORDER BY a.id LIMIT 1)),
                       coalesce(q.label_en, (SELECT a.label_en FROM qualification a WHERE a.code = h.qualification_code
                                             ORDER BY a.id LIMIT 1)),
                       h.billsec
                  FROM (SELECT * FROM (
                          SELECT * FROM call_history WHERE contact_id = :contact
                          UNION
                          SELECT * FROM call_history WHERE contact_id IS NULL AND CAST(:phone AS varchar) IS NOT NULL
                                                       AND (caller = :phone OR callee = :phone)) x
                         WHERE (CAST(:current AS varchar) IS NULL OR x.call_id <> :current)
                         ORDER BY x.started_at DESC, x.id DESC LIMIT :n) h
                  LEFT JOIN app_user u ON u.id = h.agent_id
                  LEFT JOIN campaign c ON c.id = h.campaign_id
                  LEFT JOIN qualification q ON q.group_id = c.qualification_group_id AND q.code = h.qualification_code
                 ORDER BY h.started_at DESC, h.id DESC""")
                .param("contact", contactId).param("phone", phone).param("current", currentCallId).param("n", n)
                .query((rs, i) -> new PastCall(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        (Integer) rs.getObject(9)))
                .list();
        Optional<PendingCallback> callback = contactId == null ? Optional.empty() : jdbc.sql("""
                SELECT c.next_attempt_at, coalesce(u.display_name, u.username)
                  FROM contact c LEFT JOIN app_user u ON u.id = c.callback_agent_id
                 WHERE c.id = ? AND c.status = 'CALLBACK' AND c.next_attempt_at IS NOT NULL""")
                .param(contactId)
                .query((rs, i) -> new PendingCallback(toInstant(rs.getTimestamp(1)), rs.getString(2)))
                .optional();
        return new ContactPast(calls, callback);
    }

    private static Instant toInstant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
