-- The CRM link of a queue's screen-pop (issue 7): inbound calls come through queues, so a queue has its own template,
-- e.g. https://crm.example.com/contacts?phone={phone}: the agent's inbound screen-pop opens it in a new tab with the
-- caller's number. Same rules as campaign.crm_url_template (core.webhook.CrmLinks.validate); null: no link.
ALTER TABLE call_queue ADD COLUMN crm_url_template varchar(2000);
