-- Outbound in full (issue 9): what the campaign editor sets and the dialer, the calling rules and the import read.
-- One migration for the shared columns so the features built on them agree on one schema:
--   where and when: site, planning (calling hours; the legal preset adds the law's), default region for numbers;
--   how it dials: mode (PREVIEW: the agent sees the contact first; PROGRESSIVE: one line per ready agent;
--   PREDICTIVE: lines per agent paced to an abandon-rate set-point), pacing bounds, answering-machine handling;
--   retries: a delay per outcome (null: retry_delay_seconds), callbacks (personal ones offered to others after a grace);
--   who: the agent groups assigned (none assigned: every agent takes it, as before this migration);
--   lifecycle: FINISHED campaigns may be ARCHIVED (hidden from daily lists, kept for history).
ALTER TABLE campaign DROP CONSTRAINT campaign_status_check;
ALTER TABLE campaign ADD CONSTRAINT campaign_status_check
    CHECK (status IN ('DRAFT', 'RUNNING', 'PAUSED', 'FINISHED', 'ARCHIVED'));

ALTER TABLE campaign
    ADD COLUMN description              varchar(1000),
    ADD COLUMN site_id                  bigint       REFERENCES site (id) ON DELETE RESTRICT,
    ADD COLUMN planning_id              bigint       REFERENCES planning (id) ON DELETE RESTRICT,
    ADD COLUMN trunk_id                 bigint       REFERENCES sip_trunk (id) ON DELETE SET NULL,
    ADD COLUMN default_region           varchar(2)   NOT NULL DEFAULT 'FR' CHECK (default_region ~ '^[A-Z]{2}$'),
    ADD COLUMN legal_preset             varchar(20)  NOT NULL DEFAULT 'FR',
    ADD COLUMN dialing_mode             varchar(20)  NOT NULL DEFAULT 'PROGRESSIVE'
        CHECK (dialing_mode IN ('PREVIEW', 'PROGRESSIVE', 'PREDICTIVE')),
    ADD COLUMN preview_timeout_seconds  int          NOT NULL DEFAULT 30 CHECK (preview_timeout_seconds >= 5),
    ADD COLUMN abandon_target_percent   numeric(4,2) NOT NULL DEFAULT 2.5
        CHECK (abandon_target_percent > 0 AND abandon_target_percent <= 3),
    ADD COLUMN max_lines_per_agent      numeric(4,2) NOT NULL DEFAULT 3
        CHECK (max_lines_per_agent >= 1 AND max_lines_per_agent <= 10),
    ADD COLUMN amd_mode                 varchar(20)  NOT NULL DEFAULT 'OFF'
        CHECK (amd_mode IN ('OFF', 'HANGUP', 'MESSAGE', 'AGENT')),
    ADD COLUMN retry_busy_seconds       int          CHECK (retry_busy_seconds >= 0),
    ADD COLUMN retry_no_answer_seconds  int          CHECK (retry_no_answer_seconds >= 0),
    ADD COLUMN retry_machine_seconds    int          CHECK (retry_machine_seconds >= 0),
    ADD COLUMN retry_congestion_seconds int          CHECK (retry_congestion_seconds >= 0),
    ADD COLUMN personal_callbacks       boolean      NOT NULL DEFAULT true,
    ADD COLUMN callback_grace_seconds   int          NOT NULL DEFAULT 900 CHECK (callback_grace_seconds >= 0);

CREATE INDEX campaign_planning_idx ON campaign (planning_id);
CREATE INDEX campaign_site_idx ON campaign (site_id);

-- The agent groups that take a campaign's calls.
CREATE TABLE campaign_agent_group (
    campaign_id bigint NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    group_id    bigint NOT NULL REFERENCES agent_group (id) ON DELETE CASCADE,
    PRIMARY KEY (campaign_id, group_id)
);
CREATE INDEX campaign_agent_group_group_idx ON campaign_agent_group (group_id);

-- Contacts: the consent basis the calling rules check (loi 2025-594: prior consent for prospecting calls since
-- 11 August 2026, unless an existing contract), set by import or by hand; and the agent a personal callback belongs to.
ALTER TABLE contact
    ADD COLUMN consent_at        timestamptz,
    ADD COLUMN consent_source    varchar(200),
    ADD COLUMN existing_contract boolean NOT NULL DEFAULT false,
    ADD COLUMN callback_agent_id bigint REFERENCES app_user (id) ON DELETE SET NULL;
CREATE INDEX contact_callback_agent_idx ON contact (callback_agent_id) WHERE callback_agent_id IS NOT NULL;
