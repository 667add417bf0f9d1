-- Dial attempts that could not be placed at all (PBX unreachable, originate refused, no answer from the PBX), after
-- every retry. Not a business outcome: the contact keeps its attempt and stays due. Listed for admins.

CREATE TABLE call_technical_failure (
    id          bigserial    PRIMARY KEY,
    call_id     varchar(64)  NOT NULL UNIQUE,
    campaign_id bigint       REFERENCES campaign (id) ON DELETE CASCADE,
    contact_id  bigint       REFERENCES contact (id) ON DELETE CASCADE,
    agent_id    bigint       REFERENCES app_user (id) ON DELETE SET NULL,
    attempt     int,
    reason      varchar(500),
    failed_at   timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX call_technical_failure_failed_idx ON call_technical_failure (failed_at DESC, id DESC);
