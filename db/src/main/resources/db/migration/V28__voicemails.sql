-- Voicemails (issue 8, item 1, the IVR's voicemail block): what a caller left, for whom, and who listened. The audio is
-- collected from the Asterisk host that recorded it (RECORD FILE ... wav) and kept here (bytea, WAV 8 kHz mono 16-bit):
-- one backup, one transaction with its row, and the GDPR purge deletes both at once (docs/voicemail.md).
CREATE TABLE voicemail (
    id            bigserial     PRIMARY KEY,
    call_id       varchar(64)   NOT NULL,
    caller_number varchar(32),                             -- E.164 when known ('anonymous' callers: null)
    did           varchar(32),
    mailbox_label varchar(200)  NOT NULL,                  -- the flow / mailbox / agent group it was left for
    group_id      bigint,                                  -- the agent group, when left for one (no FK: groups may go)
    recorded_at   timestamptz   NOT NULL,
    duration_ms   int           NOT NULL,
    audio         bytea         NOT NULL,
    checksum      varchar(64)   NOT NULL,                  -- SHA-256 of audio, hex
    size_bytes    int           NOT NULL,
    source_path   varchar(500)  NOT NULL,                  -- where Asterisk wrote it (site, server, path)
    state         varchar(10)   NOT NULL DEFAULT 'NEW' CHECK (state IN ('NEW', 'HEARD', 'ARCHIVED')),
    heard_by      varchar(100),
    heard_at      timestamptz,
    archived_by   varchar(100),
    archived_at   timestamptz,
    created_at    timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT voicemail_call_uk UNIQUE (call_id)
);
CREATE INDEX voicemail_recorded_idx ON voicemail (recorded_at DESC, id DESC);
CREATE INDEX voicemail_caller_idx ON voicemail (caller_number);
