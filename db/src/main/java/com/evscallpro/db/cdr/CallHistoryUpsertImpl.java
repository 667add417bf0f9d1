package com.evscallpro.db.cdr;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;

/** JDBC implementation of the {@link CallHistoryUpsert} fragment. */
class CallHistoryUpsertImpl implements CallHistoryUpsert {

    private static final String[] UPDATABLE = {"unique_id", "linked_id", "direction", "caller", "callee",
            "started_at", "answered_at", "ended_at", "duration_seconds", "billsec", "disposition", "hangup_cause",
            "hangup_cause_text", "campaign_id", "contact_id", "agent_id", "qualification_code", "comment",
            "attempt", "process_instance_key", "customer_unique_id", "agent_unique_id", "outcome"};

    private static final String SQL;

    static {
        StringBuilder set = new StringBuilder();
        for (String column : UPDATABLE) {
            if (!set.isEmpty()) {
                set.append(",\n    ");
            }
            set.append(column).append(" = COALESCE(EXCLUDED.").append(column).append(", call_history.")
                    .append(column).append(')');
        }
        SQL = """
                INSERT INTO call_history (call_id, unique_id, linked_id, direction, caller, callee, started_at,
                    answered_at, ended_at, duration_seconds, billsec, disposition, hangup_cause, hangup_cause_text,
                    campaign_id, contact_id, agent_id, qualification_code, comment, attempt, process_instance_key,
                    created_at, customer_unique_id, agent_unique_id, outcome, ended_during_outage)
                VALUES (:callId, :uniqueId, :linkedId, :direction, :caller, :callee, :startedAt,
                    :answeredAt, :endedAt, :durationSeconds, :billsec, :disposition, :hangupCause, :hangupCauseText,
                    :campaignId, :contactId, :agentId, :qualificationCode, :comment, :attempt, :processInstanceKey,
                    COALESCE(:createdAt, now()), :customerUniqueId, :agentUniqueId, :outcome,
                    COALESCE(:endedDuringOutage, false))
                ON CONFLICT (call_id) DO UPDATE SET
                    """ + set + ",\n    ended_during_outage = call_history.ended_during_outage OR EXCLUDED.ended_during_outage"
                + "\nRETURNING id";
    }

    private final NamedParameterJdbcOperations jdbc;

    CallHistoryUpsertImpl(NamedParameterJdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long upsert(CallHistory r) {
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("callId", r.callId())
                .addValue("uniqueId", r.uniqueId())
                .addValue("linkedId", r.linkedId())
                .addValue("direction", r.direction())
                .addValue("caller", r.caller())
                .addValue("callee", r.callee())
                .addValue("startedAt", ts(r.startedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("answeredAt", ts(r.answeredAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("endedAt", ts(r.endedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("durationSeconds", r.durationSeconds(), Types.INTEGER)
                .addValue("billsec", r.billsec(), Types.INTEGER)
                .addValue("disposition", r.disposition(), Types.VARCHAR)
                .addValue("hangupCause", r.hangupCause(), Types.INTEGER)
                .addValue("hangupCauseText", r.hangupCauseText(), Types.VARCHAR)
                .addValue("campaignId", r.campaignId(), Types.BIGINT)
                .addValue("contactId", r.contactId(), Types.BIGINT)
                .addValue("agentId", r.agentId(), Types.BIGINT)
                .addValue("qualificationCode", r.qualificationCode(), Types.VARCHAR)
                .addValue("comment", r.comment(), Types.VARCHAR)
                .addValue("attempt", r.attempt(), Types.INTEGER)
                .addValue("processInstanceKey", r.processInstanceKey(), Types.BIGINT)
                .addValue("createdAt", ts(r.createdAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("customerUniqueId", r.customerUniqueId(), Types.VARCHAR)
                .addValue("agentUniqueId", r.agentUniqueId(), Types.VARCHAR)
                .addValue("outcome", r.outcome(), Types.VARCHAR)
                // null keeps the stored flag on a later completion; the insert turns it into false
                .addValue("endedDuringOutage", r.endedDuringOutage(), Types.BOOLEAN);
        Long id = jdbc.queryForObject(SQL, p, Long.class);
        return id == null ? 0 : id;
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
