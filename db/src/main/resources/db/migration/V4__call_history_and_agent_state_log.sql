-- Call detail records (the fields of an Asterisk CDR plus ours) and the agents' state journal.

CREATE TABLE call_history (
    id                   bigserial    PRIMARY KEY,
    call_id              varchar(64)  NOT NULL UNIQUE,       -- our call id (correlation key)
    unique_id            varchar(64),                        -- Asterisk uniqueid of the channel
    linked_id            varchar(64),                        -- Asterisk linkedid
    direction            varchar(10)  NOT NULL CHECK (direction IN ('OUTBOUND', 'INBOUND')),
    caller               varchar(64),
    callee               varchar(64),
    started_at           timestamptz  NOT NULL,
    answered_at          timestamptz,
    ended_at             timestamptz,
    duration_seconds     int,                                -- Asterisk "duration": start to end
    billsec              int,                                -- Asterisk "billsec": answer to end
    disposition          varchar(20)
        CHECK (disposition IN ('ANSWERED', 'BUSY', 'NO ANSWER', 'FAILED', 'CONGESTION')),
    hangup_cause         int,                                -- Q.850 cause code
    hangup_cause_text    varchar(100),
    campaign_id          bigint       REFERENCES campaign (id) ON DELETE SET NULL,
    contact_id           bigint       REFERENCES contact (id) ON DELETE SET NULL,
    agent_id             bigint       REFERENCES app_user (id) ON DELETE SET NULL,
    qualification_code   varchar(50),
    comment              text,
    attempt              int,
    process_instance_key bigint,      -- NOT unique: the embedded engine reuses keys across restarts
    created_at           timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX call_history_campaign_started_idx ON call_history (campaign_id, started_at DESC);
CREATE INDEX call_history_contact_idx          ON call_history (contact_id, started_at DESC);
CREATE INDEX call_history_agent_started_idx    ON call_history (agent_id, started_at DESC);
CREATE INDEX call_history_started_idx          ON call_history (started_at DESC);

CREATE TABLE agent_state_log (
    id           bigserial   PRIMARY KEY,
    user_id      bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    state        varchar(20) NOT NULL,
    pause_reason varchar(100),
    call_id      varchar(64),
    at           timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX agent_state_log_user_at_idx ON agent_state_log (user_id, at DESC);
