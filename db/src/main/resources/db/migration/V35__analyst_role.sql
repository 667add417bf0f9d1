-- Business analysts (issue 10, item 7): a role of their own. They edit, validate, test-run and publish call flows
-- (IVR flows and the outbound call journey) and read the prompt library; they see no agent, supervision or back-office
-- screen. Admins keep every right analysts have; supervisors and agents never edit flows.
ALTER TABLE app_user DROP CONSTRAINT app_user_role_check;
ALTER TABLE app_user ADD CONSTRAINT app_user_role_check CHECK (role IN ('ADMIN', 'SUPERVISOR', 'AGENT', 'ANALYST'));
