-- Users of the platform (back office and agents) and the qualification (disposition) lists.

CREATE TABLE app_user (
    id            bigserial    PRIMARY KEY,
    username      varchar(100) NOT NULL UNIQUE,
    password_hash varchar(100) NOT NULL,                -- bcrypt
    display_name  varchar(200),
    role          varchar(20)  NOT NULL CHECK (role IN ('ADMIN', 'SUPERVISOR', 'AGENT')),
    extension     varchar(40),                          -- the agent's phone extension
    locale        varchar(10)  NOT NULL DEFAULT 'fr',
    enabled       boolean      NOT NULL DEFAULT true,
    created_at    timestamptz  NOT NULL DEFAULT now()
);
-- One extension belongs to one user; NULLs (no phone) are allowed many times.
CREATE UNIQUE INDEX app_user_extension_uk ON app_user (extension) WHERE extension IS NOT NULL;

CREATE TABLE qualification_group (
    id   bigserial    PRIMARY KEY,
    name varchar(100) NOT NULL UNIQUE
);

CREATE TABLE qualification (
    id       bigserial    PRIMARY KEY,
    group_id bigint       NOT NULL REFERENCES qualification_group (id) ON DELETE CASCADE,
    code     varchar(50)  NOT NULL,
    label_fr varchar(200) NOT NULL,
    label_en varchar(200) NOT NULL,
    category varchar(20)  NOT NULL CHECK (category IN ('POSITIVE', 'NEGATIVE', 'CALLBACK', 'NEUTRAL')),
    position int          NOT NULL DEFAULT 0,
    CONSTRAINT qualification_group_code_uk UNIQUE (group_id, code)
);
