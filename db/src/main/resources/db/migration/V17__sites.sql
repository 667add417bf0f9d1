-- Sites (issue 7, item 1): a place with its own PBX. Each site has a PBX mode (Asterisk over AMI with one or several
-- servers, or a Yeastar PBX over its HTTP API); its connection settings are added by the site feature's later
-- migrations. Users and SIP trunks belong to a site. The site 'main' is created here and takes every existing user and
-- trunk, so an upgraded installation keeps working unchanged. (sip_trunk.site_id becomes NOT NULL once the trunk
-- aggregate carries it.)
CREATE TABLE site (
    id         bigserial    PRIMARY KEY,
    code       varchar(40)  NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9_-]{0,39}$'),
    name       varchar(200) NOT NULL,
    time_zone  varchar(60)  NOT NULL DEFAULT 'Europe/Paris',
    pbx_mode   varchar(20)  NOT NULL DEFAULT 'ASTERISK_AMI' CHECK (pbx_mode IN ('ASTERISK_AMI', 'YEASTAR_API')),
    enabled    boolean      NOT NULL DEFAULT true,
    version    int          NOT NULL DEFAULT 0,        -- optimistic locking (Spring Data @Version)
    created_at timestamptz  NOT NULL DEFAULT now(),
    updated_at timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT site_code_uk UNIQUE (code)
);

INSERT INTO site (code, name) VALUES ('main', 'Main site');

ALTER TABLE app_user ADD COLUMN site_id bigint REFERENCES site (id) ON DELETE RESTRICT;
UPDATE app_user SET site_id = (SELECT id FROM site WHERE code = 'main');
CREATE INDEX app_user_site_idx ON app_user (site_id);

ALTER TABLE sip_trunk ADD COLUMN site_id bigint REFERENCES site (id) ON DELETE RESTRICT;
UPDATE sip_trunk SET site_id = (SELECT id FROM site WHERE code = 'main');
CREATE INDEX sip_trunk_site_idx ON sip_trunk (site_id);
