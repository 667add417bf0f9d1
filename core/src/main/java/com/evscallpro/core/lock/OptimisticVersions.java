package com.evscallpro.core.lock;

import com.evscallpro.core.error.EvsException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The version of a row, and its compare-and-bump. Table and column names come from {@link VersionedTable} only.
 */
@Component
public class OptimisticVersions {

    private final JdbcTemplate jdbc;

    OptimisticVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The row's version, empty when there is no such row. */
    @Transactional(readOnly = true)
    public Optional<Integer> current(VersionedTable t, Object key) {
        List<Integer> v = jdbc.queryForList("SELECT version FROM " + t.table + " WHERE " + t.key + " = ?",
                Integer.class, key);
        return v.stream().findFirst();
    }

    /**
     * Adds 1 to the row's version, in the caller's transaction (a new one when there is none), locking the row until it ends;
     * when {@code expected} is not null and is not the current version, refuses with the table's mismatch code
     * (args: expected, current) and changes nothing. A row that does not exist is left to the caller.
     *
     * @return the new version, or empty when there is no such row
     */
    @Transactional
    public Optional<Integer> bump(VersionedTable t, Object key, Integer expected) {
        List<Integer> current = jdbc.queryForList(
                "SELECT version FROM " + t.table + " WHERE " + t.key + " = ? FOR UPDATE", Integer.class, key);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        if (expected != null && !expected.equals(current.get(0))) {
            throw new EvsException(t.mismatchCode, expected, current.get(0));
        }
        jdbc.update("UPDATE " + t.table + " SET version = version + 1 WHERE " + t.key + " = ?", key);
        return Optional.of(current.get(0) + 1);
    }

    /** Checks, without changing it, that the row is still at {@code expected} (null: no check), e.g. before a delete. */
    @Transactional
    public void check(VersionedTable t, Object key, Integer expected) {
        if (expected == null) {
            return;
        }
        List<Integer> current = jdbc.queryForList(
                "SELECT version FROM " + t.table + " WHERE " + t.key + " = ? FOR UPDATE", Integer.class, key);
        if (!current.isEmpty() && !expected.equals(current.get(0))) {
            throw new EvsException(t.mismatchCode, expected, current.get(0));
        }
    }
}
