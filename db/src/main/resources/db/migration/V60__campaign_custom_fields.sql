-- The agent's screen-pop (issue 11, item 1): the labels of a campaign's custom contact fields (the keys of
-- contact.custom_fields, written by the CSV import), in French and English, and the order the agent sees them in.
-- A key without a row here is shown humanised ("date_naissance" -> "Date naissance").
CREATE TABLE campaign_custom_field (
    campaign_id bigint       NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    field_key   varchar(100) NOT NULL,
    label_fr    varchar(200) NOT NULL,
    label_en    varchar(200) NOT NULL,
    position    int          NOT NULL DEFAULT 0,
    PRIMARY KEY (campaign_id, field_key)
);
