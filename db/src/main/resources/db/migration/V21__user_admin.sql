-- User administration (issue 7, item 1): a version for optimistic locking of a user's profile (screens and API), and an
-- index for the case-insensitive search of the users screen.
ALTER TABLE app_user ADD COLUMN version int NOT NULL DEFAULT 0;
CREATE INDEX app_user_lower_username_idx ON app_user (lower(username));
