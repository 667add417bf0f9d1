package com.evscallpro.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One page of a back-office list, done by the database: the ids of the rows whose searched columns contain a text
 * (case-insensitive, {@code %} and {@code _} taken literally), sorted on one of a fixed set of (indexed) columns with
 * the id as tie-breaker, then offset / limit; and their count. The caller loads the page's rows by id (aggregates
 * with children keep their own loading) in the order given. Used by the lazy grids of plannings, qualification
 * groups, pause reasons, trunks, DIDs, queues and agent scripts. A bean of {@link DbConfiguration}.
 */
public class PagedIds {

    /**
     * What is paged.
     *
     * @param from        the FROM clause (joins allowed), e.g. {@code call_queue q JOIN agent_group g ON ...}
     * @param id          the id column, e.g. {@code q.id}
     * @param searched    the text columns a filter looks into
     * @param sorts       sort key (a grid column's key, an API sort name) → SQL expression; the first is the default
     * @param where       a fixed condition, or null
     */
    public record Table(String from, String id, List<String> searched, Map<String, String> sorts, String defaultSort,
                        String where) {

        public Table(String from, String id, List<String> searched, Map<String, String> sorts, String defaultSort) {
            this(from, id, searched, sorts, defaultSort, null);
        }

        /** The same table with a further fixed condition (e.g. a site's trunks). */
        public Table where(String condition) {
            return new Table(from, id, searched, sorts, defaultSort, where == null ? condition
                    : "(" + where + ") AND (" + condition + ")");
        }
    }

    private final JdbcClient jdbc;

    public PagedIds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The ids of one page.
     *
     * @param text a part of a searched column, or null / blank for every row
     * @param sort a key of {@link Table#sorts()}; null or unknown: the default sort
     */
    public <K> List<K> ids(Table t, Class<K> idType, String text, String sort, boolean descending, int offset,
                           int limit) {
        String order = t.sorts().getOrDefault(sort == null ? t.defaultSort() : sort, t.sorts().get(t.defaultSort()));
        String direction = descending ? " DESC" : " ASC";
        List<Object> params = new ArrayList<>();
        String sql = "SELECT " + t.id() + " FROM " + t.from() + where(t, text, params) + " ORDER BY " + order
                + direction + " NULLS LAST, " + t.id() + direction + " OFFSET ? LIMIT ?";
        params.add(Math.max(0, offset));
        params.add(Math.max(0, limit));
        return jdbc.sql(sql).params(params).query(idType).list();
    }

    /** How many rows contain the text (all of them for a blank one). */
    public long count(Table t, String text) {
        List<Object> params = new ArrayList<>();
        return jdbc.sql("SELECT count(*) FROM " + t.from() + where(t, text, params)).params(params)
                .query(Long.class).single();
    }

    private static String where(Table t, String text, List<Object> params) {
        List<String> parts = new ArrayList<>();
        if (t.where() != null) {
            parts.add("(" + t.where() + ")");
        }
        if (text != null && !text.isBlank() && !t.searched().isEmpty()) {
            String like = "%" + text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            List<String> any = new ArrayList<>();
            for (String column : t.searched()) {
                any.add("lower(coalesce(" + column + ", '')) LIKE ?");
                params.add(like);
            }
            parts.add("(" + String.join(" OR ", any) + ")");
        }
        return parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts);
    }
}
