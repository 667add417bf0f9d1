-- Flows and their versions (issue 8, item 6): PostgreSQL is the source of truth for every BPMN flow the platform
-- runs (IVR flows, the outbound call journey) and each version of it. A version is a DRAFT (at most one per flow,
-- being edited), PUBLISHED (the one new calls start on; at most one per flow) or RETIRED (published before, or a draft
-- left behind). The engine only holds deployments: every published version is deployed again at start (the embedded
-- engine forgets everything), and calls start by the deployed definition's key, so calls in progress finish on their
-- version. Rolling back publishes an earlier version again.
CREATE TABLE flow (
    id          bigserial     PRIMARY KEY,
    kind        varchar(20)   NOT NULL CHECK (kind IN ('IVR', 'OUTBOUND_CALL')),
    process_id  varchar(200)  NOT NULL CHECK (process_id ~ '^[A-Za-z_][A-Za-z0-9_.-]{0,199}$'),   -- the BPMN process id
    name        varchar(200)  NOT NULL,
    description varchar(1000),
    created_at  timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT flow_process_id_uk UNIQUE (process_id),
    CONSTRAINT flow_name_uk UNIQUE (name)
);

CREATE TABLE flow_version (
    id           bigserial     PRIMARY KEY,
    flow_id      bigint        NOT NULL REFERENCES flow (id) ON DELETE CASCADE,
    number       int           NOT NULL CHECK (number > 0),     -- 1, 2, 3... per flow
    status       varchar(10)   NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'RETIRED')),
    bpmn_xml     text          NOT NULL,
    checksum     varchar(64)   NOT NULL,                        -- SHA-256 of bpmn_xml, hex
    source       varchar(10)   NOT NULL CHECK (source IN ('FILE', 'EDITOR', 'IMPORT', 'ROLLBACK')),
    comment      varchar(1000),
    created_by   varchar(100)  NOT NULL,
    created_at   timestamptz   NOT NULL DEFAULT now(),
    published_by varchar(100),
    published_at timestamptz,
    CONSTRAINT flow_version_number_uk UNIQUE (flow_id, number)
);
CREATE UNIQUE INDEX flow_version_one_draft_uk ON flow_version (flow_id) WHERE status = 'DRAFT';
CREATE UNIQUE INDEX flow_version_one_published_uk ON flow_version (flow_id) WHERE status = 'PUBLISHED';
