-- Agent groups and skills (issue 7, item 1): what inbound routing (queues by group and skill) and campaigns (assigned
-- groups) pick agents by. An agent may belong to several groups and hold several skills, each at a level 1 (basic)
-- to 5 (expert). Deleting a group or a skill removes its memberships; deleting a user removes theirs.
CREATE TABLE agent_group (
    id          bigserial    PRIMARY KEY,
    name        varchar(100) NOT NULL,
    description varchar(500),
    site_id     bigint       REFERENCES site (id) ON DELETE RESTRICT,   -- null: every site
    version     int          NOT NULL DEFAULT 0,                        -- optimistic locking
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT agent_group_name_uk UNIQUE (name)
);

CREATE TABLE agent_group_member (
    group_id bigint NOT NULL REFERENCES agent_group (id) ON DELETE CASCADE,
    user_id  bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX agent_group_member_user_idx ON agent_group_member (user_id);

CREATE TABLE skill (
    id         bigserial    PRIMARY KEY,
    code       varchar(40)  NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9_-]{0,39}$'),
    label_fr   varchar(200) NOT NULL,
    label_en   varchar(200) NOT NULL,
    version    int          NOT NULL DEFAULT 0,
    created_at timestamptz  NOT NULL DEFAULT now(),
    updated_at timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT skill_code_uk UNIQUE (code)
);

CREATE TABLE user_skill (
    user_id  bigint   NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    skill_id bigint   NOT NULL REFERENCES skill (id) ON DELETE CASCADE,
    level    smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
    PRIMARY KEY (user_id, skill_id)
);
CREATE INDEX user_skill_skill_idx ON user_skill (skill_id);
