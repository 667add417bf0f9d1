-- Callbacks list (issue 9): waiting callbacks of every campaign, soonest first, and an agent's own ones. Without it
-- the list (and the agent workspace's "my callbacks") reads every contact of every campaign to find the CALLBACK ones.
CREATE INDEX contact_callback_due_idx ON contact (next_attempt_at, id) WHERE status = 'CALLBACK';
