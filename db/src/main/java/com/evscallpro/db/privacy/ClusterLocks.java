package com.evscallpro.db.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Repository;

/**
 * PostgreSQL session advisory locks, so that a job runs on one application node at a time. The lock lives on a
 * connection of its own, held while the job runs (the job's statements use other connections and commit as they go).
 */
@Repository
public class ClusterLocks {

    private final DataSource dataSource;

    ClusterLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The lock, held until the result is closed; empty when another node holds it. */
    public Optional<Held> tryLock(long key) {
        try {
            Connection c = dataSource.getConnection();
            try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                s.setLong(1, key);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next() && r.getBoolean(1)) {
                        return Optional.of(new Held(c, key));
                    }
                }
            }
            c.close();
            return Optional.empty();
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("advisory lock " + key, e);
        }
    }

    public static final class Held implements AutoCloseable {
        private final Connection connection;
        private final long key;

        private Held(Connection connection, long key) {
            this.connection = connection;
            this.key = key;
        }

        @Override
        public void close() {
            try (connection; PreparedStatement s = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                s.setLong(1, key);
                s.execute();
            } catch (SQLException e) {
                throw new DataAccessResourceFailureException("advisory unlock " + key, e);
            }
        }
    }
}
