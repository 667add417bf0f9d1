-- Inbound IVR calls handed over to AMI call control (hold, blind transfer, take-over: core.call.InboundHandOvers).
-- Kept in the database so that an application restart during such a call does not lose it: the next start (or any
-- node) still knows the call was handed over, to which agent, and writes its one call_history row and wraps the
-- agent up when AMI says the caller's channel is gone (also when it went while the application was down: the
-- reconciliation asks the PBX). A row is deleted by whoever finishes the call (DELETE ... RETURNING: exactly once).
CREATE TABLE inbound_hand_over (
    pbx_call_id          varchar(64)  PRIMARY KEY,  -- the caller channel's Linkedid (= its Uniqueid)
    call_id              varchar(64),               -- our call id (call_history.call_id)
    agent_id             bigint       NOT NULL,     -- who has the call now (a transfer moves it)
    owner_boot           varchar(64)  NOT NULL,     -- the application run that handed it over
    handed_at            timestamptz  NOT NULL,
    released_at          timestamptz,               -- the IVR let it go (its AGI ended)
    caller_gone_at       timestamptz,               -- AMI: the caller's channel is gone
    -- the inbound record's facts, known when the call was handed over (the agent had answered)
    caller               text,
    did                  varchar(32),
    started_at           timestamptz,
    ivr_answered_at      timestamptz,
    flow_version_id      bigint,
    process_instance_key bigint,
    queue_name           varchar(200),
    wait_seconds         integer
);
