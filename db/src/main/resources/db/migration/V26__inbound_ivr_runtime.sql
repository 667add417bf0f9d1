-- Inbound IVR runtime (issue 8, items 3, 4 and 7).

-- A DID points to a flow; new calls run the flow's published version (NULL: no flow, the caller takes the safe path).
ALTER TABLE did ADD COLUMN flow_id bigint REFERENCES flow (id) ON DELETE RESTRICT;
CREATE INDEX did_flow_idx ON did (flow_id);

-- The IVR calls a node drives right now: the AGI channel lives on that node, so are the instance's jobs. A node that
-- starts again cancels the instances its rows name (their channels died with it) and deletes the rows.
CREATE TABLE ivr_call (
    call_id              varchar(64)  PRIMARY KEY,
    node_id              varchar(64)  NOT NULL,
    process_instance_key bigint,
    flow_version_id      bigint       REFERENCES flow_version (id) ON DELETE SET NULL,
    did                  varchar(16),
    caller               varchar(64),
    started_at           timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX ivr_call_node_idx ON ivr_call (node_id);

-- The journey of a call through its flow, written by the workers, one row per block (and per safe path taken):
-- which element, on which version, when, the digits pressed and the branch taken. Reports read where callers drop.
CREATE TABLE call_journey_step (
    id              bigserial     PRIMARY KEY,
    call_id         varchar(64)   NOT NULL,
    seq             int           NOT NULL,
    flow_version_id bigint        REFERENCES flow_version (id) ON DELETE SET NULL,
    element_id      varchar(255)  NOT NULL,
    block           varchar(40)   NOT NULL,
    started_at      timestamptz   NOT NULL,
    ended_at        timestamptz,
    digits          varchar(64),
    outcome         varchar(64),
    detail          varchar(500),
    CONSTRAINT call_journey_step_uk UNIQUE (call_id, seq)
);
CREATE INDEX call_journey_step_version_idx ON call_journey_step (flow_version_id, element_id);

-- The inbound side of a call record.
ALTER TABLE call_history ADD COLUMN did varchar(16);
ALTER TABLE call_history ADD COLUMN flow_version_id bigint REFERENCES flow_version (id) ON DELETE SET NULL;
ALTER TABLE call_history ADD COLUMN queue_name varchar(100);
ALTER TABLE call_history ADD COLUMN wait_seconds int CHECK (wait_seconds >= 0);
-- how the inbound call ended for the caller: served by the IVR alone, an agent, a transfer, a voicemail, a callback
-- request, abandoned in the queue, sent down the safe path
ALTER TABLE call_history ADD COLUMN inbound_outcome varchar(20)
    CHECK (inbound_outcome IN ('IVR', 'AGENT', 'TRANSFERRED', 'VOICEMAIL', 'CALLBACK', 'ABANDONED', 'SAFE_PATH'));
CREATE INDEX call_history_did_started_idx ON call_history (did, started_at DESC) WHERE did IS NOT NULL;

-- Every time a caller was sent down the safe path (no flow, flow failed to start, broke mid-call, watchdog).
CREATE TABLE ivr_safe_path_event (
    id       bigserial     PRIMARY KEY,
    call_id  varchar(64)   NOT NULL,
    did      varchar(16),
    reason   varchar(40)   NOT NULL,
    detail   varchar(500),
    at       timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX ivr_safe_path_event_at_idx ON ivr_safe_path_event (at DESC);
