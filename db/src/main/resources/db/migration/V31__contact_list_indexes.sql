-- Contacts at scale (issue 9): the contact list filters by last qualification and recycling picks closed contacts by
-- it. Partial: contacts never qualified (every freshly imported one) are not in it, so imports do not pay for it.
CREATE INDEX contact_campaign_qualification_idx ON contact (campaign_id, last_qualification_code, id)
    WHERE last_qualification_code IS NOT NULL;
