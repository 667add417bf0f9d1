package com.evscallpro.db.group;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes agent groups, skills and their links to users. Updates are guarded by the row's version: an
 * update of a stale version changes nothing and answers false.
 */
@Repository
public class AgentGroupTables {

    private final JdbcClient jdbc;

    AgentGroupTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- groups

    public List<AgentGroupRow> groups() {
        return jdbc.sql("SELECT * FROM agent_group ORDER BY lower(name), id").query(AgentGroupTables::group).list();
    }

    public Optional<AgentGroupRow> group(long id) {
        return jdbc.sql("SELECT * FROM agent_group WHERE id = ?").param(id).query(AgentGroupTables::group).optional();
    }

    public Optional<AgentGroupRow> groupByName(String name) {
        return jdbc.sql("SELECT * FROM agent_group WHERE lower(name) = lower(?)").param(name)
                .query(AgentGroupTables::group).optional();
    }

    public long insertGroup(String name, String description, Long siteId) {
        return jdbc.sql("INSERT INTO agent_group (name, description, site_id) VALUES (?, ?, ?) RETURNING id")
                .params(name, description, siteId).query(Long.class).single();
    }

    public boolean updateGroup(long id, int version, String name, String description, Long siteId) {
        return jdbc.sql("""
                UPDATE agent_group SET name = ?, description = ?, site_id = ?, version = version + 1, updated_at = now()
                WHERE id = ? AND version = ?""").params(name, description, siteId, id, version).update() == 1;
    }

    public boolean deleteGroup(long id) {
        return jdbc.sql("DELETE FROM agent_group WHERE id = ?").param(id).update() == 1;
    }

    public List<Long> members(long groupId) {
        return jdbc.sql("SELECT user_id FROM agent_group_member WHERE group_id = ? ORDER BY user_id").param(groupId)
                .query(Long.class).list();
    }

    /** Group id → number of members, for every group with at least one. */
    public Map<Long, Integer> memberCounts() {
        Map<Long, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT group_id, count(*) AS n FROM agent_group_member GROUP BY group_id")
                .query(rs -> {
                    counts.put(rs.getLong("group_id"), rs.getInt("n"));
                });
        return counts;
    }

    public List<Long> groupsOf(long userId) {
        return jdbc.sql("SELECT group_id FROM agent_group_member WHERE user_id = ? ORDER BY group_id").param(userId)
                .query(Long.class).list();
    }

    /** User id → the ids of the groups of each of these users that belongs to one at least (one query). */
    public Map<Long, java.util.Set<Long>> groupsOfUsers(Collection<Long> userIds) {
        Map<Long, java.util.Set<Long>> out = new LinkedHashMap<>();
        if (userIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT user_id, group_id FROM agent_group_member WHERE user_id = ANY(?)")
                .param(userIds.toArray(Long[]::new))
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong("user_id"), k -> new java.util.HashSet<>()).add(rs.getLong("group_id"));
                });
        return out;
    }

    public void replaceMembers(long groupId, Collection<Long> userIds) {
        jdbc.sql("DELETE FROM agent_group_member WHERE group_id = ?").param(groupId).update();
        for (Long u : userIds) {
            jdbc.sql("INSERT INTO agent_group_member (group_id, user_id) VALUES (?, ?)").params(groupId, u).update();
        }
    }

    public void replaceGroupsOf(long userId, Collection<Long> groupIds) {
        jdbc.sql("DELETE FROM agent_group_member WHERE user_id = ?").param(userId).update();
        for (Long g : groupIds) {
            jdbc.sql("INSERT INTO agent_group_member (group_id, user_id) VALUES (?, ?)").params(g, userId).update();
        }
    }

    // ---- skills

    public List<SkillRow> skills() {
        return jdbc.sql("SELECT * FROM skill ORDER BY code").query(AgentGroupTables::skill).list();
    }

    public Optional<SkillRow> skill(long id) {
        return jdbc.sql("SELECT * FROM skill WHERE id = ?").param(id).query(AgentGroupTables::skill).optional();
    }

    public Optional<SkillRow> skillByCode(String code) {
        return jdbc.sql("SELECT * FROM skill WHERE code = ?").param(code).query(AgentGroupTables::skill).optional();
    }

    public long insertSkill(String code, String labelFr, String labelEn) {
        return jdbc.sql("INSERT INTO skill (code, label_fr, label_en) VALUES (?, ?, ?) RETURNING id")
                .params(code, labelFr, labelEn).query(Long.class).single();
    }

    public boolean updateSkill(long id, int version, String code, String labelFr, String labelEn) {
        return jdbc.sql("""
                UPDATE skill SET code = ?, label_fr = ?, label_en = ?, version = version + 1, updated_at = now()
                WHERE id = ? AND version = ?""").params(code, labelFr, labelEn, id, version).update() == 1;
    }

    public boolean deleteSkill(long id) {
        return jdbc.sql("DELETE FROM skill WHERE id = ?").param(id).update() == 1;
    }

    /** Skill id → level of the user, by skill id. */
    public Map<Long, Integer> skillsOf(long userId) {
        Map<Long, Integer> levels = new LinkedHashMap<>();
        jdbc.sql("SELECT skill_id, level FROM user_skill WHERE user_id = ? ORDER BY skill_id").param(userId)
                .query(rs -> {
                    levels.put(rs.getLong("skill_id"), rs.getInt("level"));
                });
        return levels;
    }

    /** User id → level, for the users holding the skill at {@code minLevel} or more, best first. */
    public Map<Long, Integer> holders(long skillId, int minLevel) {
        Map<Long, Integer> levels = new LinkedHashMap<>();
        jdbc.sql("SELECT user_id, level FROM user_skill WHERE skill_id = ? AND level >= ? ORDER BY level DESC, user_id")
                .params(skillId, minLevel)
                .query(rs -> {
                    levels.put(rs.getLong("user_id"), rs.getInt("level"));
                });
        return levels;
    }

    public void replaceSkillsOf(long userId, Map<Long, Integer> levels) {
        jdbc.sql("DELETE FROM user_skill WHERE user_id = ?").param(userId).update();
        levels.forEach((skill, level) -> jdbc.sql("INSERT INTO user_skill (user_id, skill_id, level) VALUES (?, ?, ?)")
                .params(userId, skill, level).update());
    }

    private static AgentGroupRow group(ResultSet rs, int row) throws SQLException {
        long site = rs.getLong("site_id");
        return new AgentGroupRow(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
                rs.wasNull() ? null : site, rs.getInt("version"));
    }

    private static SkillRow skill(ResultSet rs, int row) throws SQLException {
        return new SkillRow(rs.getLong("id"), rs.getString("code"), rs.getString("label_fr"), rs.getString("label_en"),
                rs.getInt("version"));
    }
}
