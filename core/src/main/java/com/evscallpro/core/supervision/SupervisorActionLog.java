package com.evscallpro.core.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code supervisor_action} and {@code supervisor_phone} (V39). */
@Repository
class SupervisorActionLog {

    private static final int MAX_TEXT = 500;

    private final NamedParameterJdbcTemplate jdbc;

    SupervisorActionLog(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void append(Instant at, long supervisorId, String supervisorName, Long agentId, String agentName, String callId,
                SupervisorAction action, String detail, SupervisorActionEntry.Outcome outcome, String message) {
        jdbc.update("""
                INSERT INTO supervisor_action (at, supervisor_id, supervisor_name, agent_id, agent_name, call_id,
                                               action, detail, outcome, message)
                VALUES (:at, :sid, :sname, :aid, :aname, :call, :action, :detail, :outcome, :message)
                """, new MapSqlParameterSource()
                .addValue("at", Timestamp.from(at)).addValue("sid", supervisorId)
                .addValue("sname", cut(supervisorName, 100)).addValue("aid", agentId)
                .addValue("aname", cut(agentName, 100)).addValue("call", cut(callId, 100))
                .addValue("action", action.name()).addValue("detail", cut(detail, 200))
                .addValue("outcome", outcome.name()).addValue("message", cut(message, MAX_TEXT)));
    }

    List<SupervisorActionEntry> search(SupervisorActionFilter f, int offset, int limit) {
        String order = f.oldestFirst() ? "at ASC, id ASC" : "at DESC, id DESC";
        return jdbc.query("SELECT * FROM supervisor_action" + where(f) + " ORDER BY " + order
                        + " LIMIT :limit OFFSET :offset",
                params(f).addValue("limit", Math.max(0, limit)).addValue("offset", Math.max(0, offset)),
                SupervisorActionLog::entry);
    }

    long count(SupervisorActionFilter f) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM supervisor_action" + where(f), params(f), Long.class);
        return n == null ? 0 : n;
    }

    Optional<String> phoneOf(long userId) {
        return jdbc.query("SELECT extension FROM supervisor_phone WHERE user_id = :id",
                new MapSqlParameterSource("id", userId), (rs, i) -> rs.getString(1)).stream().findFirst();
    }

    void rememberPhone(long userId, String extension) {
        jdbc.update("""
                INSERT INTO supervisor_phone (user_id, extension, updated_at) VALUES (:id, :ext, now())
                ON CONFLICT (user_id) DO UPDATE SET extension = EXCLUDED.extension, updated_at = now()
                """, new MapSqlParameterSource("id", userId).addValue("ext", extension));
    }

    private static String where(SupervisorActionFilter f) {
        StringBuilder w = new StringBuilder(" WHERE true");
        if (f.supervisor() != null) {
            w.append(" AND lower(supervisor_name) LIKE :supervisor");
        }
        if (f.agent() != null) {
            w.append(" AND lower(agent_name) LIKE :agent");
        }
        if (f.action() != null) {
            w.append(" AND action = :action");
        }
        if (f.outcome() != null) {
            w.append(" AND outcome = :outcome");
        }
        if (f.from() != null) {
            w.append(" AND at >= :from");
        }
        if (f.to() != null) {
            w.append(" AND at < :to");
        }
        return w.toString();
    }

    private static MapSqlParameterSource params(SupervisorActionFilter f) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        if (f.supervisor() != null) {
            p.addValue("supervisor", prefix(f.supervisor()));
        }
        if (f.agent() != null) {
            p.addValue("agent", prefix(f.agent()));
        }
        if (f.action() != null) {
            p.addValue("action", f.action().name());
        }
        if (f.outcome() != null) {
            p.addValue("outcome", f.outcome().name());
        }
        if (f.from() != null) {
            p.addValue("from", Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            p.addValue("to", Timestamp.from(f.to()));
        }
        return p;
    }

    /** A LIKE prefix with the user's own % and _ taken literally. */
    private static String prefix(String text) {
        return text.trim().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
    }

    private static SupervisorActionEntry entry(ResultSet rs, int row) throws SQLException {
        long agent = rs.getLong("agent_id");
        Long agentId = rs.wasNull() ? null : agent;
        return new SupervisorActionEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                rs.getLong("supervisor_id"), rs.getString("supervisor_name"), agentId, rs.getString("agent_name"),
                rs.getString("call_id"), SupervisorAction.valueOf(rs.getString("action")), rs.getString("detail"),
                SupervisorActionEntry.Outcome.valueOf(rs.getString("outcome")), rs.getString("message"));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
