package com.evscallpro.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A steady stream of inbound calls on one DID, for the embedded demo and the benchmarks: it places
 * {@link PbxSimulator#placeInbound inbound calls} at a fixed rate, each caller pressing digits drawn from weighted
 * choices (seeded, so runs repeat) or taken in turn from a script, never more than a maximum number at once.
 *
 * <pre>{@code
 * InboundLoad load = InboundLoad.on(simulator, "0140000000", "127.0.0.1", agiPort)
 *         .callsPerMinute(30)
 *         .maxConcurrent(20)
 *         .seed(42)
 *         .press("1", 0.5).press("2", 0.3).press("", 0.2)   // 50 % press 1, 30 % press 2, 20 % press nothing
 *         .pressDuring(2)                                  // while the 2nd AGI command runs (the menu prompt)
 *         .template(SimAgiCall.toDid("0140000000").dialOutcome("ANSWER", Duration.ofSeconds(30)).timeScale(1))
 *         .start();
 * ...
 * load.placed(); load.completed(); load.failed(); load.active();
 * load.stop();   // or close(): no new calls; calls in progress go on
 * }</pre>
 *
 * <ul>
 * <li><b>Rate</b>: one call every {@code 60 s / callsPerMinute}, the first at {@link #start()}. When
 * {@code maxConcurrent} calls are in progress the tick is skipped and counted in {@link #skipped()} (the rate is an
 * upper bound, as with a trunk that has that many channels).</li>
 * <li><b>Digits</b>: {@link #press(String, double)} adds a weighted choice (weights need not sum to 1; the empty
 * string presses nothing), drawn from {@code java.util.Random(seed)}; or {@link #pressScript(List)} takes the choices
 * in turn, cycling. The digits are pressed while AGI command number {@link #pressDuring(int)} runs (default 2: the
 * first command after ANSWER).</li>
 * <li><b>Callers</b>: each call gets caller id {@code 06} + 8 seeded digits (name {@code Caller <n>}) unless the
 * template has one; {@link #customize(BiFunction)} can change each call further (call number from 1, the call).</li>
 * <li><b>Counters</b>: {@link #placed()}, {@link #completed()} (the AGI ended without a failure),
 * {@link #failed()} (could not connect, or ended with a failure), {@link #active()}.</li>
 * </ul>
 * Self-contained: one scheduler thread of its own; the calls run on the simulator's virtual threads.
 */
public final class InboundLoad implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InboundLoad.class);

    private record Choice(String digits, double weight) {
    }

    private final PbxSimulator simulator;
    private final String did;
    private final String agiHost;
    private final int agiPort;
    private double callsPerMinute = 6;
    private int maxConcurrent = 10;
    private long seed = 1;
    private int pressDuring = 2;
    private SimAgiCall template;
    private final List<Choice> choices = new ArrayList<>();
    private List<String> script;
    private BiFunction<Long, SimAgiCall, SimAgiCall> customizer = (n, c) -> c;

    private final AtomicLong placed = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicInteger active = new AtomicInteger();
    private final List<PlacedInboundCall> calls = java.util.Collections.synchronizedList(new ArrayList<>());
    private Random random;
    private ScheduledExecutorService ticker;

    private InboundLoad(PbxSimulator simulator, String did, String agiHost, int agiPort) {
        this.simulator = Objects.requireNonNull(simulator, "simulator");
        this.did = Objects.requireNonNull(did, "did");
        this.agiHost = Objects.requireNonNull(agiHost, "agiHost");
        this.agiPort = agiPort;
        this.template = SimAgiCall.toDid(did);
    }

    /** Calls from {@code simulator} on {@code did}, sent to the FastAGI server at {@code agiHost:agiPort}. */
    public static InboundLoad on(PbxSimulator simulator, String did, String agiHost, int agiPort) {
        return new InboundLoad(simulator, did, agiHost, agiPort);
    }

    public InboundLoad callsPerMinute(double perMinute) {
        if (!(perMinute > 0)) {
            throw new IllegalArgumentException("calls per minute must be positive");
        }
        this.callsPerMinute = perMinute;
        return this;
    }

    public InboundLoad maxConcurrent(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("at least one concurrent call");
        }
        this.maxConcurrent = max;
        return this;
    }

    public InboundLoad seed(long newSeed) {
        this.seed = newSeed;
        return this;
    }

    /** A weighted digit choice ({@code ""} = presses nothing). */
    public InboundLoad press(String digits, double weight) {
        if (!(weight > 0)) {
            throw new IllegalArgumentException("weight must be positive");
        }
        choices.add(new Choice(Objects.requireNonNull(digits), weight));
        return this;
    }

    /** Digits per call taken in turn (cycling) instead of drawn. */
    public InboundLoad pressScript(List<String> digitsPerCall) {
        this.script = List.copyOf(digitsPerCall);
        return this;
    }

    /** The AGI command (numbered from 1) during which the caller presses its digits (default 2). */
    public InboundLoad pressDuring(int command) {
        this.pressDuring = command;
        return this;
    }

    /** The caller every call starts from (DID, sounds, talk time, time scale…); copied per call. */
    public InboundLoad template(SimAgiCall call) {
        this.template = Objects.requireNonNull(call);
        return this;
    }

    /** Changes each call before it is placed (call number from 1). */
    public InboundLoad customize(BiFunction<Long, SimAgiCall, SimAgiCall> change) {
        this.customizer = Objects.requireNonNull(change);
        return this;
    }

    /** Starts placing calls (the first one now). Returns this. */
    public synchronized InboundLoad start() {
        if (ticker != null) {
            return this;
        }
        random = new Random(seed);
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "inbound-load-" + did);
            t.setDaemon(true);
            return t;
        });
        long periodMicros = Math.max(1, (long) (60_000_000 / callsPerMinute));
        ticker.scheduleAtFixedRate(this::tick, 0, periodMicros, TimeUnit.MICROSECONDS);
        log.info("Inbound load on {}: {} calls/min, at most {} at once", did, callsPerMinute, maxConcurrent);
        return this;
    }

    /** Stops placing calls; calls in progress go on. */
    public synchronized void stop() {
        if (ticker != null) {
            ticker.shutdown(); // a tick placing a call finishes; no tick after it
            ticker = null;
        }
    }

    public synchronized boolean isRunning() {
        return ticker != null;
    }

    @Override
    public void close() {
        stop();
    }

    private void tick() {
        try {
            if (active.get() >= maxConcurrent) {
                skipped.incrementAndGet();
                return;
            }
            long n = placed.get() + 1;
            String digits = nextDigits(n);
            SimAgiCall call = template.copy();
            if (call.did == null || call.did.isEmpty()) {
                call.did = did;
            }
            if ("unknown".equals(call.callerId)) {
                call.callerId("06" + String.format(Locale.ROOT, "%08d", random.nextInt(100_000_000)), "Caller " + n);
            }
            if (!digits.isEmpty()) {
                call.pressDuring(pressDuring, digits);
            }
            call = customizer.apply(n, call);
            placed.incrementAndGet();
            PlacedInboundCall p;
            try {
                p = simulator.placeInbound(call, agiHost, agiPort);
            } catch (RuntimeException e) {
                failed.incrementAndGet();
                log.warn("Inbound load: cannot place call {}: {}", n, e.toString());
                return;
            }
            active.incrementAndGet();
            calls.add(p);
            p.result().whenComplete((r, e) -> {
                calls.remove(p);
                if (e != null || r.failure() != null) {
                    failed.incrementAndGet();
                } else {
                    completed.incrementAndGet();
                }
                active.decrementAndGet(); // last: active() == 0 means every counter is final
            });
        } catch (RuntimeException e) {
            log.warn("Inbound load tick failed", e);
        }
    }

    private String nextDigits(long n) {
        if (script != null && !script.isEmpty()) {
            return script.get((int) ((n - 1) % script.size()));
        }
        if (choices.isEmpty()) {
            return "";
        }
        double total = choices.stream().mapToDouble(Choice::weight).sum();
        double x = random.nextDouble() * total;
        for (Choice c : choices) {
            x -= c.weight();
            if (x < 0) {
                return c.digits();
            }
        }
        return choices.get(choices.size() - 1).digits();
    }

    /** Calls placed so far (including those that failed to start). */
    public long placed() {
        return placed.get();
    }

    /** Calls whose AGI ended normally (the server closed the connection). */
    public long completed() {
        return completed.get();
    }

    /** Calls that could not reach the FastAGI server or ended with a failure. */
    public long failed() {
        return failed.get();
    }

    /** Ticks skipped because {@code maxConcurrent} calls were in progress. */
    public long skipped() {
        return skipped.get();
    }

    /** Calls in progress. */
    public int active() {
        return active.get();
    }

    /** The calls in progress. */
    public List<PlacedInboundCall> activeCalls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** How long between two calls. */
    public Duration interval() {
        return Duration.ofNanos((long) (60_000_000_000L / callsPerMinute));
    }
}
