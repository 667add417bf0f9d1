-- Sites' PBX connections (issue 7, item 1): an ASTERISK_AMI site has one or several AMI servers (site_ami_server,
-- in order), a YEASTAR_API site its Open API settings (yeastar_* on site). Every secret is stored sealed by
-- core.secret.SecretCipher ('enc:v1:<key id>:...'): the CHECKs refuse a clear value. SIP trunks now belong to a site
-- for good, and their password column grows to hold the sealed form (rows stored in clear before are sealed by the
-- application at its first start: core.pbxconfig.TrunkPasswordSealer).
ALTER TABLE site
    ADD COLUMN yeastar_base_url        varchar(300),
    ADD COLUMN yeastar_client_id       varchar(200),
    ADD COLUMN yeastar_client_secret   varchar(1000) CHECK (yeastar_client_secret LIKE 'enc:%'),
    ADD COLUMN yeastar_dial_mode       varchar(20),
    ADD COLUMN yeastar_auto_answer     boolean,
    ADD COLUMN yeastar_dial_permission varchar(64);

CREATE TABLE site_ami_server (
    site_id                bigint       NOT NULL REFERENCES site (id) ON DELETE CASCADE,
    position               int          NOT NULL,
    server_id              varchar(40)  NOT NULL CHECK (server_id ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$'),
    host                   varchar(253) NOT NULL CHECK (host ~ '^[A-Za-z0-9.:-]+$'),
    port                   int          NOT NULL DEFAULT 5038 CHECK (port BETWEEN 1 AND 65535),
    username               varchar(64)  NOT NULL,
    secret                 varchar(1000) NOT NULL CHECK (secret LIKE 'enc:%'),
    customer_dial_template varchar(200),
    agent_context          varchar(80),
    phone_dial_template    varchar(200),
    phone_context          varchar(80),
    PRIMARY KEY (site_id, position),
    CONSTRAINT site_ami_server_uk UNIQUE (site_id, server_id)
);

ALTER TABLE sip_trunk ALTER COLUMN password TYPE varchar(1000);
UPDATE sip_trunk SET site_id = (SELECT id FROM site WHERE code = 'main') WHERE site_id IS NULL;
ALTER TABLE sip_trunk ALTER COLUMN site_id SET NOT NULL;

-- Spring Data JDBC takes a row whose primitive @Version is 0 for a new one (it would INSERT it again): rows start at 1.
ALTER TABLE site ALTER COLUMN version SET DEFAULT 1;
UPDATE site SET version = 1 WHERE version = 0;
