-- Issue 10, item 2: a campaign points at the flow of its call journey (a flow of kind OUTBOUND_CALL) and its attempts
-- start that flow's published version. Null: the shipped journey, outbound-call. A flow is never deleted while a
-- campaign points at it (RESTRICT); core.flow.FlowService#bindJourney checks the kind and that a version is published.
ALTER TABLE campaign ADD COLUMN journey_flow_id bigint REFERENCES flow (id) ON DELETE RESTRICT;
