-- Indexes that match the ORDER BY of the pages exactly (started_at DESC, id DESC), so a page is a plain index scan
-- even deep in a campaign's history, and two small indexes for the back office and the start-up recovery.
-- (Measured on 300k CDRs: without the id tiebreaker the planner preferred the global time index plus a filter.)

DROP INDEX call_history_campaign_started_idx;
DROP INDEX call_history_contact_idx;
DROP INDEX call_history_agent_started_idx;
DROP INDEX call_history_started_idx;

CREATE INDEX call_history_campaign_started_idx ON call_history (campaign_id, started_at DESC, id DESC);
CREATE INDEX call_history_contact_idx          ON call_history (contact_id, started_at DESC, id DESC);
CREATE INDEX call_history_agent_started_idx    ON call_history (agent_id, started_at DESC, id DESC);
CREATE INDEX call_history_started_idx          ON call_history (started_at DESC, id DESC);

-- The back office's contact pages: WHERE campaign_id = ? ORDER BY id LIMIT/OFFSET.
CREATE INDEX contact_campaign_id_idx ON contact (campaign_id, id);

-- Start-up recovery (IN_PROGRESS → RETRY): only the contacts in flight, a handful at any time.
CREATE INDEX contact_in_progress_idx ON contact (id) WHERE status = 'IN_PROGRESS';
