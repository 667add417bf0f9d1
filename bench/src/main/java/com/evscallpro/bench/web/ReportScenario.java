package com.evscallpro.bench.web;

import com.evscallpro.bench.Result;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.NewCampaign;
import com.evscallpro.core.report.ReportModel.CallBucket;
import com.evscallpro.core.report.ReportModel.CallFilter;
import com.evscallpro.core.report.ReportModel.Granularity;
import com.evscallpro.core.report.ReportModel.Period;
import com.evscallpro.core.report.ReportRollups;
import com.evscallpro.core.report.ReportService;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reports over a year (issue 11): a year of CDRs and agent states generated with SQL on the application's embedded
 * PostgreSQL, the hourly roll-ups rebuilt, then each report over the 365 days timed from the roll-ups, beside the
 * baseline measured in the same run: the calls-per-day report computed from raw {@code call_history} with one
 * GROUP BY. The roll-up totals are checked against the raw table before anything is timed.
 */
public final class ReportScenario {

    /** @param callsPerDay CDRs per day, @param agents agents with a year of states, @param rounds timed runs per report */
    public record Config(int callsPerDay, int agents, int rounds) {
        public static Config standard() {
            return new Config(5_000, 30, 5);
        }

        public static Config quick() {
            return new Config(500, 5, 2);
        }
    }

    private static final double TARGET_SECONDS = 2.0;

    private final Config config;

    public ReportScenario(Config config) {
        this.config = config;
    }

    public List<Result> run() {
        try (AppUnderTest app = AppUnderTest.start()) {
            JdbcClient jdbc = app.bean(JdbcClient.class);
            ReportService reports = app.bean(ReportService.class);
            ReportRollups rollups = app.bean(ReportRollups.class);
            CampaignService campaigns = app.bean(CampaignService.class);
            long[] camp = new long[4];
            for (int i = 0; i < camp.length; i++) {
                camp[i] = campaigns.create(NewCampaign.withDefaults("Bench reports " + i));
            }
            LocalDate first = LocalDate.of(2025, 1, 1);
            LocalDate last = first.plusDays(364);
            Period year = new Period(first, last, reports.zone());
            Timestamp start = Timestamp.from(year.start());

            long t0 = System.nanoTime();
            // bulk generation: the marking triggers are off (the rebuild below covers the whole year)
            jdbc.sql("ALTER TABLE call_history DISABLE TRIGGER call_history_report_mark").update();
            jdbc.sql("ALTER TABLE agent_state_log DISABLE TRIGGER agent_state_log_report_mark").update();
            int calls = jdbc.sql("""
                    INSERT INTO call_history (call_id, direction, started_at, disposition, outcome, campaign_id,
                        billsec, qualification_code, queue_name, wait_seconds, inbound_outcome)
                    SELECT 'bench-' || g, CASE WHEN g % 5 = 0 THEN 'INBOUND' ELSE 'OUTBOUND' END,
                           CAST(:start AS timestamptz) + (g * (86400.0 * 365 / :n)) * interval '1 second',
                           CASE WHEN g % 7 IN (0, 1, 2, 3) THEN 'ANSWERED' WHEN g % 7 = 4 THEN 'BUSY' ELSE 'NO ANSWER' END,
                           CASE WHEN g % 5 = 0 THEN NULL WHEN g % 97 = 0 THEN 'ABANDONED'
                                WHEN g % 7 IN (0, 1, 2, 3) THEN 'ANSWERED' WHEN g % 7 = 4 THEN 'BUSY' ELSE 'NO_ANSWER' END,
                           CASE WHEN g % 5 = 0 THEN NULL ELSE (ARRAY[:c0, :c1, :c2, :c3])[1 + g % 4] END,
                           CASE WHEN g % 7 IN (0, 1, 2, 3) THEN 30 + g % 300 ELSE 0 END,
                           CASE WHEN g % 7 IN (0, 1, 2, 3) THEN (ARRAY['SALE', 'NOSALE', 'CALLBACK', 'WRONG'])[1 + g % 4] END,
                           CASE WHEN g % 5 = 0 THEN 'Support' END,
                           CASE WHEN g % 5 = 0 THEN g % 60 END,
                           CASE WHEN g % 5 = 0 THEN (CASE WHEN g % 11 = 0 THEN 'ABANDONED' ELSE 'AGENT' END) END
                      FROM generate_series(1, :n) g""")
                    .param("start", start).param("n", config.callsPerDay() * 365)
                    .param("c0", camp[0]).param("c1", camp[1]).param("c2", camp[2]).param("c3", camp[3]).update();
            jdbc.sql("""
                    INSERT INTO app_user (username, password_hash, display_name, role)
                    SELECT 'bench-report-agent-' || a, 'x', 'Bench agent ' || a, 'AGENT' FROM generate_series(1, :a) a""")
                    .param("a", config.agents()).update();
            // each agent, each day 08:00-17:00: cycles of READY 4 min, ON_CALL 9 min, WRAP_UP 2 min, a pause at noon
            int states = jdbc.sql("""
                    INSERT INTO agent_state_log (user_id, state, pause_reason, at)
                    SELECT u.id, s.state, s.reason, d + interval '8 hours' + c * interval '15 minutes' + s.off
                      FROM app_user u
                     CROSS JOIN generate_series(CAST(:start AS timestamptz), CAST(:start AS timestamptz) + interval '364 days', interval '1 day') d
                     CROSS JOIN generate_series(0, 35) c
                     CROSS JOIN LATERAL (VALUES
                         (CASE WHEN c = 16 THEN 'PAUSED' ELSE 'READY' END, CASE WHEN c = 16 THEN 'Lunch' END, interval '0'),
                         ('ON_CALL', NULL, interval '4 minutes'), ('WRAP_UP', NULL, interval '13 minutes'),
                         (CASE WHEN c = 35 THEN 'OFFLINE' ELSE 'READY' END, NULL, interval '15 minutes' - interval '1 second')
                     ) s(state, reason, off)
                     WHERE u.username LIKE 'bench-report-agent-%'""").param("start", start).update();
            jdbc.sql("ALTER TABLE call_history ENABLE TRIGGER call_history_report_mark").update();
            jdbc.sql("ALTER TABLE agent_state_log ENABLE TRIGGER agent_state_log_report_mark").update();
            jdbc.sql("ANALYZE").update();
            double genSeconds = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            rollups.rebuild(year.start(), year.end());
            jdbc.sql("ANALYZE").update();
            double rebuildSeconds = (System.nanoTime() - t1) / 1e9;
            System.err.printf(Locale.ROOT, "reports: %,d CDRs and %,d agent states generated in %.1f s, "
                    + "roll-ups of the year rebuilt in %.1f s%n", calls, states, genSeconds, rebuildSeconds);

            CallBucket totals = reports.callTotals(year, CallFilter.ALL);
            long raw = jdbc.sql("SELECT count(*) FROM call_history WHERE started_at >= ? AND started_at < ?")
                    .param(start).param(Timestamp.from(year.end())).query(Long.class).single();
            if (totals.calls() != raw) {
                throw new IllegalStateException("roll-ups count " + totals.calls() + " calls, call_history " + raw);
            }

            double baseline = best(() -> jdbc.sql("""
                    SELECT (started_at AT TIME ZONE :zone)::date AS day, count(*),
                           count(*) FILTER (WHERE coalesce(outcome, replace(disposition, ' ', '_')) = 'ANSWERED'),
                           count(*) FILTER (WHERE outcome = 'ABANDONED'),
                           count(*) FILTER (WHERE direction = 'OUTBOUND' AND outcome IN ('ANSWERED', 'ABANDONED')),
                           coalesce(sum(billsec), 0)
                      FROM call_history WHERE started_at >= :s AND started_at < :e GROUP BY 1 ORDER BY 1""")
                    .param("zone", reports.zone().getId()).param("s", start).param("e", Timestamp.from(year.end()))
                    .query((rs, i) -> rs.getLong(2)).list());

            Map<String, Supplier<Object>> timed = new LinkedHashMap<>();
            timed.put("calls per day", () -> reports.calls(year, Granularity.DAY, CallFilter.ALL));
            timed.put("calls per hour", () -> reports.calls(year, Granularity.HOUR, CallFilter.ALL));
            timed.put("agent activity + pauses", () -> List.of(reports.agents(year, null), reports.pauses(year, null)));
            timed.put("qualifications", () -> reports.qualifications(year, null));
            timed.put("daily abandon, one campaign", () -> reports.abandon(year, camp[0]));
            timed.put("comparison with the previous year", () -> reports.compare(year, CallFilter.ALL));
            List<Result> results = new ArrayList<>();
            String size = String.format(Locale.ROOT, "%,d CDRs, %,d agent states over 365 days", calls, states);
            for (Map.Entry<String, Supplier<Object>> e : timed.entrySet()) {
                double s = best(e.getValue());
                results.add(new Result("report over a year from roll-ups: " + e.getKey() + " (s)", "s", s, baseline,
                        "≤ " + TARGET_SECONDS, s <= TARGET_SECONDS, e.getKey().equals("calls per day")
                        ? "baseline: the same calls per day from raw call_history (GROUP BY day); " + size
                        : "baseline: calls per day from raw call_history"));
            }
            results.add(new Result("roll-up rebuild of a year (s)", "s", rebuildSeconds, Double.NaN, "-", null,
                    size + "; generation " + String.format(Locale.ROOT, "%.1f s", genSeconds)));
            return results;
        }
    }

    /** The slowest of the timed rounds after one warm-up (the target is a worst case, not a mean). */
    private double best(Supplier<?> work) {
        work.get();
        double worst = 0;
        for (int i = 0; i < config.rounds(); i++) {
            long t = System.nanoTime();
            work.get();
            worst = Math.max(worst, (System.nanoTime() - t) / 1e9);
        }
        return worst;
    }
}
