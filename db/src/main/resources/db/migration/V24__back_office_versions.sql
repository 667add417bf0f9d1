-- Optimistic locking of the back office's small aggregates (issue 7, item 3: "two admins do not overwrite each
-- other"): each save adds 1 to the version, and a save that names the version it started from is refused when
-- someone else saved in between. The API sends it as the ETag; the screens keep the version they opened.
ALTER TABLE planning            ADD COLUMN version int NOT NULL DEFAULT 0;
ALTER TABLE qualification_group ADD COLUMN version int NOT NULL DEFAULT 0;
ALTER TABLE pause_reason        ADD COLUMN version int NOT NULL DEFAULT 0;
