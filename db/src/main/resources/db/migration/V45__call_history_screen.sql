-- The call history screen and /api/v1/calls (docs/call-history.md, docs/data-model.md). Every list query is bounded
-- by a period (at most 31 days) and ordered by (started_at, id) in either direction, and reads a page by keyset:
-- WHERE <filter> = ? AND started_at in [from, to) AND (started_at, id) < (last) ORDER BY started_at DESC, id DESC
-- LIMIT n. An index (<filter>, started_at DESC, id DESC) serves such a page as one index range read in order, and
-- the capped count (LIMIT 10001) as a range read of the matching rows only. Campaign and agent already have theirs
-- (V5); the others get one here. Low-selectivity filters (direction, disposition) ride on the period index
-- (call_history_started_idx) with a filter: a page stops after n matches, so a filter that matches one call in a
-- hundred still reads a few thousand index entries. The number filter (caller or callee) uses the caller / callee
-- indexes (V22): a number has few calls.

-- The DID filter: V26's index lacks the id tie-breaker, so the order (started_at DESC, id DESC) needed a sort.
DROP INDEX IF EXISTS call_history_did_started_idx;
CREATE INDEX call_history_did_started_idx ON call_history (did, started_at DESC, id DESC) WHERE did IS NOT NULL;

-- The queue filter (inbound calls only carry a queue).
CREATE INDEX call_history_queue_started_idx ON call_history (queue_name, started_at DESC, id DESC)
    WHERE queue_name IS NOT NULL;

-- The qualification filter.
CREATE INDEX call_history_qualification_started_idx ON call_history (qualification_code, started_at DESC, id DESC)
    WHERE qualification_code IS NOT NULL;

-- The call detail page: the agent's states during one call (reserved, on call, wrap-up) are its outbound journey.
CREATE INDEX agent_state_log_call_idx ON agent_state_log (call_id, at) WHERE call_id IS NOT NULL;

-- The answers of the agent's script (form-js values as JSON), shown on the call detail when present. Written by the
-- agent workspace at wrap-up; NULL when the campaign has no script or nothing was recorded.
ALTER TABLE call_history ADD COLUMN script_answers jsonb;
COMMENT ON COLUMN call_history.script_answers IS 'the agent script''s answers (form-js values), NULL when none';
