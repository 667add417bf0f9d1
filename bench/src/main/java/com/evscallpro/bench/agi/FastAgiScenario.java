package com.evscallpro.bench.agi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.evscallpro.bench.Result;
import com.evscallpro.bench.Stats;
import com.evscallpro.bench.ThreadCpu;
import com.evscallpro.telephony.agi.AgiChannel;
import com.evscallpro.telephony.agi.FastAgiServer;
import com.evscallpro.telephony.agi.FastAgiSettings;
import com.evscallpro.simulator.FastAgiCaller;
import com.evscallpro.simulator.PlacedAgiCall;
import com.evscallpro.simulator.SimAgiCall;

/**
 * FastAGI: 500 concurrent channels, command round trip p99 ≤ 10 ms (issue 3).
 *
 * <p>Our {@link FastAgiServer} (script {@code bench}) against the simulator's FastAGI client ({@link FastAgiCaller},
 * which answers like Asterisk 22.10) on loopback. 500 calls are placed and stay connected; each handler answers, then
 * loops: think time 200-400 ms (an IVR waits for prompts between commands), one quick command (in turn
 * {@code SET VARIABLE}, {@code GET VARIABLE}, {@code CHANNEL STATUS}, {@code GET FULL VARIABLE}) timed from the call
 * on the {@link AgiChannel} to its typed result. ≈ 1,650 commands/s in all. Only commands of the measurement window,
 * with all 500 channels connected, are recorded.
 *
 * <p>Baseline: the same 500 connections, think times and window over a raw loopback socket: a plain server (a virtual
 * thread per connection, BufferedReader) answers each command line with {@code 200 result=1}.
 */
public final class FastAgiScenario {

    /**
     * @param channels      concurrent channels
     * @param warmupSeconds not recorded (after all channels are connected)
     * @param seconds       recorded
     * @param thinkMinMs    think time between commands, min
     * @param thinkMaxMs    think time between commands, max
     * @param p99TargetMs   the target (10 ms)
     */
    public record Config(int channels, int warmupSeconds, int seconds, int thinkMinMs, int thinkMaxMs,
                         int p99TargetMs) {
        public static Config standard() {
            return new Config(500, 10, 30, 200, 400, 10);
        }

        public static Config quick() {
            return new Config(500, 3, 8, 200, 400, 10);
        }
    }

    /** Latencies recorded by many threads into one array. */
    static final class Samples {
        final long[] values;
        final AtomicInteger n = new AtomicInteger();
        final AtomicLong errors = new AtomicLong();
        volatile long from;
        volatile long to;

        Samples(int capacity) {
            values = new long[capacity];
        }

        void record(long startNanos, long latency) {
            if (startNanos >= from && startNanos < to) {
                int i = n.getAndIncrement();
                if (i < values.length) {
                    values[i] = latency;
                }
            }
        }

        Stats stats() {
            return new Stats(values, Math.min(n.get(), values.length));
        }
    }

    private final Config config;

    public FastAgiScenario(Config config) {
        this.config = config;
    }

    public List<Result> run() throws Exception {
        int capacity = (int) (config.channels() * (1000.0 / config.thinkMinMs()) * (config.seconds() + 2)) + 1000;
        log("agi: baseline (raw socket line echo, %d connections)", config.channels());
        Samples base = new Samples(capacity);
        long baseCpu = runBaseline(base);
        Stats b = base.stats();
        log("  baseline %,d commands (%.0f/s): p50 %.3f ms p99 %.3f ms max %.3f ms", b.count(),
                b.count() / (double) config.seconds(), Stats.ms(b.percentile(50)), Stats.ms(b.percentile(99)),
                Stats.ms(b.max()));

        log("agi: FastAgiServer ← FastAgiCaller (simulated Asterisk), %d channels", config.channels());
        Samples agi = new Samples(capacity);
        int[] connected = new int[2];
        long[] agiCpu = new long[1];
        String cpu = runFastAgi(agi, connected, agiCpu);
        Stats a = agi.stats();
        log("  FastAGI  %,d commands (%.0f/s): p50 %.3f ms p99 %.3f ms max %.3f ms, errors %d, channels at window "
                        + "start/end %d/%d", a.count(), a.count() / (double) config.seconds(), Stats.ms(a.percentile(50)),
                Stats.ms(a.percentile(99)), Stats.ms(a.max()), agi.errors.get(), connected[0], connected[1]);
        log("  CPU during the window: %s", cpu);
        boolean allConnected = connected[0] == config.channels() && connected[1] == config.channels();
        String label = config.channels() + " channels";
        List<Result> out = new ArrayList<>();
        out.add(new Result("FastAGI command round trip, " + label + ", p99", "ms", Stats.ms(a.percentile(99)),
                Stats.ms(b.percentile(99)), "≤ " + config.p99TargetMs(),
                allConnected && agi.errors.get() == 0 && a.count() > 0
                        && Stats.ms(a.percentile(99)) <= config.p99TargetMs(),
                String.format(Locale.ROOT, "%,d commands in %d s (%.0f/s), think time %d-%d ms, %d errors, channels "
                                + "connected at window start/end %d/%d; baseline: raw socket line echo, same "
                                + "connections and pacing", a.count(), config.seconds(),
                        a.count() / (double) config.seconds(), config.thinkMinMs(), config.thinkMaxMs(),
                        agi.errors.get(), connected[0], connected[1])));
        out.add(new Result("FastAGI command round trip, " + label + ", p50", "ms", Stats.ms(a.percentile(50)),
                Stats.ms(b.percentile(50)), "-", null, ""));
        out.add(new Result("FastAGI command round trip, " + label + ", max", "ms", Stats.ms(a.max()),
                Stats.ms(b.max()), "-", null, ""));
        out.add(new Result("FastAGI process CPU per command (server + simulated Asterisk)", "µs",
                agiCpu[0] / 1000.0 / Math.max(1, a.count()), baseCpu / 1000.0 / Math.max(1, b.count()), "-", null,
                "process CPU during the measurement window / commands in it (GC and JIT included); mostly "
                        + "independent of the machine's load"));
        return out;
    }

    // ------------------------------------------------------------------ FastAGI

    private String runFastAgi(Samples samples, int[] connected, long[] cpuNanos) throws Exception {
        long rampNanos = TimeUnit.SECONDS.toNanos(2);
        long t0 = System.nanoTime();
        long windowFrom = t0 + rampNanos + TimeUnit.SECONDS.toNanos(config.warmupSeconds());
        long windowTo = windowFrom + TimeUnit.SECONDS.toNanos(config.seconds());
        long stopAt = windowTo + TimeUnit.MILLISECONDS.toNanos(500);
        samples.from = windowFrom;
        samples.to = windowTo;
        FastAgiSettings settings = FastAgiSettings.defaults().withPort(0).withMaxChannels(config.channels() + 100);
        try (FastAgiServer server = new FastAgiServer(settings)) {
            server.register("bench", channel -> handle(channel, samples, stopAt));
            server.start();
            List<PlacedAgiCall> calls = new ArrayList<>();
            try (FastAgiCaller asterisk = new FastAgiCaller("127.0.0.1", server.port())) {
                long gap = rampNanos / config.channels();
                for (int i = 0; i < config.channels(); i++) {
                    sleepUntil(t0 + i * gap);
                    calls.add(asterisk.place(SimAgiCall.toDid("0140000000").script("bench")
                            .maxDuration(Duration.ofSeconds(config.warmupSeconds() + config.seconds() + 60))));
                }
                sleepUntil(windowFrom);
                connected[0] = server.activeChannelCount();
                ThreadCpu before = ThreadCpu.snapshot();
                sleepUntil(windowTo - TimeUnit.MILLISECONDS.toNanos(100));
                connected[1] = server.activeChannelCount();
                sleepUntil(windowTo);
                ThreadCpu after = ThreadCpu.snapshot();
                cpuNanos[0] = after.processNanos(before);
                String cpu = after.since(before, FastAgiScenario::stage);
                for (PlacedAgiCall c : calls) {
                    c.await(Duration.ofSeconds(30));
                }
                return cpu;
            }
        }
    }

    private void handle(AgiChannel channel, Samples samples, long stopAt) throws InterruptedException {
        channel.answer();
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        int step = 0;
        while (System.nanoTime() < stopAt) {
            Thread.sleep(rnd.nextInt(config.thinkMinMs(), config.thinkMaxMs() + 1));
            long start = System.nanoTime();
            try {
                switch (step++ % 4) {
                    case 0 -> channel.setVariable("EVS_STEP", Integer.toString(step));
                    case 1 -> channel.getVariable("EVS_STEP");
                    case 2 -> channel.channelStatus();
                    default -> channel.getFullVariable("${CALLERID(num)}");
                }
                samples.record(start, System.nanoTime() - start);
            } catch (RuntimeException e) {
                samples.errors.incrementAndGet();
                if (channel.isHungUp() || !channel.isOpen()) {
                    return;
                }
            }
        }
    }

    static String stage(String thread) {
        if (thread.startsWith("agi-")) {
            return "agi server platform threads";
        }
        if (thread.startsWith("ForkJoinPool")) {
            return "virtual threads (server + simulated Asterisk)";
        }
        return "other threads";
    }

    // ------------------------------------------------------------------ baseline

    /** Runs the baseline; returns the process CPU nanoseconds spent during the measurement window. */
    private long runBaseline(Samples samples) throws Exception {
        long rampNanos = TimeUnit.SECONDS.toNanos(2);
        try (ServerSocket server = new ServerSocket(0, config.channels() + 50, InetAddress.getLoopbackAddress())) {
            Thread.ofPlatform().daemon().name("echo-agi-accept").start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        Thread.ofVirtual().start(() -> echo(s));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            long t0 = System.nanoTime();
            long windowFrom = t0 + rampNanos + TimeUnit.SECONDS.toNanos(config.warmupSeconds());
            long windowTo = windowFrom + TimeUnit.SECONDS.toNanos(config.seconds());
            long stopAt = windowTo + TimeUnit.MILLISECONDS.toNanos(500);
            samples.from = windowFrom;
            samples.to = windowTo;
            CountDownLatch done = new CountDownLatch(config.channels());
            long gap = rampNanos / config.channels();
            for (int i = 0; i < config.channels(); i++) {
                sleepUntil(t0 + i * gap);
                Thread.ofVirtual().start(() -> {
                    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                        s.setTcpNoDelay(true);
                        OutputStream out = s.getOutputStream();
                        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                                StandardCharsets.ISO_8859_1));
                        ThreadLocalRandom rnd = ThreadLocalRandom.current();
                        byte[] command = "SET VARIABLE EVS_STEP 1\n".getBytes(StandardCharsets.ISO_8859_1);
                        while (System.nanoTime() < stopAt) {
                            Thread.sleep(rnd.nextInt(config.thinkMinMs(), config.thinkMaxMs() + 1));
                            long start = System.nanoTime();
                            out.write(command);
                            out.flush();
                            if (in.readLine() == null) {
                                samples.errors.incrementAndGet();
                                return;
                            }
                            samples.record(start, System.nanoTime() - start);
                        }
                    } catch (IOException | InterruptedException e) {
                        samples.errors.incrementAndGet();
                    } finally {
                        done.countDown();
                    }
                });
            }
            sleepUntil(windowFrom);
            ThreadCpu before = ThreadCpu.snapshot();
            sleepUntil(windowTo);
            long cpu = ThreadCpu.snapshot().processNanos(before);
            if (!done.await(config.warmupSeconds() + config.seconds() + 60L, TimeUnit.SECONDS)) {
                throw new IllegalStateException("baseline clients did not finish");
            }
            return cpu;
        }
    }

    private static void echo(Socket s) {
        try (s) {
            s.setTcpNoDelay(true);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            OutputStream out = s.getOutputStream();
            byte[] reply = "200 result=1\n".getBytes(StandardCharsets.ISO_8859_1);
            while (in.readLine() != null) {
                out.write(reply);
                out.flush();
            }
        } catch (IOException ignored) {
            // client closed
        }
    }

    private static void sleepUntil(long at) throws InterruptedException {
        long left;
        while ((left = at - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    static void log(String format, Object... args) {
        System.err.println(String.format(Locale.ROOT, format, args));
    }
}
