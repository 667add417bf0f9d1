-- Who changed what: every change a person makes through the back office (and later the API), with the state before
-- and after (secrets masked), when and from where. Append-only.
CREATE TABLE audit_log (
    id         bigserial    PRIMARY KEY,
    at         timestamptz  NOT NULL DEFAULT now(),
    actor_id   bigint,                    -- null: the system
    actor_name varchar(100) NOT NULL,
    source     varchar(100),              -- the client's address, when known
    action     varchar(40)  NOT NULL,
    entity     varchar(40)  NOT NULL,
    entity_id  varchar(100),
    summary    varchar(500),
    before     jsonb,
    after      jsonb
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id, at DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_name, at DESC);
