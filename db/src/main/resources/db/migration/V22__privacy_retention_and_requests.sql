-- Data protection (GDPR): how long each kind of personal data is kept, the runs of the automatic purge, and the proof
-- of each request a person made about their data (the number is stored as a keyed hash, never in clear).

CREATE TABLE retention_policy (
    data_kind      varchar(20)  PRIMARY KEY
        CHECK (data_kind IN ('CONTACTS', 'CALL_RECORDS', 'VOICEMAIL', 'RECORDINGS', 'AUDIT_LOG')),
    retention_days int          NOT NULL CHECK (retention_days BETWEEN 1 AND 36500),
    mode           varchar(10)  NOT NULL DEFAULT 'DELETE' CHECK (mode IN ('DELETE', 'ANONYMISE')),
    updated_at     timestamptz  NOT NULL DEFAULT now(),
    updated_by     varchar(100) NOT NULL DEFAULT 'system'
);

-- Defaults (docs/gdpr.md gives the sources): CNIL call-center guidance, 2 years of inactivity for call records,
-- recordings at most 6 months, prospect contacts 3 years after the last contact, security logs 6 months to 1 year.
INSERT INTO retention_policy (data_kind, retention_days, mode) VALUES
    ('CONTACTS',     1095, 'DELETE'),
    ('CALL_RECORDS',  365, 'DELETE'),
    ('VOICEMAIL',      90, 'DELETE'),
    ('RECORDINGS',    180, 'DELETE'),
    ('AUDIT_LOG',     365, 'DELETE');

CREATE TABLE purge_run (
    id          bigserial    PRIMARY KEY,
    started_at  timestamptz  NOT NULL,
    ended_at    timestamptz,
    node        varchar(100),
    trigger     varchar(10)  NOT NULL CHECK (trigger IN ('SCHEDULE', 'MANUAL')),
    status      varchar(10)  NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'FAILED', 'SKIPPED')),
    counts      jsonb        NOT NULL DEFAULT '{}',   -- {"CONTACTS": 12, "CALL_RECORDS": 340, ...}
    error       varchar(500)
);
CREATE INDEX purge_run_started_idx ON purge_run (started_at DESC, id DESC);

CREATE TABLE privacy_request (
    id          bigserial    PRIMARY KEY,
    at          timestamptz  NOT NULL DEFAULT now(),
    actor_name  varchar(100) NOT NULL,
    kind        varchar(10)  NOT NULL CHECK (kind IN ('ACCESS', 'EXPORT', 'ERASE', 'ANONYMISE')),
    phone_hash  varchar(64)  NOT NULL,               -- HMAC-SHA256 of the E.164 number, hex
    found       jsonb        NOT NULL DEFAULT '{}',  -- records found, by store
    done        jsonb        NOT NULL DEFAULT '{}'   -- records erased or anonymised, by store
);
CREATE INDEX privacy_request_at_idx ON privacy_request (at DESC, id DESC);
CREATE INDEX privacy_request_phone_idx ON privacy_request (phone_hash);

-- The key of the number hash, sealed by the application (SecretCipher), created at first use.
CREATE TABLE privacy_key (
    id     int  PRIMARY KEY CHECK (id = 1),
    sealed text NOT NULL
);

-- What the purge and the requests look up.
CREATE INDEX IF NOT EXISTS contact_updated_idx ON contact (updated_at, id);
CREATE INDEX IF NOT EXISTS contact_phone_idx ON contact (phone_e164);
CREATE INDEX IF NOT EXISTS call_history_callee_idx ON call_history (callee);
CREATE INDEX IF NOT EXISTS call_history_caller_idx ON call_history (caller);
CREATE INDEX IF NOT EXISTS call_technical_failure_failed_id_idx ON call_technical_failure (failed_at, id);
