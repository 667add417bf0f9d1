-- Qualifications: a do-not-call category, and whether a qualification is final for the contact (false: the contact
-- is called again after the retry delay while attempts remain, e.g. an answering machine).
ALTER TABLE qualification DROP CONSTRAINT qualification_category_check;
ALTER TABLE qualification ADD CONSTRAINT qualification_category_check
    CHECK (category IN ('POSITIVE', 'NEGATIVE', 'NEUTRAL', 'CALLBACK', 'DO_NOT_CALL'));
ALTER TABLE qualification ADD COLUMN final_outcome boolean NOT NULL DEFAULT true;

UPDATE qualification SET final_outcome = false
WHERE code = 'ANSWERING_MACHINE' AND group_id = (SELECT id FROM qualification_group WHERE name = 'Standard');
UPDATE qualification SET category = 'DO_NOT_CALL'
WHERE code = 'DO_NOT_CALL' AND group_id = (SELECT id FROM qualification_group WHERE name = 'Standard');
