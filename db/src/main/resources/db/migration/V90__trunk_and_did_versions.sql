-- Optimistic locking of SIP trunks and DIDs (issue 7, item 3: "two admins do not overwrite each other"), as for sites
-- (V17/V18): a version column mapped by Spring Data's @Version, +1 on every save; the API sends it as the ETag, the
-- screens keep the version they opened, and a save or delete from an older version is refused
-- (trunk.version-mismatch / did.version-mismatch). Until now their ETag was a hash of what the API showed.
-- Rows start at 1: Spring Data JDBC takes a row whose primitive @Version is 0 for a new one.
ALTER TABLE sip_trunk ADD COLUMN version int NOT NULL DEFAULT 1;
ALTER TABLE did       ADD COLUMN version int NOT NULL DEFAULT 1;
