-- API tokens (issue 7). Access tokens are JWTs carrying the user's token_version: raising it kills every access
-- token of the user at once (logout everywhere, password change). Refresh tokens are opaque and single-use; only
-- their SHA-256 hash is stored. Each belongs to a family (one login); reusing a rotated token revokes its family.

ALTER TABLE app_user ADD COLUMN token_version bigint NOT NULL DEFAULT 0;

CREATE TABLE refresh_token (
    id          bigserial   PRIMARY KEY,
    token_hash  varchar(64) NOT NULL UNIQUE,            -- hex SHA-256 of the token, never the token itself
    family_id   uuid        NOT NULL,
    user_id     bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    issued_at   timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    rotated_at  timestamptz,                            -- used once: a second use is a reuse
    revoked_at  timestamptz
);
CREATE INDEX refresh_token_family_idx ON refresh_token (family_id);
CREATE INDEX refresh_token_user_idx ON refresh_token (user_id) WHERE revoked_at IS NULL;
