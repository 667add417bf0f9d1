-- Outgoing webhooks: the endpoints admins register, and the outbox of deliveries a background sender posts (signed,
-- retried with exponential back-off, then FAILED). And the CRM link of a campaign's screen-pop.

CREATE TABLE webhook_endpoint (
    id            bigserial     PRIMARY KEY,
    name          varchar(100)  NOT NULL UNIQUE,
    url           varchar(2000) NOT NULL CHECK (url ~* '^https?://'),
    events        text[]        NOT NULL,                  -- e.g. {call.started,contact.closed}
    secret_sealed text          NOT NULL,                  -- the signing secret, sealed (SecretCipher)
    active        boolean       NOT NULL DEFAULT true,
    created_at    timestamptz   NOT NULL DEFAULT now()
);

CREATE TABLE webhook_delivery (
    id              bigserial    PRIMARY KEY,
    endpoint_id     bigint       NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    event_id        uuid         NOT NULL,                 -- the same for every endpoint of one event
    event_type      varchar(40)  NOT NULL,
    payload         text         NOT NULL,                 -- the exact body posted (what the signature covers)
    status          varchar(10)  NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        int          NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL DEFAULT now(),
    last_status     int,                                   -- last HTTP status, null when no answer
    last_error      varchar(500),
    created_at      timestamptz  NOT NULL DEFAULT now(),
    delivered_at    timestamptz,
    CONSTRAINT webhook_delivery_event_uk UNIQUE (endpoint_id, event_id)
);
-- The sender's pick: due pending deliveries, oldest first.
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at, id) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_created_idx ON webhook_delivery (created_at DESC, id DESC);

-- e.g. https://crm.example.com/contacts?phone={phone}&ref={contactId}: the agent's screen-pop opens it in a new tab.
ALTER TABLE campaign ADD COLUMN crm_url_template varchar(2000);
