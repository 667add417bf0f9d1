-- Answering-machine verdicts in the hourly call roll-ups (issue 9: the daily abandon report shows them beside the
-- abandons, so a supervisor sees what AMD took for a machine next to what the legal measure counts). The hours
-- already rolled up that hold MACHINE outcomes are marked dirty: the catch-up job recomputes them.
ALTER TABLE report_call_hour ADD COLUMN machine bigint NOT NULL DEFAULT 0;
COMMENT ON COLUMN report_call_hour.machine IS 'calls whose outcome is MACHINE (AMD verdict)';

INSERT INTO report_dirty_hour (hour_start, marked_at)
SELECT DISTINCT date_trunc('hour', started_at, 'UTC'), clock_timestamp()
  FROM call_history WHERE outcome = 'MACHINE'
ON CONFLICT (hour_start) DO UPDATE SET marked_at = EXCLUDED.marked_at;
