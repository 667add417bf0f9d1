-- Agent scripts (issue 10, item 6): forms an analyst builds with the form-js editor and an agent fills in the
-- screen-pop during a call. A script has versions: at most one DRAFT (being edited) and at most one PUBLISHED (the
-- one agents see); a version published before, or a draft left behind, is RETIRED. The form is stored as the form-js
-- schema (Camunda Forms JSON), checked by the server before it is stored (core.script.ScriptSchemaCheck).
CREATE TABLE script (
    id          bigserial     PRIMARY KEY,
    name        varchar(200)  NOT NULL,
    description varchar(1000),
    created_at  timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT script_name_uk UNIQUE (name)
);

CREATE TABLE script_version (
    id           bigserial     PRIMARY KEY,
    script_id    bigint        NOT NULL REFERENCES script (id) ON DELETE CASCADE,
    number       int           NOT NULL CHECK (number > 0),     -- 1, 2, 3... per script
    status       varchar(10)   NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'RETIRED')),
    schema_json  jsonb         NOT NULL,                        -- the form-js schema
    comment      varchar(1000),
    created_by   varchar(100)  NOT NULL,
    created_at   timestamptz   NOT NULL DEFAULT now(),
    published_by varchar(100),
    published_at timestamptz,
    CONSTRAINT script_version_number_uk UNIQUE (script_id, number)
);
CREATE UNIQUE INDEX script_version_one_draft_uk ON script_version (script_id) WHERE status = 'DRAFT';
CREATE UNIQUE INDEX script_version_one_published_uk ON script_version (script_id) WHERE status = 'PUBLISHED';
