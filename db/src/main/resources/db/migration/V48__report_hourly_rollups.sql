-- Reports (issue 11, item 5): hourly roll-ups of call_history and agent_state_log, kept by core.report.
-- Hours are UTC hours (hour_start = date_trunc('hour', t, 'UTC')); days are made of them in the reports' time zone,
-- so a DST day has 23 or 25 hours. Every row of a roll-up is a pure function of the raw tables for its hour: an hour is
-- recomputed whole (delete + insert), never patched, so the incremental path and a rebuild give the same rows.
-- A call counts in the hour it started; agent state time is split across the hours it spans.
-- Keys use 0 (no campaign) and '' (no queue / no qualification) instead of NULL so that they can be primary keys.

CREATE TABLE report_call_hour (
    hour_start       timestamptz  NOT NULL,
    campaign_id      bigint       NOT NULL DEFAULT 0,
    queue_name       varchar(100) NOT NULL DEFAULT '',
    direction        varchar(10)  NOT NULL,
    calls            int          NOT NULL,
    answered         int          NOT NULL,   -- outcome ANSWERED (outbound) / disposition ANSWERED (inbound)
    abandoned        int          NOT NULL,   -- outbound: answered, not connected to an agent in 2 s (outcome ABANDONED)
    busy             int          NOT NULL,
    no_answer        int          NOT NULL,
    congestion       int          NOT NULL,
    failed           int          NOT NULL,
    live_answered    int          NOT NULL,   -- outbound: ANSWERED + ABANDONED (denominator of the legal abandon rate)
    queued           int          NOT NULL,   -- inbound: calls that entered a queue
    queue_abandoned  int          NOT NULL,   -- inbound: hung up while queued after the short-abandon threshold
    short_abandoned  int          NOT NULL,   -- inbound: hung up while queued within the short-abandon threshold
    answered_in_sl   int          NOT NULL,   -- inbound: answered by an agent within the service-level threshold
    talk_seconds     bigint       NOT NULL,   -- sum of billsec
    wait_seconds     bigint       NOT NULL,   -- sum of queue wait
    PRIMARY KEY (hour_start, campaign_id, queue_name, direction)
);

CREATE TABLE report_qualification_hour (
    hour_start         timestamptz  NOT NULL,
    campaign_id        bigint       NOT NULL DEFAULT 0,
    qualification_code varchar(50)  NOT NULL,
    calls              int          NOT NULL,
    PRIMARY KEY (hour_start, campaign_id, qualification_code)
);

CREATE TABLE report_agent_hour (
    hour_start       timestamptz NOT NULL,
    user_id          bigint      NOT NULL,     -- no foreign key: the figures outlive a deleted user
    logged_seconds   bigint      NOT NULL,     -- any state but OFFLINE / LOGGED_OUT
    ready_seconds    bigint      NOT NULL,
    reserved_seconds bigint      NOT NULL,
    talk_seconds     bigint      NOT NULL,     -- ON_CALL
    wrap_seconds     bigint      NOT NULL,     -- WRAP_UP
    paused_seconds   bigint      NOT NULL,
    calls            int         NOT NULL,     -- answered calls of this agent that started in the hour
    PRIMARY KEY (hour_start, user_id)
);

CREATE TABLE report_pause_hour (
    hour_start timestamptz  NOT NULL,
    user_id    bigint       NOT NULL,
    reason     varchar(100) NOT NULL,          -- '' when the pause had no reason
    seconds    bigint       NOT NULL,
    PRIMARY KEY (hour_start, user_id, reason)
);

-- Hours whose raw rows changed since their roll-up was computed. marked_at changes on every new mark, so the
-- catch-up job only forgets an hour if nothing marked it again while it was being recomputed.
CREATE TABLE report_dirty_hour (
    hour_start timestamptz PRIMARY KEY,
    marked_at  timestamptz NOT NULL
);

CREATE FUNCTION report_mark_hours(from_ts timestamptz, to_ts timestamptz) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO report_dirty_hour (hour_start, marked_at)
    SELECT h, clock_timestamp()
      FROM generate_series(date_trunc('hour', from_ts, 'UTC'), date_trunc('hour', to_ts, 'UTC'), interval '1 hour') h
    ON CONFLICT (hour_start) DO UPDATE SET marked_at = EXCLUDED.marked_at
$$;

CREATE FUNCTION report_call_history_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM report_mark_hours(OLD.started_at, OLD.started_at);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM report_mark_hours(NEW.started_at, NEW.started_at);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER call_history_report_mark AFTER INSERT OR UPDATE OR DELETE ON call_history
    FOR EACH ROW EXECUTE FUNCTION report_call_history_changed();

-- A new state closes the agent's previous one: every hour from the previous change to this one changes (none when
-- the agent was offline, whose time counts nowhere).
CREATE FUNCTION report_agent_state_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    prev record;
BEGIN
    SELECT state, at INTO prev FROM agent_state_log
     WHERE user_id = NEW.user_id AND (at, id) < (NEW.at, NEW.id)
     ORDER BY at DESC, id DESC LIMIT 1;
    IF FOUND AND prev.state NOT IN ('OFFLINE', 'LOGGED_OUT') AND prev.at < NEW.at THEN
        PERFORM report_mark_hours(prev.at, NEW.at);
    ELSE
        PERFORM report_mark_hours(NEW.at, NEW.at);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER agent_state_log_report_mark AFTER INSERT ON agent_state_log
    FOR EACH ROW EXECUTE FUNCTION report_agent_state_changed();

CREATE INDEX report_call_hour_campaign_idx ON report_call_hour (campaign_id, hour_start);
CREATE INDEX report_agent_hour_user_idx ON report_agent_hour (user_id, hour_start);
