-- Optimistic locking of a single contact edited through the API (issue 7: GET / PUT / DELETE
-- /api/v1/campaigns/{id}/contacts/{contactId}, ETag / If-Match). The version counts the changes of what a person
-- edits (names, number, custom fields, consent), +1 on each; the dialer's own moves (status, attempts, next attempt)
-- do not touch it, so a CRM's edit is not refused because the contact was dialled meanwhile.
-- A constant default: PostgreSQL adds the column without rewriting the table (millions of contacts).
ALTER TABLE contact ADD COLUMN version int NOT NULL DEFAULT 1;
