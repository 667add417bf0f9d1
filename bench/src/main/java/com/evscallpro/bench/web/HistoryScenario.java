package com.evscallpro.bench.web;

import com.evscallpro.bench.Result;
import com.evscallpro.bench.Stats;
import com.evscallpro.core.history.CallHistoryBrowser;
import com.evscallpro.core.history.HistoryFilter;
import com.evscallpro.core.history.HistoryKey;
import com.evscallpro.core.history.HistoryRow;
import com.evscallpro.core.history.HistorySort;
import com.evscallpro.core.history.HistoryViewer;
import com.evscallpro.core.user.UserAccount;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The call history page on a large {@code call_history} (10 million calls over a year, one every ~3 s): the server
 * time of what the history screen and {@code GET /api/v1/calls} run for one page — the keyset page of 100 rows with
 * the names joined, plus the capped count (≤ 10,000) on a first page — over random periods of 1 to 31 days with a
 * random indexed filter (none, campaign, agent, queue, DID, qualification, number, direction, disposition, or an
 * agent's own calls), first pages and keyset pages deep in the period, newest or oldest first. Baseline, same run, same
 * periods: the bare indexed {@code SELECT * FROM call_history WHERE started_at in the period ORDER BY started_at DESC,
 * id DESC LIMIT 100}. Times are taken around the service call in the server's JVM (no HTTP): server time.
 */
public final class HistoryScenario {

    /**
     * @param calls   calls in the history, spread evenly over {@link #SPAN}
     * @param samples pages timed (after {@code warmup} untimed ones), and baseline queries timed
     */
    public record Config(int calls, int samples, int warmup) {
        public static Config standard() {
            return new Config(10_000_000, 2_000, 300);
        }

        public static Config quick() {
            return new Config(500_000, 300, 100);
        }
    }

    private static final double TARGET_P99_MS = 200;
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final Duration SPAN = Duration.ofDays(365);
    private static final int CAMPAIGNS = 50;
    private static final int AGENTS = 500;
    private static final int QUEUES = 20;

    private final Config config;

    public HistoryScenario(Config config) {
        this.config = config;
    }

    public List<Result> run() throws Exception {
        try (AppUnderTest app = AppUnderTest.start()) {
            JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
            // 500 agents in one statement, sharing one password hash (bcrypt per user would take minutes)
            UserAccount seedAgent = app.user("hist-bench-0", UserAccount.Role.AGENT, null);
            jdbc.update("INSERT INTO app_user (username, password_hash, display_name, role) SELECT 'hist-bench-' || i, "
                    + "password_hash, 'Bench agent ' || i, 'AGENT' FROM app_user, generate_series(1, ?) i "
                    + "WHERE app_user.id = ?", AGENTS - 1, seedAgent.id());
            long[] agents = jdbc.queryForList("SELECT id FROM app_user WHERE username LIKE 'hist-bench-%' ORDER BY id",
                    Long.class).stream().mapToLong(Long::longValue).toArray();
            long[] campaigns = new long[CAMPAIGNS];
            long group = jdbc.queryForObject("INSERT INTO qualification_group (name) VALUES ('bench history') "
                    + "RETURNING id", Long.class);
            for (int i = 0; i < CAMPAIGNS; i++) {
                campaigns[i] = jdbc.queryForObject("INSERT INTO campaign (name, qualification_group_id) VALUES (?, ?) "
                        + "RETURNING id", Long.class, "History bench " + i, group);
            }
            seed(jdbc, campaigns, agents);
            CallHistoryBrowser history = app.bean(CallHistoryBrowser.class);
            Random random = new Random(42);
            HistoryViewer admin = new HistoryViewer(0, false);

            // warm-up of both, untimed
            for (int i = 0; i < config.warmup(); i++) {
                Query q = query(random, campaigns, agents);
                page(history, admin, q, random);
                baseline(jdbc, q);
            }
            long[] pages = new long[config.samples()];
            long[] firsts = new long[config.samples()];
            long[] bare = new long[config.samples()];
            int firstCount = 0;
            long rows = 0;
            for (int i = 0; i < config.samples(); i++) {
                Query q = query(random, campaigns, agents);
                long t = System.nanoTime();
                int[] read = page(history, admin, q, random);
                pages[i] = System.nanoTime() - t;
                rows += read[0];
                if (read[1] == 1) {
                    firsts[firstCount++] = pages[i];
                }
                t = System.nanoTime();
                baseline(jdbc, q);
                bare[i] = System.nanoTime() - t;
            }
            Stats page = new Stats(pages, pages.length);
            Stats first = new Stats(firsts, firstCount);
            Stats base = new Stats(bare, bare.length);
            String n = String.format(Locale.ROOT, "%,d", config.calls());
            System.err.printf(Locale.ROOT, "history: %d pages (%d first pages with count), %.1f rows per page; "
                            + "p50 %.2f ms p99 %.2f ms max %.2f ms; baseline p50 %.2f p99 %.2f%n", pages.length,
                    firstCount, (double) rows / pages.length, Stats.ms(page.percentile(50)),
                    Stats.ms(page.percentile(99)), Stats.ms(page.max()), Stats.ms(base.percentile(50)),
                    Stats.ms(base.percentile(99)));
            return List.of(result("History page (100 rows, filters, keyset, sorted) over " + n + " calls, p99", page,
                    base, true), result("History first page + capped count over " + n + " calls, p99", first, base,
                    true));
        }
    }

    /** A period of 1 to 31 days inside the year, a filter, an order, a depth. */
    private record Query(HistoryFilter filter, HistorySort sort, String kind) {
    }

    private Query query(Random r, long[] campaigns, long[] agents) {
        long days = 1 + r.nextInt(31);
        long maxStart = SPAN.minusDays(days).toSeconds();
        Instant from = START.plusSeconds((long) (r.nextDouble() * maxStart));
        Instant to = from.plus(Duration.ofDays(days));
        HistoryFilter f = HistoryFilter.period(from, to);
        String kind;
        switch (r.nextInt(10)) {
            case 0 -> kind = "none";
            case 1 -> {
                kind = "campaign";
                f = new HistoryFilter(from, to, null, campaigns[r.nextInt(campaigns.length)], null, null, null, null,
                        null, null);
            }
            case 2 -> {
                kind = "agent";
                f = f.ofAgent(agents[r.nextInt(agents.length)]);
            }
            case 3 -> {
                kind = "queue";
                f = new HistoryFilter(from, to, null, null, "queue-" + r.nextInt(QUEUES), null, null, null, null,
                        null);
            }
            case 4 -> {
                kind = "did";
                f = new HistoryFilter(from, to, null, null, null, null, "+3319900" + String.format("%04d",
                        r.nextInt(QUEUES)), null, null, null);
            }
            case 5 -> {
                kind = "qualification";
                f = new HistoryFilter(from, to, null, null, null, null, null, null, null, "Q" + r.nextInt(20));
            }
            case 6 -> {
                kind = "number";
                f = new HistoryFilter(from, to, null, null, null, null, null,
                        "+336" + String.format("%08d", r.nextInt(1_000_000)), null, null);
            }
            case 7 -> {
                kind = "direction";
                f = new HistoryFilter(from, to, "INBOUND", null, null, null, null, null, null, null);
            }
            case 8 -> {
                kind = "disposition";
                f = new HistoryFilter(from, to, null, null, null, null, null, null, r.nextBoolean() ? "BUSY"
                        : "CONGESTION", null);
            }
            default -> {
                kind = "campaign+disposition";
                f = new HistoryFilter(from, to, null, campaigns[r.nextInt(campaigns.length)], null, null, null, null,
                        "ANSWERED", null);
            }
        }
        return new Query(f, r.nextBoolean() ? HistorySort.NEWEST : HistorySort.OLDEST, kind);
    }

    /**
     * One page as the screen reads it: a first page (with the capped count) half of the time, else a keyset page
     * after a random call of the period. Returns {rows read, 1 when it was a first page}.
     */
    private static int[] page(CallHistoryBrowser history, HistoryViewer viewer, Query q, Random r) {
        if (r.nextBoolean()) {
            List<HistoryRow> rows = history.page(viewer, q.filter(), q.sort(), null, 101);
            history.count(viewer, q.filter(), CallHistoryBrowser.COUNT_CAP);
            return new int[] {rows.size(), 1};
        }
        Instant at = q.filter().from().plus(Duration.between(q.filter().from(), q.filter().to())
                .multipliedBy(r.nextInt(1000)).dividedBy(1000));
        HistoryKey after = new HistoryKey(at, q.sort() == HistorySort.NEWEST ? Long.MAX_VALUE : 0);
        return new int[] {history.page(viewer, q.filter(), q.sort(), after, 101).size(), 0};
    }

    private static void baseline(JdbcTemplate jdbc, Query q) {
        jdbc.queryForList("SELECT * FROM call_history WHERE started_at >= ? AND started_at < ? "
                + "ORDER BY started_at DESC, id DESC LIMIT 101", Timestamp.from(q.filter().from()),
                Timestamp.from(q.filter().to()));
    }

    /** The calls in set-based statements (as a bulk load would), in chunks of a million, then vacuumed. */
    private void seed(JdbcTemplate jdbc, long[] campaigns, long[] agents) {
        long t0 = System.nanoTime();
        double step = (double) SPAN.toSeconds() / config.calls();
        String campaignArray = "ARRAY" + java.util.Arrays.toString(campaigns) + "::bigint[]";
        String agentArray = "ARRAY" + java.util.Arrays.toString(agents) + "::bigint[]";
        int chunk = 1_000_000;
        for (int lo = 1; lo <= config.calls(); lo += chunk) {
            int hi = Math.min(config.calls(), lo + chunk - 1);
            // g: outbound 3 in 4 (campaign g % 50), inbound 1 in 4 (queue and DID g % 20); agent g % 500; disposition
            // ANSWERED 60 %, NO ANSWER 25 %, BUSY 10 %, FAILED 3 %, CONGESTION 2 %; qualification on answered
            jdbc.update("""
                    INSERT INTO call_history (call_id, direction, caller, callee, started_at, answered_at, ended_at,
                                              duration_seconds, billsec, disposition, hangup_cause, hangup_cause_text,
                                              campaign_id, agent_id, qualification_code, did, queue_name)
                    SELECT 'hb-' || g, d.dir,
                           CASE WHEN d.dir = 'INBOUND' THEN '+336' || lpad((g::bigint * 7919 %% 1000000)::text, 8, '0')
                                ELSE '+33170000000' END,
                           CASE WHEN d.dir = 'INBOUND' THEN '+3319900' || lpad((g %% 20)::text, 4, '0')
                                ELSE '+336' || lpad((g::bigint * 7919 %% 1000000)::text, 8, '0') END,
                           ?::timestamptz + g * ? * interval '1 second',
                           CASE WHEN d.disp = 'ANSWERED' THEN ?::timestamptz + (g * ? + 8) * interval '1 second' END,
                           ?::timestamptz + (g * ? + 90) * interval '1 second', 90,
                           CASE WHEN d.disp = 'ANSWERED' THEN 82 END, d.disp, 16, 'Normal Clearing',
                           CASE WHEN d.dir = 'OUTBOUND' THEN (%s)[g %% 50 + 1] END, (%s)[g %% 500 + 1],
                           CASE WHEN d.disp = 'ANSWERED' THEN 'Q' || (g %% 20) END,
                           CASE WHEN d.dir = 'INBOUND' THEN '+3319900' || lpad((g %% 20)::text, 4, '0') END,
                           CASE WHEN d.dir = 'INBOUND' THEN 'queue-' || (g %% 20) END
                      FROM generate_series(?, ?) g
                      CROSS JOIN LATERAL (SELECT CASE WHEN g %% 4 = 0 THEN 'INBOUND' ELSE 'OUTBOUND' END AS dir,
                                                 CASE WHEN g %% 100 < 60 THEN 'ANSWERED' WHEN g %% 100 < 85 THEN 'NO ANSWER'
                                                      WHEN g %% 100 < 95 THEN 'BUSY' WHEN g %% 100 < 98 THEN 'FAILED'
                                                      ELSE 'CONGESTION' END AS disp) d
                    """.formatted(campaignArray, agentArray), Timestamp.from(START), step, Timestamp.from(START), step, Timestamp.from(START), step, lo, hi);
            System.err.printf(Locale.ROOT, "history: %,d calls in %.0f s%n", hi, (System.nanoTime() - t0) / 1e9);
        }
        jdbc.execute("VACUUM ANALYZE call_history");
        System.err.printf(Locale.ROOT, "history: seeded %,d calls in %.1f s%n", config.calls(),
                (System.nanoTime() - t0) / 1e9);
    }

    private static Result result(String metric, Stats s, Stats baseline, boolean target) {
        double v = Stats.ms(s.percentile(99));
        return new Result(metric, "ms", v, Stats.ms(baseline.percentile(99)), target ? "≤ 200" : "-",
                target ? v <= TARGET_P99_MS : null, String.format(Locale.ROOT,
                "p50 %.2f ms, max %.2f ms over %d pages; baseline: bare indexed SELECT ... LIMIT 101 on the same "
                        + "periods, p99", Stats.ms(s.percentile(50)), Stats.ms(s.max()), s.count()));
    }
}
