package com.evscallpro.bench.originate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.evscallpro.bench.Result;
import com.evscallpro.bench.Stats;
import com.evscallpro.bench.ThreadCpu;
import com.evscallpro.telephony.CallOutcome;
import com.evscallpro.telephony.OriginateRequest;
import com.evscallpro.telephony.OriginateResult;
import com.evscallpro.telephony.asterisk.AmiSettings;
import com.evscallpro.telephony.asterisk.AsteriskAmiPbx;
import com.evscallpro.simulator.CustomerScript;
import com.evscallpro.simulator.PbxSimulator;
import com.evscallpro.simulator.SimulatorSettings;

/**
 * Originate → OriginateResponse round trip at a fixed open-loop rate (50/s) through {@link AsteriskAmiPbx} against
 * the {@link PbxSimulator} on loopback. Customers answer or are busy at once (ring time 0; 60 % answer and talk
 * 0.3-0.7 s, 40 % busy), the answered ones are bridged to an auto-answering simulated agent, so the simulator also
 * emits the full event stream of every call while the originates go on.
 *
 * <p>Latency = from the intended send time of {@code originate()} to the completion of its future: for an answered
 * customer that is the OriginateResponse (Reason 4); for a busy one the OriginateResponse plus the Hangup that carries
 * the Q.850 cause (the adapter completes with the cause). Baseline: {@link EchoBaseline}, a raw TCP request/response
 * of the same sizes at the same rate on the same loopback.
 */
public final class OriginateScenario {

    /**
     * @param rate          originates per second
     * @param warmupSeconds not recorded
     * @param seconds       recorded
     * @param p99TargetMs   the target (20 ms)
     */
    public record Config(int rate, int warmupSeconds, int seconds, int p99TargetMs) {
        public static Config standard() {
            return new Config(50, 10, 60, 20);
        }

        public static Config quick() {
            return new Config(50, 3, 10, 20);
        }
    }

    private final Config config;

    public OriginateScenario(Config config) {
        this.config = config;
    }

    public List<Result> run() throws Exception {
        int warmup = config.rate() * config.warmupSeconds();
        int count = config.rate() * config.seconds();

        log("originate: baseline (raw TCP request/response, %d/s, %d + %d)", config.rate(), warmup, count);
        EchoBaseline.Outcome echo = EchoBaseline.run(config.rate(), warmup, count);
        Stats base = new Stats(echo.latencies(), count);
        double baseCpu = echo.cpuNanos() / (double) count;
        log("  baseline p50 %.3f ms p99 %.3f ms max %.3f ms", Stats.ms(base.percentile(50)),
                Stats.ms(base.percentile(99)), Stats.ms(base.max()));

        CustomerScript customers = CustomerScript.random(42).answerProbability(0.6).busyShare(1.0)
                .ringTime(Duration.ZERO, Duration.ZERO).talkTime(Duration.ofMillis(300), Duration.ofMillis(700));
        long[] all = new long[count];
        long[] answered = new long[count];
        long[] failed = new long[count];
        AtomicInteger nAll = new AtomicInteger();
        AtomicInteger nAnswered = new AtomicInteger();
        AtomicInteger nFailed = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        int maxLive = 0;
        ThreadCpu[] cpuFrom = new ThreadCpu[1];
        long cpuNanos = 0;
        try (PbxSimulator sim = new PbxSimulator(SimulatorSettings.defaults().withCustomers(customers)
                .withAgentAnswerDelay(Duration.ofMillis(50))).start();
             AsteriskAmiPbx pbx = new AsteriskAmiPbx(AmiSettings.of("127.0.0.1", sim.port(), "evs", "evs-secret"))) {
            pbx.start();
            if (!pbx.awaitConnected(Duration.ofSeconds(15))) {
                throw new IllegalStateException("adapter did not connect to the simulator");
            }
            Thread.sleep(500);
            log("originate: AsteriskAmiPbx → PbxSimulator, %d/s, %d warm-up + %d recorded", config.rate(), warmup,
                    count);
            long period = (long) (1e9 / config.rate());
            long t0 = System.nanoTime() + 10_000_000;
            List<CompletableFuture<OriginateResult>> futures = new ArrayList<>(warmup + count);
            for (int i = 0; i < warmup + count; i++) {
                long at = t0 + i * period;
                EchoBaseline.sleepUntil(at);
                if (i == warmup) {
                    cpuFrom[0] = ThreadCpu.snapshot();
                }
                boolean recorded = i >= warmup;
                OriginateRequest req = new OriginateRequest("bench-orig-" + i, "+3361" + String.format("%07d", i),
                        "\"ACME\" <0100000000>", "2001", Duration.ofSeconds(25), Map.of("EVS_CAMPAIGN", "7"));
                CompletableFuture<OriginateResult> f = pbx.originate(req);
                f.whenComplete((r, e) -> {
                    long lat = System.nanoTime() - at;
                    if (e != null) {
                        errors.incrementAndGet();
                        return;
                    }
                    if (!recorded) {
                        return;
                    }
                    all[nAll.getAndIncrement()] = lat;
                    if (r.outcome() == CallOutcome.ANSWERED) {
                        answered[nAnswered.getAndIncrement()] = lat;
                    } else {
                        failed[nFailed.getAndIncrement()] = lat;
                    }
                });
                futures.add(f);
                if (i % config.rate() == 0) {
                    maxLive = Math.max(maxLive, sim.activeChannelCount());
                }
            }
            try {
                CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                log("  some originates failed or timed out: %s", e.toString());
            }
            ThreadCpu cpuTo = ThreadCpu.snapshot();
            cpuNanos = cpuTo.processNanos(cpuFrom[0]);
            log("  CPU while recording: %s", cpuTo.since(cpuFrom[0], OriginateScenario::threadGroup));
            Thread.sleep(200);
        }
        double adapterCpu = cpuNanos / (double) count;
        Stats s = new Stats(all, nAll.get());
        Stats sa = new Stats(answered, nAnswered.get());
        Stats sf = new Stats(failed, nFailed.get());
        log("  adapter  p50 %.3f ms p99 %.3f ms max %.3f ms (answered p99 %.3f ms n=%d, busy p99 %.3f ms n=%d, "
                        + "errors %d, up to %d live channels)", Stats.ms(s.percentile(50)), Stats.ms(s.percentile(99)),
                Stats.ms(s.max()), Stats.ms(sa.percentile(99)), sa.count(), Stats.ms(sf.percentile(99)), sf.count(),
                errors.get(), maxLive);
        String label = "at " + config.rate() + "/s";
        boolean complete = s.count() == count && errors.get() == 0;
        List<Result> out = new ArrayList<>();
        out.add(new Result("Originate→OriginateResponse " + label + ", p99", "ms", Stats.ms(s.percentile(99)),
                Stats.ms(base.percentile(99)), "≤ " + config.p99TargetMs(),
                complete && Stats.ms(s.percentile(99)) <= config.p99TargetMs(),
                String.format(Locale.ROOT, "%d originates recorded (%d answered, %d busy), %d errors, up to %d live "
                        + "channels; answered p99 %.2f ms, busy (incl. the Hangup with the cause) p99 %.2f ms; "
                        + "baseline: raw TCP request/response of the same sizes at the same rate",
                        s.count(), sa.count(), sf.count(), errors.get(), maxLive, Stats.ms(sa.percentile(99)),
                        Stats.ms(sf.percentile(99)))));
        out.add(new Result("Originate→OriginateResponse " + label + ", p50", "ms", Stats.ms(s.percentile(50)),
                Stats.ms(base.percentile(50)), "-", null, ""));
        out.add(new Result("Originate→OriginateResponse " + label + ", max", "ms", Stats.ms(s.max()),
                Stats.ms(base.max()), "-", null, ""));
        out.add(new Result("Process CPU per originate (adapter + simulator)", "µs", adapterCpu / 1000.0,
                baseCpu / 1000.0, "-", null, "process CPU from the first recorded originate to the last outcome / "
                        + "recorded originates: the simulator's work and every event of the calls included, GC and JIT "
                        + "included; mostly independent of the machine's load"));
        return out;
    }

    /** Thread names without their numbers, so pools group together. */
    static String threadGroup(String name) {
        if (name.startsWith("ForkJoinPool")) {
            return "virtual threads (simulator connections)";
        }
        return name.replaceAll("[0-9]+", "N");
    }

    static void log(String format, Object... args) {
        System.err.println(String.format(Locale.ROOT, format, args));
    }
}
