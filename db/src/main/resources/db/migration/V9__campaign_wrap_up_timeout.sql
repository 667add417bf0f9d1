-- How long an agent has to qualify a call once it ended, and what becomes of the agent when the time is up
-- (READY again, or PAUSE with reason code wrap-up-timeout). The attempt is then recorded as NOT_QUALIFIED.

ALTER TABLE campaign
    ADD COLUMN wrap_up_timeout_seconds int         NOT NULL DEFAULT 120 CHECK (wrap_up_timeout_seconds > 0),
    ADD COLUMN wrap_up_timeout_action  varchar(10) NOT NULL DEFAULT 'READY'
        CHECK (wrap_up_timeout_action IN ('READY', 'PAUSE'));
