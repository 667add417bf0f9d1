-- Live wallboards (issue 11, item 3): per board settings and per figure thresholds. A board is a campaign or a queue
-- (no foreign key: the pair kind + id points to campaign or call_queue; rows of a deleted board are simply unused).
-- A queue's service-level threshold is the queue's own (call_queue.service_level_seconds); a campaign's lives here
-- (null or no row: evs.wallboard.campaign-service-level, 20 s).
CREATE TABLE wallboard_board (
    kind                  varchar(10) NOT NULL CHECK (kind IN ('CAMPAIGN', 'QUEUE')),
    board_id              bigint      NOT NULL,
    service_level_seconds int         CHECK (service_level_seconds BETWEEN 1 AND 3600),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, board_id)
);

-- Warning and alarm values of one figure on one board. For SERVICE_LEVEL lower is worse (warning >= alarm), for every
-- other figure higher is worse (warning <= alarm). Percentages are 0-100.
CREATE TABLE wallboard_threshold (
    kind       varchar(10)      NOT NULL CHECK (kind IN ('CAMPAIGN', 'QUEUE')),
    board_id   bigint           NOT NULL,
    figure     varchar(30)      NOT NULL CHECK (figure IN ('CALLS_WAITING', 'LONGEST_WAIT_SECONDS', 'SERVICE_LEVEL',
                                    'ABANDON_RATE_HOUR', 'ABANDON_RATE_TODAY', 'OCCUPANCY', 'CALLS_PER_HOUR')),
    warning    double precision NOT NULL CHECK (warning >= 0),
    alarm      double precision NOT NULL CHECK (alarm >= 0),
    CHECK (CASE WHEN figure = 'SERVICE_LEVEL' THEN warning >= alarm ELSE warning <= alarm END),
    updated_at timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, board_id, figure)
);

-- The wallboard's restart replay reads today's ON_CALL rows by call: connection time of each outbound answer.
CREATE INDEX agent_state_log_at_idx ON agent_state_log (at);
