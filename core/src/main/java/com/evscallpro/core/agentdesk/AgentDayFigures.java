package com.evscallpro.core.agentdesk;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * An agent's own figures of the day, read from the raw tables for that one agent (indexed by agent and time; the
 * hourly roll-ups of the reports lag behind by up to their catch-up period). The definitions are the reports':
 * <ul>
 *   <li>calls handled: the agent's answered calls started in the day ({@code call_history}, disposition
 *       {@code ANSWERED} and outcome {@code ANSWERED} or none);</li>
 *   <li>talk, wrap-up, pause and logged time: the time spent ON_CALL, WRAP_UP, PAUSED and in any state but OFFLINE
 *       ({@code agent_state_log}, clipped to the day and to now);</li>
 *   <li>average handle time: (talk + wrap-up) ÷ calls handled;</li>
 *   <li>positive qualifications: calls handled qualified in a POSITIVE qualification of their campaign; conversion:
 *       positive ÷ calls handled;</li>
 *   <li>occupancy (design.md §8): (talk + wrap-up) ÷ (logged − paused).</li>
 * </ul>
 * The day is a day of {@code evs.reports.zone} (Europe/Paris by default).
 */
@Service
public class AgentDayFigures {

    /** The figures; ratios and the average are null when their divisor is zero. */
    public record DayFigures(long calls, long talkSeconds, long wrapSeconds, long pausedSeconds, long loggedSeconds,
                             long positive) {

        /** Average handle time in seconds: (talk + wrap-up) ÷ calls. */
        public Long averageHandleSeconds() {
            return calls == 0 ? null : Math.round((talkSeconds + wrapSeconds) / (double) calls);
        }

        /** Positive qualifications ÷ calls handled. */
        public Double conversion() {
            return calls == 0 ? null : positive / (double) calls;
        }

        /** (talk + wrap-up) ÷ (logged − paused). */
        public Double occupancy() {
            long available = loggedSeconds - pausedSeconds;
            return available <= 0 ? null : (talkSeconds + wrapSeconds) / (double) available;
        }
    }

    private final JdbcClient jdbc;
    private final ZoneId zone;
    private Clock clock = Clock.systemUTC();

    AgentDayFigures(JdbcClient jdbc, @Value("${evs.reports.zone:Europe/Paris}") String zone) {
        this.jdbc = jdbc;
        this.zone = ZoneId.of(zone);
    }

    @Autowired
    void setClock(ObjectProvider<Clock> clocks) {
        Clock given = clocks.getIfUnique();
        if (given != null) {
            this.clock = given;
        }
    }

    /** Tests: a fixed clock. */
    void useClock(Clock clock) {
        this.clock = clock;
    }

    /** The agent's figures for today so far. */
    public DayFigures today(long agentId) {
        Instant now = clock.instant();
        LocalDate day = now.atZone(zone).toLocalDate();
        return between(agentId, day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant(),
                now);
    }

    /** The agent's figures over {@code [from, to)}, as known at {@code now} (a state still running ends at now). */
    public DayFigures between(long agentId, Instant from, Instant to, Instant now) {
        Timestamp f = Timestamp.from(from);
        Timestamp t = Timestamp.from(to);
        long[] calls = jdbc.sql("""
                SELECT count(*),
                       count(*) FILTER (WHERE EXISTS (
                           SELECT 1 FROM campaign c JOIN qualification q ON q.group_id = c.qualification_group_id
                            WHERE c.id = h.campaign_id AND q.code = h.qualification_code AND q.category = 'POSITIVE'))
                  FROM call_history h
                 WHERE h.agent_id = :agent AND h.started_at >= :from AND h.started_at < :to
                   AND h.disposition = 'ANSWERED' AND coalesce(h.outcome, 'ANSWERED') = 'ANSWERED'""")
                .param("agent", agentId).param("from", f).param("to", t)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        long[] times = jdbc.sql("""
                WITH raw AS (
                    SELECT state, at, id FROM agent_state_log WHERE user_id = :agent AND at >= :from AND at < :to
                    UNION ALL
                    SELECT * FROM (SELECT state, at, id FROM agent_state_log WHERE user_id = :agent AND at < :from
                                    ORDER BY at DESC, id DESC LIMIT 1) before
                ), iv AS (
                    SELECT state, greatest(at, :from) AS s,
                           least(coalesce(lead(at) OVER (ORDER BY at, id), :now), :to, :now) AS e
                      FROM raw
                )
                SELECT coalesce(round(sum(extract(epoch FROM e - s)) FILTER (WHERE state = 'ON_CALL')), 0),
                       coalesce(round(sum(extract(epoch FROM e - s)) FILTER (WHERE state = 'WRAP_UP')), 0),
                       coalesce(round(sum(extract(epoch FROM e - s)) FILTER (WHERE state = 'PAUSED')), 0),
                       coalesce(round(sum(extract(epoch FROM e - s))
                                FILTER (WHERE state NOT IN ('OFFLINE', 'LOGGED_OUT'))), 0)
                  FROM iv WHERE e > s""")
                .param("agent", agentId).param("from", f).param("to", t).param("now", Timestamp.from(now))
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
        return new DayFigures(calls[0], times[0], times[1], times[2], times[3], calls[1]);
    }
}
