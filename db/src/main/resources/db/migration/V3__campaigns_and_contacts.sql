-- Outbound campaigns and their contacts. The contact row holds the waiting between attempts (next_attempt_at):
-- no process instance waits for a retry or a callback.

CREATE TABLE campaign (
    id                     bigserial    PRIMARY KEY,
    name                   varchar(200) NOT NULL UNIQUE,
    status                 varchar(20)  NOT NULL DEFAULT 'DRAFT'
                               CHECK (status IN ('DRAFT', 'RUNNING', 'PAUSED', 'FINISHED')),
    qualification_group_id bigint       NOT NULL REFERENCES qualification_group (id),
    max_attempts           int          NOT NULL DEFAULT 3   CHECK (max_attempts > 0),
    retry_delay_seconds    int          NOT NULL DEFAULT 600 CHECK (retry_delay_seconds >= 0),
    ring_timeout_seconds   int          NOT NULL DEFAULT 25  CHECK (ring_timeout_seconds > 0),
    caller_id              varchar(40),
    version                int          NOT NULL DEFAULT 0,  -- optimistic lock for lifecycle moves
    created_at             timestamptz  NOT NULL DEFAULT now(),
    updated_at             timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE contact (
    id                      bigserial    PRIMARY KEY,
    campaign_id             bigint       NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    first_name              varchar(200),
    last_name               varchar(200),
    phone_e164              varchar(16)  NOT NULL CHECK (phone_e164 ~ '^\+[1-9][0-9]{6,14}$'),
    custom_fields           jsonb        NOT NULL DEFAULT '{}',
    status                  varchar(20)  NOT NULL DEFAULT 'NEW'
                                CHECK (status IN ('NEW', 'IN_PROGRESS', 'RETRY', 'CALLBACK', 'DONE')),
    attempts                int          NOT NULL DEFAULT 0,
    next_attempt_at         timestamptz,
    last_outcome            varchar(50),
    last_qualification_code varchar(50),
    created_at              timestamptz  NOT NULL DEFAULT now(),
    updated_at              timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT contact_campaign_phone_uk UNIQUE (campaign_id, phone_e164)
);

-- The dialer's pick: the due contacts of one campaign, never-tried (NULL) first, then the oldest due, then by id.
-- Partial: DONE and IN_PROGRESS rows (the bulk of a finished campaign) are not in it.
CREATE INDEX contact_dialable_idx ON contact (campaign_id, next_attempt_at NULLS FIRST, id)
    WHERE status IN ('NEW', 'RETRY', 'CALLBACK');
-- Start-up recovery (IN_PROGRESS → RETRY) and per-campaign counts by status.
CREATE INDEX contact_campaign_status_idx ON contact (campaign_id, status);
