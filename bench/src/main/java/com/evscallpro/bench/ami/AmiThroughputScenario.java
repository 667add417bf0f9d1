package com.evscallpro.bench.ami;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.evscallpro.bench.Result;
import com.evscallpro.bench.Stats;
import com.evscallpro.bench.ThreadCpu;
import com.evscallpro.telephony.asterisk.AmiSettings;
import com.evscallpro.telephony.asterisk.AsteriskAmiPbx;

/**
 * AMI decode + dispatch throughput and reader lag.
 *
 * <p>An {@link AmiPushServer} on loopback pushes the real event mix of the captures ({@link AmiEventMix}: 43.2 AMI
 * events per call, 410 bytes per event) to two receivers, one after the other, on the same kind of socket:
 * <ul>
 *   <li>baseline: {@link BaselineLineSplitter}, a plain BufferedReader line splitter that only counts frames;</li>
 *   <li>measured: {@link AsteriskAmiPbx} - the real asterisk-java reader (decoding every event into its
 *       ManagerEvent), its event pump, our enqueue filter, the {@code ami-dispatcher} thread with the AmiCallTranslator -
 *       down to a {@link com.evscallpro.telephony.CallEventListener} ({@link AdapterProbe}).</li>
 * </ul>
 * Each receiver gets: a warm-up push, a saturated push (as fast as the socket takes it: events/s), and a paced push
 * at the target rate (lag per call = when its first and its last CallEvent (or frame) was dispatched minus when its
 * bytes were written). A calibration push at a low rate gives the CallEvents each template yields, so events lost
 * under load (asterisk-java's event pump drops events when its 20,000-slot queue is full) are counted.
 */
public final class AmiThroughputScenario {

    /**
     * @param warmupEvents    AMI events pushed (as fast as possible) before measuring, per receiver
     * @param saturatedEvents AMI events of the saturated push
     * @param pacedRate       offered AMI events per second of the paced push (the target: 20,000)
     * @param pacedSeconds    duration of the paced push
     * @param maxLagMs        the lag target (100 ms)
     */
    public record Config(int warmupEvents, int saturatedEvents, int pacedRate, int pacedSeconds, int maxLagMs) {
        public static Config standard() {
            return new Config(300_000, 600_000, 20_000, 20, 100);
        }

        public static Config quick() {
            return new Config(60_000, 150_000, 20_000, 5, 100);
        }
    }

    /** One push as a receiver saw it. */
    record Run(String label, AmiPushServer.Push push, Expectation seen, long[] writes, long doneNanos,
               Map<String, Long> cpuByStage, Map<String, Long> allocatedByStage) {

        /** Heap bytes allocated per AMI event by the receiving stages. */
        double receiverBytesPerEvent() {
            long n = 0;
            for (Map.Entry<String, Long> e : allocatedByStage.entrySet()) {
                if (!e.getKey().equals("push server") && !e.getKey().equals("other threads")) {
                    n += e.getValue();
                }
            }
            return n / (double) push.frames();
        }

        /** CPU nanoseconds per AMI event of the receiving stages (all but the push server and "other"). */
        double receiverCpuNanosPerEvent() {
            long n = 0;
            for (Map.Entry<String, Long> e : cpuByStage.entrySet()) {
                if (!e.getKey().equals("push server") && !e.getKey().equals("other threads")) {
                    n += e.getValue();
                }
            }
            return n / (double) push.frames();
        }

        boolean completed() {
            return doneNanos != 0;
        }

        double seconds() {
            return (doneNanos - push.startNanos()) / 1e9;
        }

        double framesPerSecond() {
            return completed() ? push.frames() / seconds() : Double.NaN;
        }

        double itemsPerSecond() {
            return completed() ? seen.total / seconds() : Double.NaN;
        }

        /** Per call: the later of (first seen - written) and (last seen - written); calls never seen are skipped. */
        Stats lags() {
            long[] l = new long[seen.calls];
            int n = 0;
            for (int i = 0; i < seen.calls; i++) {
                if (seen.first[i] != 0) {
                    l[n++] = Math.max(seen.first[i] - writes[i], seen.last[i] - writes[i]);
                }
            }
            return new Stats(l, n);
        }

        int callsNeverSeen() {
            int n = 0;
            for (int i = 0; i < seen.calls; i++) {
                if (seen.first[i] == 0) {
                    n++;
                }
            }
            return n;
        }
    }

    private final Config config;
    private final AmiEventMix mix = new AmiEventMix();
    private long nextSeq;
    private long nextToken = 1;

    public AmiThroughputScenario(Config config) {
        this.config = config;
    }

    interface Receiver {
        Expectation expect(long firstSeq, int calls, long token);
    }

    /** The adapter's runs in one configuration. */
    record AdapterRuns(Run saturated, Run paced, int[] expectedPerTemplate) {
    }

    public List<Result> run() throws Exception {
        log("AMI: mix of %d captures, %.1f events/call, %.0f bytes/event", mix.templates().size(),
                mix.averageFrames(), mix.averageFrameBytes());
        Run baseSat;
        Run basePaced;
        AdapterRuns plain;
        AdapterRuns filtered;
        try (AmiPushServer server = new AmiPushServer(mix)) {
            // ---- baseline: plain line splitter
            try (BaselineLineSplitter splitter = new BaselineLineSplitter(server.port(), mix)) {
                AmiPushServer.Session s = server.awaitSession(BaselineLineSplitter.USER, Duration.ofSeconds(10));
                push(server, s, splitter::expect, "baseline warm-up", config.warmupEvents(), 0);
                baseSat = push(server, s, splitter::expect, "baseline saturated", config.saturatedEvents(), 0);
                basePaced = push(server, s, splitter::expect, "baseline paced", config.pacedRate()
                        * config.pacedSeconds(), config.pacedRate());
            }
            // ---- measured: AsteriskAmiPbx (asterisk-java reader + pump + our dispatcher) to a CallEventListener,
            // without then with the source-side event filter (AMI Filter action, the default)
            plain = measureAdapter(server, "no-filter", "evs-nofilter", false);
            filtered = measureAdapter(server, "filtered", "evs", true);
        }
        List<Result> out = new ArrayList<>(results(baseSat, basePaced, filtered, true));
        out.addAll(results(baseSat, basePaced, plain, false));
        return out;
    }

    private AdapterRuns measureAdapter(AmiPushServer server, String label, String user, boolean filter)
            throws Exception {
        AdapterProbe probe = new AdapterProbe();
        try (AsteriskAmiPbx pbx = new AsteriskAmiPbx(AmiSettings.of("127.0.0.1", server.port(), user,
                "evs-secret").withEventFilter(filter))) {
            pbx.addListener(probe);
            pbx.start();
            if (!pbx.awaitConnected(Duration.ofSeconds(15))) {
                throw new IllegalStateException("adapter did not connect to the push server");
            }
            AmiPushServer.Session s = server.awaitSession(user, Duration.ofSeconds(10));
            for (int i = 0; filter && i < 200 && pbx.eventFilterInstalls() == 0; i++) {
                Thread.sleep(25);
            }
            if (filter != s.filtered()) {
                throw new IllegalStateException("event filter " + (filter ? "not installed" : "installed"));
            }
            Thread.sleep(500); // let the post-connect CoreShowChannels resync settle
            Run calibration = push(server, s, probe::expect, label + " calibration", 20_000, 5_000);
            int[] expected = calibrate(calibration);
            push(server, s, probe::expect, label + " warm-up", config.warmupEvents(), 0);
            Run sat = push(server, s, probe::expect, label + " saturated", config.saturatedEvents(), 0);
            awaitDrained(pbx);
            Run paced = push(server, s, probe::expect, label + " paced", config.pacedRate() * config.pacedSeconds(),
                    config.pacedRate());
            return new AdapterRuns(sat, paced, expected);
        }
    }

    private static void awaitDrained(AsteriskAmiPbx pbx) throws InterruptedException {
        for (int i = 0; i < 200 && pbx.queuedEvents() > 0; i++) {
            Thread.sleep(50);
        }
        Thread.sleep(300);
    }

    private Run push(AmiPushServer server, AmiPushServer.Session s, Receiver r, String label, int events,
                     int rate) throws Exception {
        int calls = Math.max(mix.templates().size(), (int) Math.round(events / mix.averageFrames()));
        long firstSeq = nextSeq;
        nextSeq += calls;
        long token = nextToken++;
        Expectation e = r.expect(firstSeq, calls, token);
        long[] writes = new long[calls];
        AmiPushServer.Prepared prepared = server.prepare(s, firstSeq, calls);
        ThreadCpu before = ThreadCpu.snapshot();
        AmiPushServer.Push p = server.push(s, prepared, rate, token, writes);
        double expectedSeconds = rate > 0 ? (double) p.frames() / rate : 10;
        long done = e.await(Duration.ofSeconds((long) Math.max(120, expectedSeconds * 5)));
        ThreadCpu after = ThreadCpu.snapshot();
        Run run = new Run(label, p, e, writes, done, after.byGroup(before, AmiThroughputScenario::stage),
                after.allocatedByGroup(before, AmiThroughputScenario::stage));
        Stats lags = run.lags();
        log("  %-20s %,9d events (%,d on the wire) in %6.2f s: %,10.0f events/s  %,9.0f items/s  lag p50 %7.1f ms  "
                        + "p99 %7.1f ms  max %7.1f ms%s", label, p.frames(), p.wireFrames(),
                run.completed() ? run.seconds() : Double.NaN,
                run.framesPerSecond(), run.itemsPerSecond(), Stats.ms(lags.percentile(50)),
                Stats.ms(lags.percentile(99)), Stats.ms(lags.max()),
                run.completed() ? "" : "  (END MARKER NEVER ARRIVED)");
        log("  %-20s CPU: %s", "", after.since(before, AmiThroughputScenario::stage));
        log("  %-20s heap allocated per event: %,.0f bytes (%s)", "", run.receiverBytesPerEvent(),
                run.allocatedByStage());
        return run;
    }

    /** The pipeline stage a thread belongs to. */
    static String stage(String thread) {
        if (thread.startsWith("Asterisk-Java") && thread.endsWith(":AsyncEventPump")) {
            return "asterisk-java event pump";
        }
        if (thread.startsWith("Asterisk-Java") && thread.contains("-Reader-")) {
            return "asterisk-java reader (decode)";
        }
        if (thread.equals("ami-dispatcher")) {
            return "ami-dispatcher (AmiCallTranslator)";
        }
        if (thread.equals("baseline-line-splitter")) {
            return "baseline line splitter";
        }
        if (thread.equals("main") || thread.startsWith("ami-push")) {
            return "push server";
        }
        return "other threads";
    }

    /** CallEvents per call of each template, from a push at a low rate. */
    private int[] calibrate(Run calibration) {
        int[] expected = new int[mix.templates().size()];
        Expectation e = calibration.seen();
        for (int i = 0; i < e.calls; i++) {
            int t = (int) ((e.firstSeq + i) % expected.length);
            expected[t] = Math.max(expected[t], e.perCall[i]);
        }
        StringBuilder sb = new StringBuilder();
        for (int t = 0; t < expected.length; t++) {
            sb.append(mix.templates().get(t).name()).append('=').append(expected[t]).append(' ');
        }
        log("  CallEvents per call: %s", sb.toString().trim());
        return expected;
    }

    private static long lost(Run run, int[] expected) {
        Expectation e = run.seen();
        long lost = 0;
        for (int i = 0; i < e.calls; i++) {
            int t = (int) ((e.firstSeq + i) % expected.length);
            lost += Math.max(0, expected[t] - e.perCall[i]);
        }
        return lost;
    }

    /**
     * The rows of one adapter configuration. Events are counted as the PBX generates them (the offered load: calls
     * × 43.2 events), whether or not a filter kept them off the wire; verdicts only for the default configuration
     * (filtered), the other is printed for comparison.
     */
    private List<Result> results(Run baseSat, Run basePaced, AdapterRuns runs, boolean filtered) {
        Run adSat = runs.saturated();
        Run adPaced = runs.paced();
        int[] expected = runs.expectedPerTemplate();
        String tag = filtered ? "" : " [no Filter]";
        List<Result> out = new ArrayList<>();
        long lostSat = lost(adSat, expected);
        long lostPaced = lost(adPaced, expected);
        double sat = adSat.framesPerSecond();
        out.add(new Result("AMI decode+dispatch, saturated" + tag, "events/s", sat, baseSat.framesPerSecond(),
                "≥ " + fmt(config.pacedRate()), verdict(filtered, adSat.completed() && lostSat == 0
                        && sat >= config.pacedRate()),
                String.format(Locale.ROOT, "%,d PBX events (%,d sent on the wire) pushed as fast as the socket takes "
                        + "them; %,.0f CallEvents/s to the listener; CallEvents lost: %,d", adSat.push().frames(),
                        adSat.push().wireFrames(), adSat.itemsPerSecond(), lostSat)));
        if (filtered) {
            out.add(new Result("AMI events on the wire per PBX event (Filter)", "%",
                    100.0 * adSat.push().wireFrames() / adSat.push().frames(), 100.0, "-", null,
                    "the AMI Filter whitelist (AsteriskAmiPbx.EVENT_FILTER) keeps the rest in Asterisk"));
        }
        out.add(new Result("AMI CPU per PBX event (reader+pump+dispatcher), saturated" + tag, "µs",
                adSat.receiverCpuNanosPerEvent() / 1000.0, baseSat.receiverCpuNanosPerEvent() / 1000.0, "-", null,
                String.format(Locale.ROOT, "thread CPU time, independent of the machine's load; decode alone (the "
                        + "asterisk-java reader thread) %.1f µs per PBX event, %.1f µs per event on the wire",
                        adSat.cpuByStage().getOrDefault("asterisk-java reader (decode)", 0L) / 1000.0
                                / adSat.push().frames(),
                        adSat.cpuByStage().getOrDefault("asterisk-java reader (decode)", 0L) / 1000.0
                                / adSat.push().wireFrames())));
        out.add(new Result("AMI heap allocated per PBX event (reader+pump+dispatcher)" + tag, "bytes",
                adSat.receiverBytesPerEvent(), baseSat.receiverBytesPerEvent(), "-", null,
                "young-GC pressure: at 20,000 events/s that is this × 20,000 bytes/s to collect; GC pauses land "
                        + "directly in the reader lag"));
        Stats lag = adPaced.lags();
        Stats baseLag = basePaced.lags();
        double delivered = adPaced.framesPerSecond();
        boolean keptUp = adPaced.completed() && delivered >= 0.98 * config.pacedRate() && lostPaced == 0;
        out.add(new Result("AMI delivered at " + fmt(config.pacedRate()) + "/s offered" + tag, "events/s",
                delivered, basePaced.framesPerSecond(), "≥ " + fmt(0.98 * config.pacedRate()),
                verdict(filtered, keptUp), String.format(Locale.ROOT, "%d s paced push (%,d events on the wire); "
                        + "CallEvents lost: %,d", config.pacedSeconds(), adPaced.push().wireFrames(), lostPaced)));
        out.add(new Result("AMI lag write→listener at " + fmt(config.pacedRate()) + "/s, max" + tag, "ms",
                Stats.ms(lag.max()), Stats.ms(baseLag.max()), "≤ " + config.maxLagMs(),
                verdict(filtered, keptUp && lag.count() > 0 && Stats.ms(lag.max()) <= config.maxLagMs()),
                "per call: max(first, last CallEvent) - write; baseline: frame read by the line splitter"));
        out.add(new Result("AMI lag write→listener at " + fmt(config.pacedRate()) + "/s, p99" + tag, "ms",
                Stats.ms(lag.percentile(99)), Stats.ms(baseLag.percentile(99)), "-", null, ""));
        out.add(new Result("AMI lag write→listener at " + fmt(config.pacedRate()) + "/s, p50" + tag, "ms",
                Stats.ms(lag.percentile(50)), Stats.ms(baseLag.percentile(50)), "-", null, ""));
        return out;
    }

    private static Boolean verdict(boolean counts, boolean ok) {
        return counts ? ok : null;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    static void log(String format, Object... args) {
        System.err.println(String.format(Locale.ROOT, format, args));
    }
}
