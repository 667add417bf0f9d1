-- AMD false positives per campaign (issue 9: "AMD's analysis time counts toward the 2 s ... count its false positives
-- as abandons"). A live person AMD takes for a machine is hung up on: the legal measure counts them as abandoned.
-- No verdict can be checked live, so each campaign carries its measured false-positive rate (supervisors measure it
-- by listening to a sample of MACHINE calls; null: the dialer's evs.dialer.amd-false-positive-percent), and the
-- dialer counts that share of its MACHINE verdicts as abandoned live answers (proportional sampling).
ALTER TABLE campaign ADD COLUMN amd_false_positive_percent numeric(5, 2)
    CHECK (amd_false_positive_percent >= 0 AND amd_false_positive_percent <= 100);
COMMENT ON COLUMN campaign.amd_false_positive_percent IS
    'share of AMD MACHINE verdicts counted as live persons hung up on (abandons); null: the dialer default';

-- The MACHINE attempts counted as false positives: abandoned live answers in the roll-ups and the legal report.
ALTER TABLE call_history ADD COLUMN amd_false_positive boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN call_history.amd_false_positive IS
    'outcome MACHINE counted as a live person hung up on (AMD false positive): an abandon for the legal measure';

ALTER TABLE report_call_hour ADD COLUMN amd_false_positive bigint NOT NULL DEFAULT 0;
COMMENT ON COLUMN report_call_hour.amd_false_positive IS
    'MACHINE verdicts counted as AMD false positives (already inside abandoned and live_answered)';
