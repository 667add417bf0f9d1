package com.evscallpro.bench.web;

import com.evscallpro.api.web.Cursor;
import com.evscallpro.bench.Result;
import com.evscallpro.bench.Stats;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.NewCampaign;
import com.evscallpro.core.user.UserAccount;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The REST API over a campaign of a million contacts and a call history of a million calls: the p99 latency of the
 * first pages (100 items, sorted on an indexed column), of a deep page by keyset cursor and by offset, and the
 * requests per second of {@code application-data}, each beside a trivial endpoint ({@code GET /agent/status}: the
 * same security chain, token and JSON, no query) measured in the same run. Latencies are taken by a client on the same
 * host (HTTP/1.1 keep-alive over loopback): they include the HTTP exchange, so they bound the server time from above.
 */
public final class ApiScenario {

    /**
     * @param contacts contacts in the campaign, and calls in the history
     * @param samples  requests timed per latency metric (after {@code warmup} untimed ones)
     * @param run      how long each throughput measurement lasts, with {@code clients} concurrent clients
     */
    public record Config(int contacts, int samples, int warmup, Duration run, int clients) {
        public static Config standard() {
            return new Config(1_000_000, 2_000, 500, Duration.ofSeconds(15), 8);
        }

        public static Config quick() {
            return new Config(100_000, 300, 100, Duration.ofSeconds(4), 4);
        }
    }

    private static final double TARGET_P99_MS = 50;

    private final Config config;

    public ApiScenario(Config config) {
        this.config = config;
    }

    public List<Result> run() throws Exception {
        try (AppUnderTest app = AppUnderTest.start()) {
            app.user("bench-admin", UserAccount.Role.ADMIN, null);
            UserAccount agent = app.user("bench-agent", UserAccount.Role.AGENT, "2901");
            long campaign = app.bean(CampaignService.class).create(NewCampaign.withDefaults("Bench campaign"));
            JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
            seed(jdbc, campaign, agent.id());
            Http http = new Http(app.base);

            List<Result> results = new ArrayList<>();
            Stats trivial = latency(http, "bench-agent", "/api/v1/agent/status");
            String n = String.format(Locale.ROOT, "%,d", config.contacts());
            String contacts = "/api/v1/campaigns/" + campaign + "/contacts?size=100";
            results.add(p99("API contacts page 1 (100 by id) over " + n + ", p99",
                    latency(http, "bench-admin", contacts), trivial, true));
            results.add(p99("API contacts page 1 (100 by -id) over " + n + ", p99",
                    latency(http, "bench-admin", contacts + "&sort=-id"), trivial, true));
            long middleId = jdbc.queryForObject("SELECT id FROM contact WHERE campaign_id = ? ORDER BY id OFFSET ? "
                    + "LIMIT 1", Long.class, campaign, config.contacts() / 2);
            results.add(p99("API contacts deep page by cursor (row " + config.contacts() / 2 + "), p99",
                    latency(http, "bench-admin", contacts + "&cursor="
                            + Cursor.of("contacts:" + campaign + ":id", middleId)), trivial, true));
            results.add(p99("API contacts deep page by offset (row " + config.contacts() / 2 + "), p99",
                    latency(http, "bench-admin", contacts + "&page=" + config.contacts() / 2 / 100, 10), trivial,
                    false));
            // the history is read over a period of at most 31 days (the calls start on 2026-01-01 08:00)
            java.time.Instant from = java.time.Instant.parse("2026-01-01T08:00:00Z");
            java.time.Instant to = from.plus(com.evscallpro.core.history.HistoryFilter.MAX_PERIOD);
            String period = "from=" + from + "&to=" + to;
            results.add(p99("API calls page 1 (100 newest of 31 days) over " + n + ", p99",
                    latency(http, "bench-admin", "/api/v1/calls?size=100&" + period), trivial, true));
            var middle = jdbc.queryForMap("SELECT started_at, id FROM call_history WHERE started_at >= ? AND "
                    + "started_at < ? ORDER BY started_at DESC, id DESC OFFSET ? LIMIT 1",
                    Timestamp.from(from), Timestamp.from(to), config.contacts() / 8);
            String list = "calls:NEWEST:" + com.evscallpro.core.history.HistoryFilter.period(from, to).key();
            results.add(p99("API calls deep page by cursor (row " + config.contacts() / 8 + " of 31 days), p99",
                    latency(http, "bench-admin", "/api/v1/calls?size=100&" + period + "&cursor=" + Cursor.of(list,
                            ((Timestamp) middle.get("started_at")).toInstant(), middle.get("id"))), trivial, true));

            double trivialRps = throughput(http, "bench-agent", "/api/v1/agent/status");
            results.add(rps("API application-data (agent) req/s, " + config.clients() + " clients",
                    throughput(http, "bench-agent", "/api/v1/application-data"), trivialRps));
            results.add(rps("API application-data (admin, campaign of " + n + ") req/s, " + config.clients()
                    + " clients", throughput(http, "bench-admin", "/api/v1/application-data"), trivialRps));
            return results;
        }
    }

    /** A million contacts and calls in a few set-based statements (as a bulk load would), then vacuumed. */
    private void seed(JdbcTemplate jdbc, long campaign, long agentId) {
        long t0 = System.nanoTime();
        jdbc.update("""
                INSERT INTO contact (campaign_id, first_name, last_name, phone_e164, custom_fields)
                SELECT ?, 'First' || g, 'Last' || g, '+336' || lpad(g::text, 8, '0'),
                       jsonb_build_object('crmId', 'C-' || g, 'segment', g % 7)
                FROM generate_series(1, ?) g
                """, campaign, config.contacts());
        jdbc.update("""
                INSERT INTO call_history (call_id, direction, caller, callee, started_at, answered_at, ended_at,
                                          duration_seconds, billsec, disposition, campaign_id, agent_id, outcome)
                SELECT 'bench-' || g, 'OUTBOUND', '+33170000000', '+336' || lpad(g::text, 8, '0'),
                       timestamptz '2026-01-01 08:00:00+00' + g * interval '7 seconds',
                       timestamptz '2026-01-01 08:00:05+00' + g * interval '7 seconds',
                       timestamptz '2026-01-01 08:01:05+00' + g * interval '7 seconds',
                       65, 60, 'ANSWERED', ?, ?, 'ANSWERED'
                FROM generate_series(1, ?) g
                """, campaign, agentId, config.contacts());
        // what autovacuum does after a bulk load: statistics, and the visibility map index-only scans rely on
        jdbc.execute("VACUUM ANALYZE contact");
        jdbc.execute("VACUUM ANALYZE call_history");
        System.err.printf(Locale.ROOT, "api: seeded %,d contacts and %,d calls in %.1f s%n", config.contacts(),
                config.contacts(), (System.nanoTime() - t0) / 1e9);
    }

    private Stats latency(Http http, String user, String path) {
        return latency(http, user, path, 1);
    }

    /** As {@link #latency(Http, String, String)} with {@code divisor} times fewer requests (a slow comparison row). */
    private Stats latency(Http http, String user, String path, int divisor) {
        for (int i = 0; i < config.warmup() / divisor; i++) {
            http.getAs(path, user);
        }
        long[] samples = new long[config.samples() / divisor];
        for (int i = 0; i < samples.length; i++) {
            String token = http.tokenOf(user); // outside the timing
            long t = System.nanoTime();
            http.get(path, token);
            samples[i] = System.nanoTime() - t;
        }
        Stats s = new Stats(samples, samples.length);
        System.err.printf(Locale.ROOT, "api: %s p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", path,
                Stats.ms(s.percentile(50)), Stats.ms(s.percentile(99)), Stats.ms(s.max()));
        return s;
    }

    /** Requests per second with {@code clients} closed-loop clients over {@code run} (after a short warm-up). */
    private double throughput(Http http, String user, String path) throws Exception {
        for (int i = 0; i < config.warmup(); i++) {
            http.getAs(path, user);
        }
        LongAdder done = new LongAdder();
        ExecutorService pool = Executors.newFixedThreadPool(config.clients());
        long end = System.nanoTime() + config.run().toNanos();
        long t0 = System.nanoTime();
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < config.clients(); c++) {
            clients.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    http.getAs(path, user);
                    done.increment();
                }
            }));
        }
        for (Future<?> f : clients) {
            f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        double rps = done.sum() / seconds;
        System.err.printf(Locale.ROOT, "api: %s %.0f req/s%n", path, rps);
        return rps;
    }

    private static Result p99(String metric, Stats s, Stats trivial, boolean target) {
        double v = Stats.ms(s.percentile(99));
        return new Result(metric, "ms", v, Stats.ms(trivial.percentile(99)), target ? "≤ 50" : "-",
                target ? v <= TARGET_P99_MS : null, String.format(Locale.ROOT,
                "p50 %.2f ms, max %.2f ms over %d requests; baseline GET /api/v1/agent/status p99", Stats.ms(
                        s.percentile(50)), Stats.ms(s.max()), s.count()));
    }

    private Result rps(String metric, double value, double trivial) {
        return new Result(metric, "req/s", value, trivial, "-", null, "baseline GET /api/v1/agent/status, same "
                + "clients, same run; " + config.run().toSeconds() + " s each");
    }

}
