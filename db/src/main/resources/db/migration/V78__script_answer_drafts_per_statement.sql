-- V74's trigger ran once per inserted call_history row and took one advisory lock per row: a statement inserting
-- many records at once (an import, a test's bulk insert, a migration of history) ran out of lock table
-- ("out of shared memory"). It becomes a statement-level trigger over the inserted rows (a transition table), and
-- the lock that orders it with ScriptServiceImpl.keepAnswers becomes one of 16 stripes of the call id
-- (hashtext(call_id) & 15): a statement takes at most 16 shared locks, whatever its size; keepAnswers takes its
-- call's stripe exclusively. Whichever comes second still sees what the first committed (same reasoning as V74).
DROP TRIGGER call_history_script_answer_draft ON call_history;
DROP FUNCTION script_answer_draft_attach();

CREATE FUNCTION script_answer_draft_attach() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    stripe integer;
BEGIN
    FOR stripe IN SELECT DISTINCT hashtext(call_id) & 15 FROM inserted WHERE call_id IS NOT NULL ORDER BY 1 LOOP
        PERFORM pg_advisory_xact_lock_shared(hashtext('script-answers'), stripe);
    END LOOP;
    WITH kept AS (
        DELETE FROM script_answer_draft d USING inserted n
         WHERE d.call_id = n.call_id
        RETURNING d.call_id, d.answers)
    UPDATE call_history h SET script_answers = COALESCE(h.script_answers, kept.answers)
      FROM kept JOIN inserted n ON n.call_id = kept.call_id
     WHERE h.id = n.id;
    RETURN NULL;
END $$;

CREATE TRIGGER call_history_script_answer_draft AFTER INSERT ON call_history
    REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION script_answer_draft_attach();
