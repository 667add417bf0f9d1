-- The CDR records what the PBX said, or nothing: each leg's own Uniqueid, our attempt outcome (ABANDONED is an
-- answered call that never reached the agent), and whether the call ended while the PBX was unreachable (then the
-- cause is unknown and the end time is the last time the call was known alive). hangup_cause, answered_at,
-- ended_at, billsec and unique_id were already nullable: NULL is stored where the PBX gave nothing.

ALTER TABLE call_history
    ADD COLUMN customer_unique_id  varchar(64),
    ADD COLUMN agent_unique_id     varchar(64),
    ADD COLUMN outcome             varchar(20)
        CHECK (outcome IN ('ANSWERED', 'BUSY', 'NO_ANSWER', 'CONGESTION', 'FAILED', 'ABANDONED')),
    ADD COLUMN ended_during_outage boolean NOT NULL DEFAULT false;

COMMENT ON COLUMN call_history.linked_id IS 'Asterisk linkedid = our call id (the originate''s ChannelId)';
COMMENT ON COLUMN call_history.customer_unique_id IS 'Uniqueid of the customer leg, as the PBX reported it';
COMMENT ON COLUMN call_history.agent_unique_id IS 'Uniqueid of the agent leg, as the PBX reported it';
COMMENT ON COLUMN call_history.ended_during_outage IS 'the call was found gone after a PBX outage: cause unknown';
