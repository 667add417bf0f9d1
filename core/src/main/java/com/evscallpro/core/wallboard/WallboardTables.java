package com.evscallpro.core.wallboard;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads what the wallboards replay at start ({@code agent_state_log}, {@code call_history}, {@code queue_call}) and
 * the directory (groups, sites, names); reads and writes {@code wallboard_board} and {@code wallboard_threshold}.
 */
@Repository
class WallboardTables {

    record StateRow(long userId, String name, String state, String pauseReason, String callId, Instant at) {
    }

    record AnswerRow(String callId, long campaignId, String campaignName, Instant answeredAt, Instant connectedAt,
                     Instant endedAt) {
    }

    record QueueAnswer(long queueId, Instant at) {
    }

    private final JdbcClient jdbc;

    WallboardTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Each user's last state before {@code dayStart}, then every change since, by user and time. */
    List<StateRow> statesSince(Instant dayStart) {
        return jdbc.sql("""
                SELECT l.user_id, coalesce(u.display_name, u.username) AS name, l.state, l.pause_reason, l.call_id,
                       l.at
                FROM agent_state_log l JOIN app_user u ON u.id = l.user_id
                WHERE l.at >= ?
                   OR l.id = (SELECT p.id FROM agent_state_log p WHERE p.user_id = l.user_id AND p.at < ?
                              ORDER BY p.at DESC, p.id DESC LIMIT 1)
                ORDER BY l.user_id, l.at, l.id""")
                .params(ts(dayStart), ts(dayStart))
                .query((rs, i) -> new StateRow(rs.getLong("user_id"), rs.getString("name"), rs.getString("state"),
                        rs.getString("pause_reason"), rs.getString("call_id"), rs.getTimestamp("at").toInstant()))
                .list();
    }

    /** Today's outbound live answers that ended, with when an agent took each (null: abandoned). */
    List<AnswerRow> outboundAnswersSince(Instant dayStart) {
        return jdbc.sql("""
                SELECT h.call_id, h.campaign_id, c.name AS campaign_name, h.answered_at, h.ended_at,
                       (SELECT min(l.at) FROM agent_state_log l
                         WHERE l.call_id = h.call_id AND l.state = 'ON_CALL' AND l.at >= ?) AS connected_at
                FROM call_history h JOIN campaign c ON c.id = h.campaign_id
                WHERE h.direction = 'OUTBOUND' AND h.started_at >= CAST(? AS timestamptz) - interval '1 hour'
                  AND h.answered_at >= ? AND h.ended_at IS NOT NULL""")
                .params(ts(dayStart), ts(dayStart), ts(dayStart))
                .query((rs, i) -> new AnswerRow(rs.getString("call_id"), rs.getLong("campaign_id"),
                        rs.getString("campaign_name"), rs.getTimestamp("answered_at").toInstant(),
                        rs.getTimestamp("connected_at") == null ? null : rs.getTimestamp("connected_at").toInstant(),
                        rs.getTimestamp("ended_at").toInstant()))
                .list();
    }

    /** Queue answers (callers taken by an agent) since {@code from}: the calls per hour. */
    List<QueueAnswer> queueAnswersSince(Instant from) {
        return jdbc.sql("SELECT queue_id, left_at FROM queue_call WHERE left_at >= ? AND outcome = 'ANSWERED'")
                .param(ts(from))
                .query((rs, i) -> new QueueAnswer(rs.getLong("queue_id"), rs.getTimestamp("left_at").toInstant()))
                .list();
    }

    Map<Long, Set<Long>> groupsByUser() {
        Map<Long, Set<Long>> out = new HashMap<>();
        jdbc.sql("SELECT user_id, group_id FROM agent_group_member").query(rs -> {
            out.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
        });
        return out;
    }

    /** User id → site id, and user id → display name. */
    void users(Map<Long, Long> sites, Map<Long, String> names) {
        jdbc.sql("SELECT id, site_id, coalesce(display_name, username) FROM app_user").query(rs -> {
            long id = rs.getLong(1);
            long site = rs.getLong(2);
            if (!rs.wasNull()) {
                sites.put(id, site);
            }
            names.put(id, rs.getString(3));
        });
    }

    Map<Long, Integer> campaignServiceLevels() {
        Map<Long, Integer> out = new HashMap<>();
        jdbc.sql("SELECT board_id, service_level_seconds FROM wallboard_board WHERE kind = 'CAMPAIGN'"
                        + " AND service_level_seconds IS NOT NULL")
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getInt(2));
                });
        return out;
    }

    void saveCampaignServiceLevel(long campaignId, Integer seconds) {
        jdbc.sql("""
                INSERT INTO wallboard_board (kind, board_id, service_level_seconds) VALUES ('CAMPAIGN', ?, ?)
                ON CONFLICT (kind, board_id) DO UPDATE SET service_level_seconds = excluded.service_level_seconds,
                    updated_at = now()""").params(campaignId, seconds).update();
    }

    List<Threshold> thresholds() {
        return jdbc.sql("SELECT kind, board_id, figure, warning, alarm FROM wallboard_threshold")
                .query((rs, i) -> new Threshold(BoardKind.valueOf(rs.getString(1)), rs.getLong(2),
                        Figure.valueOf(rs.getString(3)), rs.getDouble(4), rs.getDouble(5)))
                .list();
    }

    void saveThreshold(Threshold t) {
        jdbc.sql("""
                INSERT INTO wallboard_threshold (kind, board_id, figure, warning, alarm) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (kind, board_id, figure) DO UPDATE SET warning = excluded.warning, alarm = excluded.alarm,
                    updated_at = now()""")
                .params(t.kind().name(), t.boardId(), t.figure().name(), t.warning(), t.alarm()).update();
    }

    boolean deleteThreshold(BoardKind kind, long boardId, Figure figure) {
        return jdbc.sql("DELETE FROM wallboard_threshold WHERE kind = ? AND board_id = ? AND figure = ?")
                .params(kind.name(), boardId, figure.name()).update() == 1;
    }

    private static java.sql.Timestamp ts(Instant at) {
        return java.sql.Timestamp.from(at);
    }
}
