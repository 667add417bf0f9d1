-- The kind of technical failure as a stable code (pbx-not-connected, pbx-connection-lost, pbx-refused,
-- pbx-no-response, other) that the UI translates; reason keeps the technical detail as logged.
ALTER TABLE call_technical_failure ADD COLUMN reason_code varchar(40);
