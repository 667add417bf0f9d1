-- Optimistic locking of agent scripts and webhook endpoints (issue 7: "two admins do not overwrite each other"), as
-- plannings and qualification groups (V24): a version column bumped under a row lock by core.lock.OptimisticVersions
-- in the saving transaction (these rows are written with SQL, not through Spring Data entities); the API sends it as
-- the ETag and refuses a PUT / DELETE with an older If-Match (script.version-mismatch, webhook.version-mismatch).
-- A script's version counts every change of the script: rename, draft saved, version published.
-- A campaign's sub-resources (journey, custom fields, script, CRM link, calling rules) use the campaign's own version.
ALTER TABLE script           ADD COLUMN version int NOT NULL DEFAULT 1;
ALTER TABLE webhook_endpoint ADD COLUMN version int NOT NULL DEFAULT 1;
