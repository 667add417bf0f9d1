package com.evscallpro.bench.dialer;

import com.evscallpro.bench.Result;
import com.evscallpro.bench.Stats;
import com.evscallpro.bench.originate.EchoBaseline;
import com.evscallpro.simulator.CustomerScript;
import com.evscallpro.simulator.PbxSimulator;
import com.evscallpro.simulator.SimulatorSettings;
import com.evscallpro.telephony.CallEvent;
import com.evscallpro.telephony.CallOutcome;
import com.evscallpro.telephony.OriginateRequest;
import com.evscallpro.telephony.asterisk.AmiSettings;
import com.evscallpro.telephony.asterisk.AsteriskAmiPbx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Predictive dialing's critical path over the real AMI wire: customers originated into the holding context
 * ({@code originateToHold}) at a steady rate against the {@link PbxSimulator}, agents nailed up in their own
 * holding context ({@code originatePhoneToHold}, called again when their leg ends); when a customer's answer is
 * handled (the OriginateResponse read and dispatched by the adapter), a free agent is taken at once and AMI
 * {@code Bridge} is sent. Measured: answer handled → Bridge <em>acknowledged</em> by the PBX (an upper bound of
 * "answer read → Bridge written": it adds the simulator's work and the response's way back). Baseline, same run: a raw
 * TCP request/response of the same size on the same loopback at the same rate.
 */
public final class BridgeLatencyScenario {

    public record Config(int agents, int ratePerSecond, int warmupSeconds, int seconds, double p99TargetMs) {
        public static Config standard() {
            return new Config(50, 20, 10, 60, 50);
        }

        public static Config quick() {
            return new Config(20, 10, 3, 10, 50);
        }
    }

    private final Config config;

    public BridgeLatencyScenario(Config config) {
        this.config = config;
    }

    public List<Result> run() throws Exception {
        int warmup = config.ratePerSecond() * config.warmupSeconds();
        int count = config.ratePerSecond() * config.seconds();
        EchoBaseline.Outcome echo = EchoBaseline.run(config.ratePerSecond() * 0.3, 0,
                (int) (count * 0.3));
        Stats base = new Stats(echo.latencies(), echo.latencies().length);

        CustomerScript customers = CustomerScript.random(42).answerProbability(0.3).busyShare(0.5)
                .ringTime(Duration.ofMillis(300), Duration.ofSeconds(2))
                .talkTime(Duration.ofSeconds(1), Duration.ofSeconds(3));
        long[] latencies = new long[count];
        AtomicInteger recorded = new AtomicInteger();
        AtomicInteger abandoned = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger answers = new AtomicInteger();
        ConcurrentLinkedDeque<String> free = new ConcurrentLinkedDeque<>();
        Map<String, String> nailCallToExtension = new ConcurrentHashMap<>();
        AtomicInteger nailSeq = new AtomicInteger();
        try (PbxSimulator sim = new PbxSimulator(SimulatorSettings.defaults().withCustomers(customers)
                .withAgentAnswerDelay(Duration.ofMillis(20))).start();
             AsteriskAmiPbx pbx = new AsteriskAmiPbx(AmiSettings.of("127.0.0.1", sim.port(), "evs", "evs-secret"))) {
            pbx.start();
            if (!pbx.awaitConnected(Duration.ofSeconds(15))) {
                throw new IllegalStateException("adapter did not connect to the simulator");
            }
            java.util.function.Consumer<String> nail = new java.util.function.Consumer<>() {
                @Override
                public void accept(String extension) {
                    String callId = "nail-" + extension + "-" + nailSeq.incrementAndGet();
                    nailCallToExtension.put(callId, extension);
                    pbx.originatePhoneToHold(callId, extension, "evs-agent-hold", Duration.ofSeconds(10))
                            .whenComplete((r, e) -> {
                                if (e == null && r.outcome() == CallOutcome.ANSWERED) {
                                    free.addLast(r.channel());
                                }
                            });
                }
            };
            pbx.addListener(event -> { // an agent's leg ended (after its customer hung up): nail it up again
                if (event.type() == CallEvent.Type.HUNG_UP && event.leg() == CallEvent.Leg.AGENT) {
                    String ext = nailCallToExtension.remove(event.callId());
                    if (ext != null) {
                        free.remove(event.channel());
                        nail.accept(ext);
                    }
                }
            });
            for (int i = 0; i < config.agents(); i++) {
                nail.accept(Integer.toString(3000 + i));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (free.size() < config.agents() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            log("bridge latency: %d agents nailed up, %d originates/s, %d warm-up + %d recorded", free.size(),
                    config.ratePerSecond(), warmup, count);
            long period = (long) (1e9 / config.ratePerSecond());
            long t0 = System.nanoTime() + 10_000_000;
            for (int i = 0; i < warmup + count; i++) {
                EchoBaseline.sleepUntil(t0 + i * period);
                boolean record = i >= warmup;
                OriginateRequest req = new OriginateRequest("pd-" + i, "+3362" + String.format("%07d", i), null, "s",
                        Duration.ofSeconds(5), Map.of());
                pbx.originateToHold(req, "evs-predictive-hold").whenComplete((r, e) -> {
                    if (e != null) {
                        errors.incrementAndGet();
                        return;
                    }
                    if (r.outcome() != CallOutcome.ANSWERED) {
                        return;
                    }
                    long read = System.nanoTime();
                    answers.incrementAndGet();
                    String agent = free.pollFirst();
                    if (agent == null) {
                        abandoned.incrementAndGet();
                        pbx.blindTransfer(req.callId(), CallEvent.Leg.CUSTOMER, "s", "evs-abandon");
                        return;
                    }
                    pbx.bridge(r.channel(), agent).whenComplete((v, be) -> {
                        long lat = System.nanoTime() - read;
                        if (be != null) {
                            errors.incrementAndGet();
                        } else if (record) {
                            int n = recorded.getAndIncrement();
                            if (n < latencies.length) {
                                latencies[n] = lat;
                            }
                        }
                    });
                });
            }
            Thread.sleep(3000);
        }
        Stats s = new Stats(latencies, Math.min(recorded.get(), latencies.length));
        double p99 = Stats.ms(s.percentile(99));
        String note = String.format(Locale.ROOT, "%d bridges recorded, %d live answers, %d with no free agent "
                        + "(legal message), %d errors; p50 %.3f ms, max %.3f ms; baseline p50 %.3f ms",
                s.count(), answers.get(), abandoned.get(), errors.get(), Stats.ms(s.percentile(50)), Stats.ms(s.max()),
                Stats.ms(base.percentile(50)));
        log("  %s", note);
        List<Result> out = new ArrayList<>();
        out.add(new Result("predictive answer handled → AMI Bridge acknowledged, p99", "ms", p99,
                Stats.ms(base.percentile(99)), "≤ " + config.p99TargetMs(),
                s.count() > 0 && p99 <= config.p99TargetMs(), note));
        return out;
    }

    private static void log(String format, Object... args) {
        System.err.println(String.format(Locale.ROOT, format, args));
    }
}
