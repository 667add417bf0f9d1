package com.evscallpro.db.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes {@link UserLoginState} rows (one per user, created on first write by an upsert). */
@Repository
public class UserLoginStates {

    private final JdbcClient jdbc;

    UserLoginStates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UserLoginState find(long userId) {
        return jdbc.sql("SELECT * FROM user_login_state WHERE user_id = ?").param(userId)
                .query(UserLoginStates::map).optional().orElseGet(() -> UserLoginState.none(userId));
    }

    /** The state of the user for update (row locked until the transaction ends), if the user has a row. */
    public Optional<UserLoginState> lock(long userId) {
        return jdbc.sql("SELECT * FROM user_login_state WHERE user_id = ? FOR UPDATE").param(userId)
                .query(UserLoginStates::map).optional();
    }

    public void save(UserLoginState s) {
        jdbc.sql("""
                INSERT INTO user_login_state (user_id, must_change_password, password_changed_at, last_login_at,
                                              failed_attempts, first_failure_at, last_failure_at, locked_until)
                VALUES (:id, :must, :changed, :last, :failed, :first, :lastFailure, :locked)
                ON CONFLICT (user_id) DO UPDATE SET must_change_password = :must, password_changed_at = :changed,
                    last_login_at = :last, failed_attempts = :failed, first_failure_at = :first,
                    last_failure_at = :lastFailure, locked_until = :locked""")
                .param("id", s.userId()).param("must", s.mustChangePassword())
                .param("changed", ts(s.passwordChangedAt())).param("last", ts(s.lastLoginAt()))
                .param("failed", s.failedAttempts()).param("first", ts(s.firstFailureAt()))
                .param("lastFailure", ts(s.lastFailureAt())).param("locked", ts(s.lockedUntil()))
                .update();
    }

    /** Sets the new password hash of a user (the password change itself; app_user keeps the hash). */
    public void updatePasswordHash(long userId, String passwordHash) {
        jdbc.sql("UPDATE app_user SET password_hash = ? WHERE id = ?").params(passwordHash, userId).update();
    }

    /** Whether an enabled ADMIN account exists. */
    public boolean anyEnabledAdmin() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM app_user WHERE role = 'ADMIN' AND enabled)")
                .query(Boolean.class).single();
    }

    private static UserLoginState map(ResultSet rs, int row) throws SQLException {
        return new UserLoginState(rs.getLong("user_id"), rs.getBoolean("must_change_password"),
                instant(rs.getTimestamp("password_changed_at")), instant(rs.getTimestamp("last_login_at")),
                rs.getInt("failed_attempts"), instant(rs.getTimestamp("first_failure_at")),
                instant(rs.getTimestamp("last_failure_at")), instant(rs.getTimestamp("locked_until")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
