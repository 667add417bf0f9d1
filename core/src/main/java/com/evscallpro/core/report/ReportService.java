package com.evscallpro.core.report;

import com.evscallpro.core.report.ReportModel.AbandonDay;
import com.evscallpro.core.report.ReportModel.AbandonHour;
import com.evscallpro.core.report.ReportModel.AgentActivity;
import com.evscallpro.core.report.ReportModel.CallBucket;
import com.evscallpro.core.report.ReportModel.CallFilter;
import com.evscallpro.core.report.ReportModel.Comparison;
import com.evscallpro.core.report.ReportModel.Granularity;
import com.evscallpro.core.report.ReportModel.PauseTime;
import com.evscallpro.core.report.ReportModel.Period;
import com.evscallpro.core.report.ReportModel.QualificationCount;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The reports, read from the hourly roll-ups only (never from the raw tables). */
@Service
public class ReportService {

    private static final String CALL_SUMS = """
            sum(calls), sum(answered), sum(abandoned), sum(busy), sum(no_answer), sum(congestion), sum(failed),
            sum(live_answered), sum(queued), sum(queue_abandoned), sum(short_abandoned), sum(answered_in_sl),
            sum(talk_seconds), sum(wait_seconds), sum(machine)""";

    private final JdbcClient jdbc;
    private final ZoneId zone;

    ReportService(JdbcClient jdbc, @Value("${evs.reports.zone:Europe/Paris}") String zone) {
        this.jdbc = jdbc;
        this.zone = ZoneId.of(zone);
    }

    /** The time zone whose days the reports use unless told otherwise ({@code evs.reports.zone}). */
    public ZoneId zone() {
        return zone;
    }

    /** Calls and outcomes per hour or day of the period; every hour / day is there, with zeros when it had no call. */
    public List<CallBucket> calls(Period period, Granularity granularity, CallFilter filter) {
        Map<Instant, CallBucket> hours = new LinkedHashMap<>();
        for (CallBucket b : hourly(period, filter)) {
            hours.put(b.bucket(), b);
        }
        List<CallBucket> out = new ArrayList<>();
        if (granularity == Granularity.HOUR) {
            for (Instant h = period.start(); h.isBefore(period.end()); h = h.plus(1, ChronoUnit.HOURS)) {
                out.add(hours.getOrDefault(h, CallBucket.empty(h, day(h, period))));
            }
            return out;
        }
        for (LocalDate d = period.from(); !d.isAfter(period.to()); d = d.plusDays(1)) {
            Instant s = d.atStartOfDay(period.zone()).toInstant();
            Instant e = d.plusDays(1).atStartOfDay(period.zone()).toInstant();
            CallBucket sum = CallBucket.empty(s, d);
            for (Instant h = s; h.isBefore(e); h = h.plus(1, ChronoUnit.HOURS)) {
                CallBucket b = hours.get(h);
                if (b != null) {
                    sum = sum.plus(b);
                }
            }
            out.add(sum);
        }
        return out;
    }

    /** The sum of the period's calls. */
    public CallBucket callTotals(Period period, CallFilter filter) {
        CallBucket sum = CallBucket.empty(period.start(), period.from());
        for (CallBucket b : hourly(period, filter)) {
            sum = sum.plus(b);
        }
        return sum;
    }

    private List<CallBucket> hourly(Period period, CallFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT hour_start, " + CALL_SUMS
                + " FROM report_call_hour WHERE hour_start >= :start AND hour_start < :end");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("start", Timestamp.from(period.start()));
        params.put("end", Timestamp.from(period.end()));
        if (filter.campaignId() != null) {
            sql.append(" AND campaign_id = :campaign");
            params.put("campaign", filter.campaignId());
        }
        if (filter.queueName() != null) {
            sql.append(" AND queue_name = :queue");
            params.put("queue", filter.queueName());
        }
        if (filter.direction() != null) {
            sql.append(" AND direction = :direction");
            params.put("direction", filter.direction());
        }
        sql.append(" GROUP BY hour_start ORDER BY hour_start");
        return jdbc.sql(sql.toString()).params(params).query((rs, i) -> {
            Instant h = rs.getTimestamp(1).toInstant();
            return bucket(rs, h, day(h, period), 2);
        }).list();
    }

    private static CallBucket bucket(ResultSet rs, Instant h, LocalDate day, int c) throws SQLException {
        return new CallBucket(h, day, rs.getLong(c), rs.getLong(c + 1), rs.getLong(c + 2), rs.getLong(c + 3),
                rs.getLong(c + 4), rs.getLong(c + 5), rs.getLong(c + 6), rs.getLong(c + 7), rs.getLong(c + 8),
                rs.getLong(c + 9), rs.getLong(c + 10), rs.getLong(c + 11), rs.getLong(c + 12), rs.getLong(c + 13),
                rs.getLong(c + 14));
    }

    private static LocalDate day(Instant h, Period period) {
        return h.atZone(period.zone()).toLocalDate();
    }

    /** Each agent's activity over the period (one agent when {@code userId} is given), by name. */
    public List<AgentActivity> agents(Period period, Long userId) {
        return jdbc.sql("""
                SELECT r.user_id, coalesce(u.display_name, u.username, '#' || r.user_id) AS name,
                       sum(logged_seconds), sum(ready_seconds), sum(reserved_seconds), sum(talk_seconds),
                       sum(wrap_seconds), sum(paused_seconds), sum(calls)
                  FROM report_agent_hour r LEFT JOIN app_user u ON u.id = r.user_id
                 WHERE hour_start >= :start AND hour_start < :end AND (CAST(:user AS bigint) IS NULL OR r.user_id = :user)
                 GROUP BY r.user_id, u.display_name, u.username ORDER BY lower(coalesce(u.display_name, u.username, '')), r.user_id""")
                .param("start", Timestamp.from(period.start())).param("end", Timestamp.from(period.end()))
                .param("user", userId)
                .query((rs, i) -> new AgentActivity(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)))
                .list();
    }

    /** Pause time per agent and reason over the period. */
    public List<PauseTime> pauses(Period period, Long userId) {
        return jdbc.sql("""
                SELECT r.user_id, coalesce(u.display_name, u.username, '#' || r.user_id), reason, sum(seconds)
                  FROM report_pause_hour r LEFT JOIN app_user u ON u.id = r.user_id
                 WHERE hour_start >= :start AND hour_start < :end AND (CAST(:user AS bigint) IS NULL OR r.user_id = :user)
                 GROUP BY r.user_id, u.display_name, u.username, reason
                 ORDER BY lower(coalesce(u.display_name, u.username, '')), r.user_id, reason""")
                .param("start", Timestamp.from(period.start())).param("end", Timestamp.from(period.end()))
                .param("user", userId)
                .query((rs, i) -> new PauseTime(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
    }

    /** Calls per qualification over the period, most frequent first, with each one's share of qualified calls. */
    public List<QualificationCount> qualifications(Period period, Long campaignId) {
        List<Object[]> rows = jdbc.sql("""
                SELECT qualification_code, sum(calls) AS n,
                       (SELECT q.label_fr FROM qualification q WHERE q.code = r.qualification_code ORDER BY q.id LIMIT 1),
                       (SELECT q.label_en FROM qualification q WHERE q.code = r.qualification_code ORDER BY q.id LIMIT 1)
                  FROM report_qualification_hour r
                 WHERE hour_start >= :start AND hour_start < :end
                   AND (CAST(:campaign AS bigint) IS NULL OR campaign_id = :campaign)
                 GROUP BY qualification_code ORDER BY n DESC, qualification_code""")
                .param("start", Timestamp.from(period.start())).param("end", Timestamp.from(period.end()))
                .param("campaign", campaignId)
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)})
                .list();
        long total = rows.stream().mapToLong(r -> (Long) r[1]).sum();
        return rows.stream().map(r -> new QualificationCount((String) r[0],
                r[2] == null ? (String) r[0] : (String) r[2], r[3] == null ? (String) r[0] : (String) r[3],
                (Long) r[1], total == 0 ? 0 : (double) (Long) r[1] / total)).toList();
    }

    /**
     * The daily abandon report of an outbound campaign: per day of the period, live-answered and abandoned calls,
     * the rate and whether it stayed within {@link ReportModel#LEGAL_ABANDON_CEILING}, with every hour of the day. A
     * day without a live-answered call has no rate and is compliant.
     */
    public List<AbandonDay> abandon(Period period, long campaignId) {
        List<CallBucket> hours = calls(period, Granularity.HOUR, new CallFilter(campaignId, null, "OUTBOUND"));
        Map<LocalDate, List<AbandonHour>> byDay = new LinkedHashMap<>();
        for (CallBucket h : hours) {
            byDay.computeIfAbsent(h.day(), d -> new ArrayList<>())
                    .add(new AbandonHour(h.bucket(), h.liveAnswered(), h.abandoned(), h.machine()));
        }
        List<AbandonDay> out = new ArrayList<>();
        byDay.forEach((d, hs) -> {
            long live = hs.stream().mapToLong(AbandonHour::liveAnswered).sum();
            long ab = hs.stream().mapToLong(AbandonHour::abandoned).sum();
            long machines = hs.stream().mapToLong(AbandonHour::machine).sum();
            out.add(new AbandonDay(d, live, ab, machines,
                    live == 0 || (double) ab / live <= ReportModel.LEGAL_ABANDON_CEILING,
                    List.copyOf(hs)));
        });
        return out;
    }

    /** The period's main figures beside those of the previous period of the same length. */
    public List<Comparison> compare(Period period, CallFilter filter) {
        Period before = period.previous();
        CallBucket now = callTotals(period, filter);
        CallBucket then = callTotals(before, filter);
        List<AgentActivity> an = agents(period, null);
        List<AgentActivity> at = agents(before, null);
        List<Comparison> out = new ArrayList<>();
        out.add(new Comparison("calls", (double) now.calls(), (double) then.calls()));
        out.add(new Comparison("answered", (double) now.answered(), (double) then.answered()));
        out.add(new Comparison("abandoned", (double) now.abandoned(), (double) then.abandoned()));
        out.add(new Comparison("outboundAbandonRate", now.outboundAbandonRate(), then.outboundAbandonRate()));
        out.add(new Comparison("inboundAbandonRate", now.inboundAbandonRate(), then.inboundAbandonRate()));
        out.add(new Comparison("serviceLevel", now.serviceLevel(), then.serviceLevel()));
        out.add(new Comparison("talkSeconds", (double) now.talkSeconds(), (double) then.talkSeconds()));
        out.add(new Comparison("occupancy", occupancy(an), occupancy(at)));
        return out;
    }

    private static Double occupancy(List<AgentActivity> agents) {
        long busy = agents.stream().mapToLong(a -> a.talkSeconds() + a.wrapSeconds()).sum();
        long avail = agents.stream().mapToLong(a -> a.loggedSeconds() - a.pausedSeconds()).sum();
        return ReportModel.ratio(busy, avail);
    }
}
