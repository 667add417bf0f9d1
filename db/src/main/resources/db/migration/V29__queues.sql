-- Inbound queues (issue 8, item 5): one queue per agent group, served by our own ACD (core.queue). The ACD keeps the
-- waiting callers in memory (fast, no engine on the path); each caller's passage through a queue is written to
-- queue_call when it ends, which also seeds today's figures after a restart.
CREATE TABLE call_queue (
    id                       bigserial    PRIMARY KEY,
    group_id                 bigint       NOT NULL REFERENCES agent_group (id) ON DELETE CASCADE,
    strategy                 varchar(20)  NOT NULL DEFAULT 'LONGEST_IDLE'
                                          CHECK (strategy IN ('LONGEST_IDLE', 'SKILL_LEVEL')),
    priority                 int          NOT NULL DEFAULT 0 CHECK (priority BETWEEN 0 AND 100),
    required_skill_id        bigint       REFERENCES skill (id) ON DELETE SET NULL,    -- null: any member
    min_skill_level          smallint     NOT NULL DEFAULT 1 CHECK (min_skill_level BETWEEN 1 AND 5),
    music_on_hold            varchar(80)  NOT NULL DEFAULT 'default',                   -- Asterisk MOH class
    announce_position        boolean      NOT NULL DEFAULT false,                       -- position + expected wait
    announce_every_seconds   int          NOT NULL DEFAULT 60 CHECK (announce_every_seconds BETWEEN 10 AND 3600),
    max_wait_seconds         int          NOT NULL DEFAULT 300 CHECK (max_wait_seconds BETWEEN 5 AND 86400),
    ring_timeout_seconds     int          NOT NULL DEFAULT 15 CHECK (ring_timeout_seconds BETWEEN 5 AND 120),
    service_level_seconds    int          NOT NULL DEFAULT 20 CHECK (service_level_seconds BETWEEN 1 AND 3600),
    wrap_up_seconds          int          NOT NULL DEFAULT 10 CHECK (wrap_up_seconds BETWEEN 0 AND 3600),
    version                  int          NOT NULL DEFAULT 0,                           -- optimistic locking
    created_at               timestamptz  NOT NULL DEFAULT now(),
    updated_at               timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT call_queue_group_uk UNIQUE (group_id)
);

-- One row per caller's passage through a queue, written when it ends. outcome: ANSWERED, CALLER_HUNG_UP (abandoned),
-- OVERFLOW, CALLBACK_REQUESTED, FAILED. No phone number here: the CDR holds the call's parties.
CREATE TABLE queue_call (
    call_id     varchar(64) NOT NULL,
    queue_id    bigint      NOT NULL,                 -- no foreign key: the history outlives a deleted queue
    entered_at  timestamptz NOT NULL,
    left_at     timestamptz NOT NULL,
    outcome     varchar(20) NOT NULL,
    wait_ms     bigint      NOT NULL,
    agent_id    bigint,
    PRIMARY KEY (call_id, entered_at)
);
CREATE INDEX queue_call_entered_idx ON queue_call (entered_at, queue_id);
