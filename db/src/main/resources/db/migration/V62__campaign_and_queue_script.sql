-- The script an agent sees for a campaign's calls and for an inbound queue's calls: the script's PUBLISHED version
-- (none while the script has no published version). Deleting a script unbinds it.
ALTER TABLE campaign ADD COLUMN script_id bigint REFERENCES script (id) ON DELETE SET NULL;
ALTER TABLE call_queue ADD COLUMN script_id bigint REFERENCES script (id) ON DELETE SET NULL;
CREATE INDEX campaign_script_idx ON campaign (script_id) WHERE script_id IS NOT NULL;
CREATE INDEX call_queue_script_idx ON call_queue (script_id) WHERE script_id IS NOT NULL;
