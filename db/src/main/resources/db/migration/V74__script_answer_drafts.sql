-- Agent script answers kept on the server while the call is going on (issue 10, item 6): an inbound call has no
-- wrap-up task, and its record (call_history) is written only when the call ends, so the answers the agent types are
-- kept here by call id until the record exists. Whichever comes first:
--   * the record is already there: the answers go straight into call_history.script_answers (no draft);
--   * the record is not there yet: the answers wait here, and the trigger below moves them into the record the
--     moment it is inserted (one row, attached once, the draft deleted in the same transaction).
-- Both sides take the same transaction-scoped advisory lock on the call id, so a draft saved while the record is
-- being inserted is never left behind (core.script.ScriptServiceImpl.keepAnswers).
CREATE TABLE script_answer_draft (
    call_id    varchar(64)  PRIMARY KEY,                -- call_history.call_id (no FK: the history row comes later)
    answers    jsonb        NOT NULL,
    updated_at timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX script_answer_draft_updated_idx ON script_answer_draft (updated_at);

CREATE FUNCTION script_answer_draft_attach() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    kept jsonb;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('script-answers:' || NEW.call_id));
    DELETE FROM script_answer_draft WHERE call_id = NEW.call_id RETURNING answers INTO kept;
    IF kept IS NOT NULL THEN
        UPDATE call_history SET script_answers = COALESCE(script_answers, kept) WHERE id = NEW.id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER call_history_script_answer_draft AFTER INSERT ON call_history
    FOR EACH ROW EXECUTE FUNCTION script_answer_draft_attach();
