-- SIP trunks and the DIDs they deliver: the source of the generated Asterisk configuration
-- (pjsip_evscallpro.conf, extensions_evscallpro.conf; core.pbxconfig). The service validates every field; these
-- CHECKs are the last line of defence against a value that would break or inject into the generated files.
-- sip_trunk.password is stored in clear on purpose: PJSIP's auth_type=userpass needs the password itself (a hash
-- cannot be turned back into it). It is never logged, never shown, and only written to pjsip_evscallpro.conf.

CREATE TABLE sip_trunk (
    id             bigserial    PRIMARY KEY,
    name           varchar(40)  NOT NULL CHECK (name ~ '^[a-z0-9_-]{1,40}$'),
    host           varchar(253) NOT NULL CHECK (host ~ '^[A-Za-z0-9.:-]+$'),
    port           int          NOT NULL DEFAULT 5060 CHECK (port BETWEEN 1 AND 65535),
    transport      varchar(3)   NOT NULL DEFAULT 'udp' CHECK (transport IN ('udp', 'tcp', 'tls')),
    username       varchar(64),
    password       varchar(128),
    from_user      varchar(64),
    from_domain    varchar(253) CHECK (from_domain ~ '^[A-Za-z0-9.:-]+$'),
    codecs         varchar(200) NOT NULL DEFAULT 'alaw,ulaw' CHECK (codecs ~ '^[a-z0-9_]+(,[a-z0-9_]+)*$'),
    register       boolean      NOT NULL DEFAULT false,
    outbound_proxy varchar(300) CHECK (outbound_proxy ~ '^[]A-Za-z0-9.:[-]+$'),
    max_channels   int          CHECK (max_channels > 0),
    enabled        boolean      NOT NULL DEFAULT true,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    updated_at     timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT sip_trunk_name_uk UNIQUE (name),
    -- a registration and an outbound auth need both halves of the credentials
    CONSTRAINT sip_trunk_credentials_ck CHECK ((username IS NULL) = (password IS NULL)),
    CONSTRAINT sip_trunk_register_ck CHECK (NOT register OR username IS NOT NULL)
);

CREATE TABLE did (
    id          bigserial    PRIMARY KEY,
    number      varchar(16)  NOT NULL CHECK (number ~ '^\+[1-9][0-9]{6,14}$'),
    trunk_id    bigint       NOT NULL REFERENCES sip_trunk (id) ON DELETE RESTRICT,
    label       varchar(200),
    target_type varchar(10)  NOT NULL DEFAULT 'IVR' CHECK (target_type IN ('IVR', 'QUEUE', 'EXTENSION')),
    -- IVR: the FastAGI script path (agi://<agi host>:4573/<target>?did=…); QUEUE: a queue name;
    -- EXTENSION: an agent extension dialled through evs-agents
    target      varchar(64)  NOT NULL DEFAULT 'ivr' CHECK (target ~ '^[A-Za-z0-9_/-]{1,64}$'),
    enabled     boolean      NOT NULL DEFAULT true,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT did_number_uk UNIQUE (number)
);

-- A trunk's DIDs (the dialplan context of a trunk; "may this trunk be deleted?").
CREATE INDEX did_trunk_idx ON did (trunk_id, number);
