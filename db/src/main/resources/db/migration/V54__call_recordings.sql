-- Call recordings (issue 11, item 6): who records what (recording_policy), and the recordings themselves. The audio
-- lives in a RecordingStorage (a directory by default), not in the database: a row holds where it is (storage_key).

-- One policy per campaign or per queue; none = not recorded. mode: OFF, ALL (every connected call), ON_DEMAND (the
-- agent starts it). consent_prompt: a sound played to the customer before recording starts (null = none).
-- retention_days: null = the global default (evs.recording.retention).
CREATE TABLE recording_policy (
    scope          varchar(10)  NOT NULL CHECK (scope IN ('CAMPAIGN', 'QUEUE')),
    target_id      bigint       NOT NULL,               -- campaign.id or call_queue.id (no FK: two parents)
    mode           varchar(10)  NOT NULL DEFAULT 'OFF' CHECK (mode IN ('OFF', 'ALL', 'ON_DEMAND')),
    consent_prompt varchar(200),
    retention_days int          CHECK (retention_days BETWEEN 1 AND 3650),
    updated_at     timestamptz  NOT NULL DEFAULT now(),
    updated_by     varchar(200),
    PRIMARY KEY (scope, target_id)
);

-- state: RECORDING (MixMonitor running on the PBX), STOPPED (call over / stopped: the file is to be collected),
-- STORED (in storage), MISSING (never found on the PBX host after the collector's attempts).
CREATE TABLE call_recording (
    id              bigserial    PRIMARY KEY,
    call_id         varchar(64)  NOT NULL UNIQUE,        -- call_history.call_id (no FK: the history row comes later)
    pbx_call_id     varchar(64)  NOT NULL,               -- the call as the PBX port knows it (inbound: the caller's Linkedid)
    scope           varchar(10)  CHECK (scope IN ('CAMPAIGN', 'QUEUE')),
    target_id       bigint,
    agent_user_id   bigint,                              -- the agent on the call: may listen to their own calls
    site_id         bigint,
    server_id       varchar(100),
    pbx_path        varchar(500) NOT NULL,               -- the file as MixMonitor wrote it on the PBX host
    state           varchar(10)  NOT NULL DEFAULT 'RECORDING'
                                 CHECK (state IN ('RECORDING', 'STOPPED', 'STORED', 'MISSING')),
    started_at      timestamptz  NOT NULL,
    stopped_at      timestamptz,
    paused          boolean      NOT NULL DEFAULT false,
    pause_count     int          NOT NULL DEFAULT 0,
    collect_attempts int         NOT NULL DEFAULT 0,
    storage_key     varchar(500),
    duration_ms     int,
    size_bytes      bigint,
    checksum        varchar(64),
    retention_days  int          NOT NULL,
    purge_after     timestamptz  NOT NULL                -- started_at + retention_days
);
CREATE INDEX call_recording_started_idx ON call_recording (started_at DESC, id DESC);
CREATE INDEX call_recording_agent_idx ON call_recording (agent_user_id, started_at DESC);
CREATE INDEX call_recording_pbx_call_idx ON call_recording (pbx_call_id);
CREATE INDEX call_recording_purge_idx ON call_recording (purge_after);
CREATE INDEX call_recording_collect_idx ON call_recording (state) WHERE state = 'STOPPED';
