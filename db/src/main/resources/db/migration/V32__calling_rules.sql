-- Calling rules (issue 9): what the gate every outbound attempt passes stores and reads.
--   dial_refusal: every refused attempt, with the refusing rule (shown on the contact and summed per campaign);
--   do_not_call: the internal do-not-call list, across all campaigns (fed by DO_NOT_CALL qualifications and by hand);
--   bloctel_check: the last Bloctel answer per number (opposed or not, as of the answer's date);
--   bloctel_submission: each export of a campaign's numbers for Bloctel (the numbers an answer applies to);
--   calling_rule_override: a campaign's change to one rule of its preset, only with a reason and an author.
CREATE TABLE dial_refusal (
    id          bigserial    PRIMARY KEY,
    campaign_id bigint       NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    contact_id  bigint       REFERENCES contact (id) ON DELETE CASCADE,
    rule        varchar(40)  NOT NULL,
    detail      varchar(500),
    not_before  timestamptz,                   -- when the contact is due again; NULL: closed for good
    at          timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX dial_refusal_contact_idx ON dial_refusal (contact_id, at DESC);
CREATE INDEX dial_refusal_campaign_at_idx ON dial_refusal (campaign_id, at DESC);

CREATE TABLE do_not_call (
    phone_e164  varchar(16)  PRIMARY KEY CHECK (phone_e164 ~ '^\+[1-9][0-9]{6,14}$'),
    source      varchar(20)  NOT NULL CHECK (source IN ('MANUAL', 'QUALIFICATION')),
    reason      varchar(500) NOT NULL,
    added_by    varchar(100) NOT NULL,
    campaign_id bigint       REFERENCES campaign (id) ON DELETE SET NULL,  -- where the qualification was made
    added_at    timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX do_not_call_added_idx ON do_not_call (added_at DESC);

CREATE TABLE bloctel_check (
    phone_e164 varchar(16)  PRIMARY KEY,
    checked_at timestamptz  NOT NULL,          -- the date of Bloctel's answer
    opposed    boolean      NOT NULL,
    imported_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE bloctel_submission (
    id           bigserial    PRIMARY KEY,
    campaign_id  bigint       NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    numbers      int          NOT NULL,
    submitted_by varchar(100) NOT NULL,
    submitted_at timestamptz  NOT NULL DEFAULT now(),
    answered_at  timestamptz,                  -- the date of the answer imported for it
    opposed      int
);
CREATE INDEX bloctel_submission_campaign_idx ON bloctel_submission (campaign_id, submitted_at DESC);

CREATE TABLE calling_rule_override (
    id          bigserial    PRIMARY KEY,
    campaign_id bigint       NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    rule        varchar(40)  NOT NULL,
    parameter   varchar(60)  NOT NULL DEFAULT '',   -- '' : the whole rule (enabled or not)
    enabled     boolean      NOT NULL DEFAULT true,
    value       varchar(1000),                      -- the parameter's new value, as JSON (4, "10:00", ["MONDAY"])
    reason      varchar(500) NOT NULL CHECK (length(trim(reason)) > 0),
    author      varchar(100) NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT calling_rule_override_uk UNIQUE (campaign_id, rule, parameter)
);

-- Attempts per number across campaigns and the silence after a refusal read the history by number.
CREATE INDEX call_history_callee_started_idx ON call_history (callee, started_at DESC) WHERE direction = 'OUTBOUND';
