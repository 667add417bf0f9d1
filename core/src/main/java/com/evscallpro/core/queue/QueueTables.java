package com.evscallpro.core.queue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes {@code call_queue} (guarded by its version) and {@code queue_call}. */
@Repository
class QueueTables {

    private static final String SELECT = """
            SELECT q.*, g.name AS group_name FROM call_queue q JOIN agent_group g ON g.id = q.group_id""";

    private final JdbcClient jdbc;

    QueueTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<QueueDefinition> all() {
        return jdbc.sql(SELECT + " ORDER BY lower(g.name), q.id").query(QueueTables::queue).list();
    }

    /** The queues of these ids, in the order of the ids. */
    List<QueueDefinition> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        java.util.Map<Long, QueueDefinition> found = jdbc.sql(SELECT + " WHERE q.id IN (:ids)").param("ids", ids)
                .query(QueueTables::queue).stream()
                .collect(java.util.stream.Collectors.toMap(QueueDefinition::id, q -> q));
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    Optional<QueueDefinition> find(long id) {
        return jdbc.sql(SELECT + " WHERE q.id = ?").param(id).query(QueueTables::queue).optional();
    }

    Optional<QueueDefinition> findByGroup(long groupId) {
        return jdbc.sql(SELECT + " WHERE q.group_id = ?").param(groupId).query(QueueTables::queue).optional();
    }

    long insert(QueueDefinition q) {
        return jdbc.sql("""
                INSERT INTO call_queue (group_id, strategy, priority, required_skill_id, min_skill_level, music_on_hold,
                    announce_position, announce_every_seconds, max_wait_seconds, ring_timeout_seconds,
                    service_level_seconds, wrap_up_seconds)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(q.groupId(), q.strategy().name(), q.priority(), q.requiredSkillId(), q.minSkillLevel(),
                        q.musicOnHold(), q.announcePosition(), q.announceEverySeconds(), q.maxWaitSeconds(),
                        q.ringTimeoutSeconds(), q.serviceLevelSeconds(), q.wrapUpSeconds())
                .query(Long.class).single();
    }

    boolean update(QueueDefinition q) {
        return jdbc.sql("""
                UPDATE call_queue SET group_id = ?, strategy = ?, priority = ?, required_skill_id = ?,
                    min_skill_level = ?, music_on_hold = ?, announce_position = ?, announce_every_seconds = ?,
                    max_wait_seconds = ?, ring_timeout_seconds = ?, service_level_seconds = ?, wrap_up_seconds = ?,
                    version = version + 1, updated_at = now()
                WHERE id = ? AND version = ?""")
                .params(q.groupId(), q.strategy().name(), q.priority(), q.requiredSkillId(), q.minSkillLevel(),
                        q.musicOnHold(), q.announcePosition(), q.announceEverySeconds(), q.maxWaitSeconds(),
                        q.ringTimeoutSeconds(), q.serviceLevelSeconds(), q.wrapUpSeconds(), q.id(), q.version())
                .update() == 1;
    }

    boolean delete(long id, Integer version) {
        if (version == null) {
            return jdbc.sql("DELETE FROM call_queue WHERE id = ?").param(id).update() == 1;
        }
        return jdbc.sql("DELETE FROM call_queue WHERE id = ? AND version = ?").params(id, version).update() == 1;
    }

    /** The queue's CRM link template (empty: none, or no such queue). */
    Optional<String> crmUrlTemplate(long queueId) {
        return jdbc.sql("SELECT crm_url_template FROM call_queue WHERE id = ?").param(queueId)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(t -> t);
    }

    /** Sets (null: removes) the template; answers the rows changed (0: no such queue). */
    int setCrmUrlTemplate(long queueId, String template) {
        return jdbc.sql("UPDATE call_queue SET crm_url_template = ? WHERE id = ?").params(template, queueId).update();
    }

    void recordPassage(QueuePassage p) {
        jdbc.sql("""
                INSERT INTO queue_call (call_id, queue_id, entered_at, left_at, outcome, wait_ms, agent_id)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(p.callId(), p.queueId(), Timestamp.from(p.enteredAt()), Timestamp.from(p.leftAt()),
                        p.outcome().name(), p.leftAt().toEpochMilli() - p.enteredAt().toEpochMilli(), p.agentId())
                .update();
    }

    List<QueuePassage> passagesSince(Instant since) {
        return jdbc.sql("SELECT * FROM queue_call WHERE entered_at >= ? ORDER BY entered_at")
                .param(Timestamp.from(since))
                .query((rs, n) -> new QueuePassage(rs.getString("call_id"), rs.getLong("queue_id"),
                        rs.getTimestamp("entered_at").toInstant(), rs.getTimestamp("left_at").toInstant(),
                        QueuePassage.Outcome.valueOf(rs.getString("outcome")),
                        (Long) rs.getObject("agent_id", Long.class)))
                .list();
    }

    private static QueueDefinition queue(ResultSet rs, int n) throws SQLException {
        return new QueueDefinition(rs.getLong("id"), rs.getLong("group_id"), rs.getString("group_name"),
                QueueStrategy.valueOf(rs.getString("strategy")), rs.getInt("priority"),
                rs.getObject("required_skill_id", Long.class), rs.getInt("min_skill_level"),
                rs.getString("music_on_hold"), rs.getBoolean("announce_position"), rs.getInt("announce_every_seconds"),
                rs.getInt("max_wait_seconds"), rs.getInt("ring_timeout_seconds"), rs.getInt("service_level_seconds"),
                rs.getInt("wrap_up_seconds"), rs.getInt("version"));
    }
}
