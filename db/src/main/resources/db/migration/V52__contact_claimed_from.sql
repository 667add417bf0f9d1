-- What a claimed contact was before the dialer took it (NEW, RETRY, CALLBACK): an attempt given back without being
-- made (refused by the calling rules, skipped in preview, not placed) returns the contact to what it was, so a
-- callback refused outside the calling hours stays a callback (with its agent) instead of becoming a plain retry.
ALTER TABLE contact ADD COLUMN claimed_from varchar(20);
COMMENT ON COLUMN contact.claimed_from IS 'status before the last claim (NEW, RETRY or CALLBACK); NULL before any';
