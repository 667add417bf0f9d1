package com.evscallpro.core.report;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the hourly roll-ups ({@code report_*_hour}). An hour is always recomputed whole from the raw tables (delete,
 * then insert the aggregates), so the incremental path ({@link #catchUp()}, fed by the triggers that mark changed
 * hours in {@code report_dirty_hour}) and {@link #rebuild(Instant, Instant)} write the same rows.
 */
@Service
public class ReportRollups {

    /** Hours recomputed per catch-up round at most (the next round takes the rest). */
    static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int shortAbandonSeconds;
    private final int serviceLevelSeconds;

    ReportRollups(JdbcClient jdbc, PlatformTransactionManager txm, ObjectProvider<Clock> clock,
                  @Value("${evs.reports.short-abandon-seconds:5}") int shortAbandonSeconds,
                  @Value("${evs.reports.service-level-seconds:20}") int serviceLevelSeconds) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txm);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.shortAbandonSeconds = shortAbandonSeconds;
        this.serviceLevelSeconds = serviceLevelSeconds;
    }

    public int shortAbandonSeconds() {
        return shortAbandonSeconds;
    }

    public int serviceLevelSeconds() {
        return serviceLevelSeconds;
    }

    /**
     * Recomputes the hours marked as changed (at most {@value #BATCH} per call), plus the current and the previous
     * hour (an agent's open state grows with time without any new row). Returns the number of hours recomputed.
     */
    public int catchUp() {
        Instant current = clock.instant().truncatedTo(ChronoUnit.HOURS);
        int done = 0;
        for (Instant h : List.of(current.minus(1, ChronoUnit.HOURS), current)) {
            recompute(h, h.plus(1, ChronoUnit.HOURS));
            done++;
        }
        List<Object[]> dirty = jdbc.sql("""
                SELECT hour_start, marked_at FROM report_dirty_hour ORDER BY hour_start LIMIT ?""")
                .param(BATCH).query((rs, i) -> new Object[] {rs.getTimestamp(1), rs.getTimestamp(2)}).list();
        for (Object[] d : dirty) {
            Instant h = ((Timestamp) d[0]).toInstant();
            tx.executeWithoutResult(s -> {
                lock();
                recomputeInTx(h, h.plus(1, ChronoUnit.HOURS));
                jdbc.sql("DELETE FROM report_dirty_hour WHERE hour_start = ? AND marked_at = ?")
                        .param(d[0]).param(d[1]).update();
            });
            done++;
        }
        return done;
    }

    /** Hours still waiting for the catch-up job. */
    public int pendingHours() {
        return jdbc.sql("SELECT count(*) FROM report_dirty_hour").query(Integer.class).single();
    }

    /**
     * Recomputes every hour of [{@code from}, {@code to}) from the raw tables, a day per transaction; the bounds are
     * widened to whole hours. Returns the number of hours covered.
     */
    public long rebuild(Instant from, Instant to) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new IllegalArgumentException("the period must end after it starts");
        }
        if (Duration.between(from, to).toDays() > 3700) {
            throw new IllegalArgumentException("a rebuild covers ten years at most");
        }
        Instant start = from.truncatedTo(ChronoUnit.HOURS);
        Instant end = to.truncatedTo(ChronoUnit.HOURS).equals(to) ? to
                : to.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        for (Instant s = start; s.isBefore(end); s = s.plus(1, ChronoUnit.DAYS)) {
            Instant e = s.plus(1, ChronoUnit.DAYS).isAfter(end) ? end : s.plus(1, ChronoUnit.DAYS);
            recompute(s, e);
            Instant fs = s;
            tx.executeWithoutResult(st -> jdbc.sql(
                    "DELETE FROM report_dirty_hour WHERE hour_start >= ? AND hour_start < ? AND marked_at < ?")
                    .param(ts(fs)).param(ts(e)).param(ts(clock.instant())).update());
        }
        return Duration.between(start, end).toHours();
    }

    private void recompute(Instant from, Instant to) {
        tx.executeWithoutResult(s -> {
            lock();
            recomputeInTx(from, to);
        });
    }

    /** One node recomputes at a time (two would delete and insert the same keys). */
    private void lock() {
        jdbc.sql("SELECT pg_advisory_xact_lock(4811)").query(Object.class).list();
    }

    private void recomputeInTx(Instant from, Instant to) {
        Timestamp f = ts(from);
        Timestamp t = ts(to);
        for (String table : List.of("report_call_hour", "report_qualification_hour", "report_agent_hour",
                "report_pause_hour")) {
            jdbc.sql("DELETE FROM " + table + " WHERE hour_start >= ? AND hour_start < ?").param(f).param(t).update();
        }
        jdbc.sql("""
                INSERT INTO report_call_hour (hour_start, campaign_id, queue_name, direction, calls, answered,
                    abandoned, busy, no_answer, congestion, failed, live_answered, queued, queue_abandoned,
                    short_abandoned, answered_in_sl, talk_seconds, wait_seconds, machine, amd_false_positive)
                SELECT date_trunc('hour', started_at, 'UTC'), coalesce(campaign_id, 0), coalesce(queue_name, ''),
                       direction, count(*),
                       count(*) FILTER (WHERE o = 'ANSWERED'),
                       count(*) FILTER (WHERE o = 'ABANDONED' OR fp),
                       count(*) FILTER (WHERE o = 'BUSY'),
                       count(*) FILTER (WHERE o = 'NO_ANSWER'),
                       count(*) FILTER (WHERE o = 'CONGESTION'),
                       count(*) FILTER (WHERE o = 'FAILED'),
                       count(*) FILTER (WHERE direction = 'OUTBOUND' AND (o IN ('ANSWERED', 'ABANDONED') OR fp)),
                       count(*) FILTER (WHERE q),
                       count(*) FILTER (WHERE q AND inbound_outcome = 'ABANDONED' AND coalesce(wait_seconds, 0) >= :short),
                       count(*) FILTER (WHERE q AND inbound_outcome = 'ABANDONED' AND coalesce(wait_seconds, 0) < :short),
                       count(*) FILTER (WHERE q AND inbound_outcome IN ('AGENT', 'TRANSFERRED')
                                        AND coalesce(wait_seconds, 0) <= sl),
                       coalesce(sum(billsec), 0), coalesce(sum(wait_seconds) FILTER (WHERE q), 0),
                       count(*) FILTER (WHERE o = 'MACHINE'),
                       count(*) FILTER (WHERE fp)
                  FROM (SELECT c.*, coalesce(c.outcome, replace(c.disposition, ' ', '_')) AS o,
                               (c.outcome = 'MACHINE' AND c.amd_false_positive) AS fp,
                               (c.direction = 'INBOUND' AND c.queue_name IS NOT NULL) AS q,
                               coalesce(qs.service_level_seconds, :sl) AS sl
                          FROM call_history c
                          LEFT JOIN (SELECT g.name, q.service_level_seconds FROM call_queue q
                                       JOIN agent_group g ON g.id = q.group_id) qs ON qs.name = c.queue_name
                         WHERE c.started_at >= :from AND c.started_at < :to) x
                 GROUP BY 1, 2, 3, 4""")
                .param("from", f).param("to", t).param("short", shortAbandonSeconds).param("sl", serviceLevelSeconds)
                .update();
        jdbc.sql("""
                INSERT INTO report_qualification_hour (hour_start, campaign_id, qualification_code, calls)
                SELECT date_trunc('hour', started_at, 'UTC'), coalesce(campaign_id, 0), qualification_code, count(*)
                  FROM call_history WHERE started_at >= ? AND started_at < ? AND qualification_code IS NOT NULL
                 GROUP BY 1, 2, 3""").param(f).param(t).update();
        String parts = """
                WITH raw AS (
                    SELECT user_id, state, pause_reason, at, id FROM agent_state_log WHERE at >= :from AND at < :to
                    UNION ALL
                    SELECT l.user_id, l.state, l.pause_reason, l.at, l.id FROM app_user u CROSS JOIN LATERAL (
                        SELECT * FROM agent_state_log a WHERE a.user_id = u.id AND a.at < :from
                         ORDER BY a.at DESC, a.id DESC LIMIT 1) l
                ), iv AS (
                    SELECT user_id, state, coalesce(pause_reason, '') AS reason, greatest(at, :from) AS s,
                           least(coalesce(lead(at) OVER (PARTITION BY user_id ORDER BY at, id), :now), :to) AS e
                      FROM raw
                ), parts AS (
                    SELECT user_id, state, reason, h,
                           extract(epoch FROM least(e, h + interval '1 hour') - greatest(s, h)) AS secs
                      FROM iv CROSS JOIN LATERAL generate_series(date_trunc('hour', s, 'UTC'), e, interval '1 hour') h
                     WHERE e > s AND state NOT IN ('OFFLINE', 'LOGGED_OUT')
                )
                """;
        Timestamp now = ts(clock.instant());
        jdbc.sql(parts + """
                , a AS (
                    SELECT h, user_id, sum(secs) AS logged,
                           coalesce(sum(secs) FILTER (WHERE state = 'READY'), 0) AS ready,
                           coalesce(sum(secs) FILTER (WHERE state = 'RESERVED'), 0) AS reserved,
                           coalesce(sum(secs) FILTER (WHERE state = 'ON_CALL'), 0) AS talk,
                           coalesce(sum(secs) FILTER (WHERE state = 'WRAP_UP'), 0) AS wrap,
                           coalesce(sum(secs) FILTER (WHERE state = 'PAUSED'), 0) AS paused
                      FROM parts WHERE secs > 0 GROUP BY h, user_id
                ), c AS (
                    SELECT date_trunc('hour', started_at, 'UTC') AS h, agent_id AS user_id, count(*) AS calls
                      FROM call_history WHERE started_at >= :from AND started_at < :to AND agent_id IS NOT NULL
                       AND disposition = 'ANSWERED' AND coalesce(outcome, 'ANSWERED') = 'ANSWERED'
                     GROUP BY 1, 2
                )
                INSERT INTO report_agent_hour (hour_start, user_id, logged_seconds, ready_seconds, reserved_seconds,
                    talk_seconds, wrap_seconds, paused_seconds, calls)
                SELECT coalesce(a.h, c.h), coalesce(a.user_id, c.user_id), round(coalesce(a.logged, 0)),
                       round(coalesce(a.ready, 0)), round(coalesce(a.reserved, 0)), round(coalesce(a.talk, 0)),
                       round(coalesce(a.wrap, 0)), round(coalesce(a.paused, 0)), coalesce(c.calls, 0)
                  FROM a FULL JOIN c ON a.h = c.h AND a.user_id = c.user_id""")
                .param("from", f).param("to", t).param("now", now).update();
        jdbc.sql(parts + """
                INSERT INTO report_pause_hour (hour_start, user_id, reason, seconds)
                SELECT h, user_id, reason, round(sum(secs)) FROM parts WHERE secs > 0 AND state = 'PAUSED'
                 GROUP BY h, user_id, reason""")
                .param("from", f).param("to", t).param("now", now).update();
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }
}
