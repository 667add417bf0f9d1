package com.evscallpro.db.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The back office's queries and version-guarded updates of user accounts. */
@Repository
public class UserAdminRows {

    /** Sort keys → SQL (each with the id as tie-breaker). */
    public static final Map<String, String> SORTS = Map.of(
            "username", "lower(u.username)", "displayName", "lower(u.display_name)", "role", "u.role",
            "extension", "u.extension", "site", "s.name", "enabled", "u.enabled", "lastLogin", "l.last_login_at");

    private static final String SELECT = """
            SELECT u.id, u.username, u.display_name, u.role, u.site_id, s.name AS site_name, u.extension, u.locale,
                   u.enabled, u.version, l.locked_until, l.last_login_at,
                   coalesce(l.must_change_password, false) AS must_change_password,
                   (SELECT string_agg(g.name, ', ' ORDER BY lower(g.name)) FROM agent_group_member m
                      JOIN agent_group g ON g.id = m.group_id WHERE m.user_id = u.id) AS group_names
            FROM app_user u
            LEFT JOIN site s ON s.id = u.site_id
            LEFT JOIN user_login_state l ON l.user_id = u.id
            """;

    private final JdbcClient jdbc;

    UserAdminRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param text    part of the user name, display name or extension (case-insensitive), or null
     * @param enabled null: both
     * @param locked  null: both; true: in a lock-out now
     */
    public record Filter(String text, String role, Long siteId, Long groupId, Boolean enabled, Boolean locked) {
    }

    public List<UserAdminRow> search(Filter f, String sortKey, boolean descending, int offset, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String order = SORTS.getOrDefault(sortKey, SORTS.get("username")) + (descending ? " DESC NULLS LAST" : " ASC NULLS LAST")
                + ", u.id" + (descending ? " DESC" : "");
        params.addValue("offset", offset).addValue("limit", limit);
        return jdbc.sql(SELECT + where(f, params) + " ORDER BY " + order + " OFFSET :offset LIMIT :limit")
                .paramSource(params).query(UserAdminRows::map).list();
    }

    public long count(Filter f) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        return jdbc.sql("SELECT count(*) FROM app_user u LEFT JOIN site s ON s.id = u.site_id "
                        + "LEFT JOIN user_login_state l ON l.user_id = u.id " + where(f, params))
                .paramSource(params).query(Long.class).single();
    }

    public Optional<UserAdminRow> find(long id) {
        return jdbc.sql(SELECT + " WHERE u.id = ?").param(id).query(UserAdminRows::map).optional();
    }

    public boolean update(long id, int version, String username, String displayName, String role, Long siteId,
                          String extension, String locale, boolean enabled) {
        return jdbc.sql("""
                UPDATE app_user SET username = ?, display_name = ?, role = ?, site_id = ?, extension = ?, locale = ?,
                       enabled = ?, version = version + 1
                WHERE id = ? AND version = ?""")
                .params(username, displayName, role, siteId, extension, locale, enabled, id, version).update() == 1;
    }

    public void setSite(long id, Long siteId) {
        jdbc.sql("UPDATE app_user SET site_id = ? WHERE id = ?").params(siteId, id).update();
    }

    public boolean hasCallHistory(long userId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM call_history WHERE agent_id = ?)").param(userId)
                .query(Boolean.class).single();
    }

    public boolean delete(long id) {
        return jdbc.sql("DELETE FROM app_user WHERE id = ?").param(id).update() == 1;
    }

    private static String where(Filter f, MapSqlParameterSource params) {
        List<String> parts = new ArrayList<>();
        if (f != null) {
            if (f.text() != null && !f.text().isBlank()) {
                String like = "%" + f.text().strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + "%";
                params.addValue("text", like);
                parts.add("(lower(u.username) LIKE :text OR lower(coalesce(u.display_name, '')) LIKE :text "
                        + "OR coalesce(u.extension, '') LIKE :text)");
            }
            if (f.role() != null) {
                params.addValue("role", f.role());
                parts.add("u.role = :role");
            }
            if (f.siteId() != null) {
                params.addValue("site", f.siteId());
                parts.add("u.site_id = :site");
            }
            if (f.groupId() != null) {
                params.addValue("group", f.groupId());
                parts.add("EXISTS (SELECT 1 FROM agent_group_member m WHERE m.user_id = u.id AND m.group_id = :group)");
            }
            if (f.enabled() != null) {
                params.addValue("enabled", f.enabled());
                parts.add("u.enabled = :enabled");
            }
            if (f.locked() != null) {
                parts.add(f.locked() ? "l.locked_until > now()" : "(l.locked_until IS NULL OR l.locked_until <= now())");
            }
        }
        return parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts);
    }

    private static UserAdminRow map(ResultSet rs, int row) throws SQLException {
        long site = rs.getLong("site_id");
        Long siteId = rs.wasNull() ? null : site;
        return new UserAdminRow(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("role"), siteId, rs.getString("site_name"), rs.getString("extension"),
                rs.getString("locale"), rs.getBoolean("enabled"), instant(rs.getTimestamp("locked_until")),
                instant(rs.getTimestamp("last_login_at")), rs.getBoolean("must_change_password"),
                rs.getString("group_names"), rs.getInt("version"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
