-- Sign-in state of each user, kept apart from app_user (issue 7, items 2 and 4): a forced password change at the
-- first sign-in (first administrator created from the environment), the last successful sign-in, and the failed
-- attempts of the current window with the temporary lock-out they caused. A user without a row has never signed in
-- and owes nothing.
CREATE TABLE user_login_state (
    user_id              bigint      PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
    must_change_password boolean     NOT NULL DEFAULT false,
    password_changed_at  timestamptz,
    last_login_at        timestamptz,
    failed_attempts      int         NOT NULL DEFAULT 0,   -- failures since first_failure_at (reset by a success)
    first_failure_at     timestamptz,                      -- start of the current failure window
    last_failure_at      timestamptz,
    locked_until         timestamptz                       -- sign-in refused until then, even with the right password
);
