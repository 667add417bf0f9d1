-- Predictive dialing with answering-machine detection: an attempt AMD called a machine (and that the campaign does
-- not pass to agents) ends with the outcome MACHINE, retried after the campaign's answering-machine delay.
ALTER TABLE call_history DROP CONSTRAINT IF EXISTS call_history_outcome_check;
ALTER TABLE call_history ADD CONSTRAINT call_history_outcome_check
    CHECK (outcome IN ('ANSWERED', 'BUSY', 'NO_ANSWER', 'CONGESTION', 'FAILED', 'ABANDONED', 'MACHINE'));
