-- What supervisors did to agents and calls (issue 11 item 2): listen / whisper / barge / stop, take over, transfer,
-- hang up, forced pause, forced logout. Who, whom, which call, when, and the outcome (OK, REFUSED: the rules said no,
-- FAILED: the PBX said no). Append-only; admins read it newest first with filters.
CREATE TABLE supervisor_action (
    id              bigserial    PRIMARY KEY,
    at              timestamptz  NOT NULL DEFAULT now(),
    supervisor_id   bigint       NOT NULL,
    supervisor_name varchar(100) NOT NULL,
    agent_id        bigint,
    agent_name      varchar(100),
    call_id         varchar(100),
    action          varchar(20)  NOT NULL,
    detail          varchar(200),             -- the mode, the transfer target, the pause reason, the phone rung
    outcome         varchar(10)  NOT NULL CHECK (outcome IN ('OK', 'REFUSED', 'FAILED')),
    message         varchar(500)              -- the error code or the PBX's own message when not OK
);
CREATE INDEX supervisor_action_at_idx ON supervisor_action (at DESC, id DESC);
CREATE INDEX supervisor_action_supervisor_idx ON supervisor_action (supervisor_id, at DESC);
CREATE INDEX supervisor_action_agent_idx ON supervisor_action (agent_id, at DESC);

-- The phone (extension) each supervisor is rung on, remembered from their last choice.
CREATE TABLE supervisor_phone (
    user_id    bigint       PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
    extension  varchar(20)  NOT NULL,
    updated_at timestamptz  NOT NULL DEFAULT now()
);
