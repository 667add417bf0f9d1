package com.evscallpro.bench.dialer;

import com.evscallpro.core.dialer.PredictivePacer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * A seeded discrete-event simulation of one outbound campaign's day, on a virtual clock: agents, lines, customers.
 * Predictive mode drives the production {@link PredictivePacer} (the same class the dialer runs) every dialer tick;
 * progressive mode dials one line per free agent, reserved for it. The 2-second rule is modelled: a live answer with
 * no free agent waits up to 2 s for one to free up, then gets the legal message and counts as abandoned.
 *
 * <p>Customers (per line), {@link Customers#DAY} (the §6 day): live answer with probability {@code liveRate} after a
 * ring of U(5, 20) s; otherwise, of the rest, 74% no answer (the ring timeout, 30 s), 17% busy after U(1, 4) s, 9%
 * network failure after U(0.5, 1.5) s. Talk: exponential with the given mean (at least 5 s). {@link
 * Customers#simulatorScript} models instead what the PBX simulator's {@code CustomerScript} does (the real-time run
 * of §6.2 compares itself with it). Wrap-up: U(0.5, 1.5) × its mean ({@code wrapSpread} 1), or exactly its mean
 * ({@code wrapSpread} 0: the real-time run's bench agents, who qualify a fixed time after each call).
 *
 * <p>A warm-up ({@code warmupHours}) runs before the measured day, the pacer learning as in the real-time run, whose
 * figures are also taken after a warm-up: nothing of it is counted.
 */
public final class DialerSimulation {

    /** The simulated day. */
    public record Config(int agents, double liveRate, double meanTalkSeconds, double meanWrapSeconds, double hours,
                         long seed, double tickSeconds, double targetPercent, double maxLinesPerAgent,
                         double warmupHours, Customers customers, double wrapSpread) {
        /** The §6 day: no warm-up, {@link Customers#DAY}. */
        public Config(int agents, double liveRate, double meanTalkSeconds, double meanWrapSeconds, double hours,
                      long seed, double tickSeconds, double targetPercent, double maxLinesPerAgent) {
            this(agents, liveRate, meanTalkSeconds, meanWrapSeconds, hours, seed, tickSeconds, targetPercent,
                    maxLinesPerAgent, 0, Customers.DAY, 1);
        }

        public static Config standard(int agents, long seed) {
            return new Config(agents, 0.30, 120, 10, 8, seed, 0.5, 2.5, 3);
        }
    }

    /** How called numbers behave: ring before a live answer, ring of the other lines, talk time. */
    public interface Customers {
        double liveRing(Random random);

        double unansweredRing(Random random);

        double talk(Random random, double meanSeconds);

        /** The §6 day (see the class comment). */
        Customers DAY = new Customers() {
            @Override
            public double liveRing(Random random) {
                return 5 + 15 * random.nextDouble();
            }

            @Override
            public double unansweredRing(Random random) {
                double v = random.nextDouble();
                return v < 0.74 ? RING_TIMEOUT : v < 0.91 ? 1 + 3 * random.nextDouble() : 0.5 + random.nextDouble();
            }

            @Override
            public double talk(Random random, double meanSeconds) {
                return Math.max(5, -meanSeconds * Math.log(1 - random.nextDouble()));
            }
        };

        /**
         * What the PBX simulator's {@code CustomerScript.random(..).answerProbability(..).busyShare(busyShare)
         * .ringTime(ringMin, ringMax).talkTime(mean / 2, mean * 3 / 2)} does: a live answer after U(ringMin, ringMax);
         * of the other lines, {@code busyShare} busy after the same ring, the rest ringing until the campaign's ring
         * timeout; talk U(0.5, 1.5) × the mean.
         */
        static Customers simulatorScript(double ringMin, double ringMax, double busyShare, double ringTimeout) {
            return new Customers() {
                @Override
                public double liveRing(Random random) {
                    return ringMin + (ringMax - ringMin) * random.nextDouble();
                }

                @Override
                public double unansweredRing(Random random) {
                    return random.nextDouble() < busyShare ? liveRing(random) : ringTimeout;
                }

                @Override
                public double talk(Random random, double meanSeconds) {
                    return meanSeconds * (0.5 + random.nextDouble());
                }
            };
        }
    }

    /** What a day gave. Occupancy: (talk + wrap-up) ÷ logged-in time. */
    public record Outcome(double occupancy, double abandonPercentDay, double worstHourPercent, long liveAnswers,
                          long abandons, long lines, long connected, double[] hourPercents, double linesPerAgent,
                          PredictivePacer.Decisions decisions) {
    }

    private enum Mode { PROGRESSIVE, PREDICTIVE }

    private static final double RING_TIMEOUT = 30;
    private static final double LEGAL_WAIT = 2;

    private final Config config;

    public DialerSimulation(Config config) {
        this.config = config;
    }

    public Outcome progressive() {
        return new Run(Mode.PROGRESSIVE).run();
    }

    public Outcome predictive() {
        return new Run(Mode.PREDICTIVE).run();
    }

    /** A virtual clock: the simulation's time. */
    private static final class VirtualClock extends Clock {
        private final Instant start;
        double now;

        VirtualClock(Instant start) {
            this.start = start;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return start.plusNanos((long) (now * 1e9));
        }
    }

    private record Event(double at, long seq, Runnable action) implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            int c = Double.compare(at, o.at);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private static final class Agent {
        final int id;
        double busySince = -1; // talking since
        double wrapSince = -1;
        boolean reserved;      // progressive: a line is ringing for this agent
        double busyTotal;

        Agent(int id) {
            this.id = id;
        }

        boolean free() {
            return busySince < 0 && wrapSince < 0 && !reserved;
        }
    }

    private final class Run {
        final Mode mode;
        final Random random = new Random(config.seed());
        final VirtualClock clock = new VirtualClock(Instant.parse("2026-03-10T08:00:00Z"));
        final PredictivePacer pacer = new PredictivePacer(PredictivePacer.Limits.FRANCE, clock, ZoneOffset.UTC);
        final PriorityQueue<Event> events = new PriorityQueue<>();
        final List<Agent> agents = new ArrayList<>();
        final Deque<Agent> freeOrder = new ArrayDeque<>();
        final List<double[]> ringing = new ArrayList<>(); // [startedAt]
        final Deque<double[]> waiting = new ArrayDeque<>(); // live answers waiting for an agent: [answeredAt, id]
        final double start = config.warmupHours() * 3600;
        final double end = start + config.hours() * 3600;
        final long[] hourAnswers;
        final long[] hourAbandons;
        long seq;
        long lines;
        long answers;
        long abandons;
        long connected;
        long waitIds;
        double ringingSum; // lines in flight, summed over the measured ticks
        long ticks;
        PredictivePacer.Decisions decisionsAtStart; // the pacer's decision sums when the measured day begins

        Run(Mode mode) {
            this.mode = mode;
            int hours = (int) Math.ceil(config.hours());
            hourAnswers = new long[hours];
            hourAbandons = new long[hours];
            for (int i = 0; i < config.agents(); i++) {
                Agent a = new Agent(i);
                agents.add(a);
                freeOrder.addLast(a);
            }
        }

        Outcome run() {
            at(0, this::tick);
            while (!events.isEmpty()) {
                Event e = events.poll();
                clock.now = e.at();
                e.action().run();
            }
            double busy = 0;
            for (Agent a : agents) {
                busy += a.busyTotal;
            }
            double[] hourPercents = new double[hourAnswers.length];
            double worst = 0;
            for (int h = 0; h < hourAnswers.length; h++) {
                hourPercents[h] = hourAnswers[h] == 0 ? 0 : 100.0 * hourAbandons[h] / hourAnswers[h];
                worst = Math.max(worst, hourPercents[h]);
            }
            return new Outcome(busy / (config.agents() * (end - start)), answers == 0 ? 0 : 100.0 * abandons / answers, worst,
                    answers, abandons, lines, connected, hourPercents,
                    ticks == 0 ? 0 : ringingSum / ticks / config.agents(),
                    decisionsAtStart == null ? pacer.decisions() : pacer.decisions().since(decisionsAtStart));
        }

        void at(double time, Runnable action) {
            events.add(new Event(time, seq++, action));
        }

        void tick() {
            if (clock.now >= end) {
                return;
            }
            if (mode == Mode.PROGRESSIVE) {
                for (Agent a : agents) {
                    if (a.free()) {
                        a.reserved = true;
                        freeOrder.remove(a);
                        dial(a);
                    }
                }
            } else {
                if (decisionsAtStart == null && clock.now >= start) {
                    decisionsAtStart = pacer.decisions();
                }
                int n = pacer.linesToDial(config.targetPercent(), config.maxLinesPerAgent(), snapshot());
                for (int i = 0; i < n; i++) {
                    dial(null);
                }
            }
            if (clock.now >= start) {
                ringingSum += ringing.size();
                ticks++;
            }
            at(clock.now + config.tickSeconds(), this::tick);
        }

        PredictivePacer.Snapshot snapshot() {
            int free = 0;
            List<Duration> talking = new ArrayList<>();
            List<Duration> wrapping = new ArrayList<>();
            for (Agent a : agents) {
                if (a.busySince >= 0) {
                    talking.add(seconds(clock.now - a.busySince));
                } else if (a.wrapSince >= 0) {
                    wrapping.add(seconds(clock.now - a.wrapSince));
                } else {
                    free++;
                }
            }
            List<Duration> rings = new ArrayList<>(ringing.size());
            for (double[] r : ringing) {
                rings.add(seconds(clock.now - r[0]));
            }
            return new PredictivePacer.Snapshot(free, talking, wrapping, rings);
        }

        void dial(Agent reservedFor) {
            if (clock.now >= start) {
                lines++;
            }
            double[] line = {clock.now};
            ringing.add(line);
            double u = random.nextDouble();
            if (u < config.liveRate()) {
                double ring = config.customers().liveRing(random);
                at(clock.now + ring, () -> {
                    ringing.remove(line);
                    pacer.lineEnded(seconds(ring), true);
                    liveAnswer(reservedFor);
                });
                return;
            }
            double ring = config.customers().unansweredRing(random);
            at(clock.now + ring, () -> {
                ringing.remove(line);
                pacer.lineEnded(seconds(ring), false);
                if (reservedFor != null) {
                    reservedFor.reserved = false;
                    freeOrder.addLast(reservedFor);
                }
            });
        }

        void liveAnswer(Agent reservedFor) {
            if (reservedFor != null) { // progressive: the agent waited for this line
                reservedFor.reserved = false;
                outcome(false);
                talk(reservedFor);
                return;
            }
            Agent a = freeOrder.pollFirst();
            if (a != null) {
                outcome(false);
                talk(a);
                return;
            }
            double[] w = {clock.now, waitIds++};
            waiting.addLast(w);
            at(clock.now + LEGAL_WAIT, () -> {
                if (waiting.remove(w)) {
                    outcome(true); // legal message, hung up: abandoned
                }
            });
        }

        void outcome(boolean abandoned) {
            pacer.liveAnswer(abandoned);
            if (clock.now < start) {
                return; // warm-up: the pacer learns, nothing is counted
            }
            int hour = Math.min(hourAnswers.length - 1, (int) ((clock.now - start) / 3600));
            answers++;
            hourAnswers[hour]++;
            if (abandoned) {
                abandons++;
                hourAbandons[hour]++;
            } else {
                connected++;
            }
        }

        void talk(Agent a) {
            a.busySince = clock.now;
            double talk = config.customers().talk(random, config.meanTalkSeconds());
            // U(1 - spread/2, 1 + spread/2) × the mean: people's wrap-ups (1) or the real-time run's bench agents (0)
            double wrap = config.meanWrapSeconds() * (1 + config.wrapSpread() * (random.nextDouble() - 0.5));
            at(clock.now + talk, () -> {
                a.busySince = -1;
                a.wrapSince = clock.now;
                at(clock.now + wrap, () -> {
                    a.wrapSince = -1;
                    account(a, clock.now - talk - wrap);
                    pacer.handled(seconds(talk), seconds(wrap));
                    agentFree(a);
                });
            });
        }

        /** Occupancy counts only the part of the call inside the measured day (after the warm-up, before the end). */
        void account(Agent a, double from) {
            a.busyTotal += Math.max(0, Math.min(clock.now, end) - Math.max(Math.min(from, end), start));
        }

        void agentFree(Agent a) {
            if (mode == Mode.PREDICTIVE && !waiting.isEmpty()) {
                waiting.pollFirst();
                outcome(false);
                talk(a);
                return;
            }
            freeOrder.addLast(a);
        }
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos((long) (s * 1e9));
    }

    /** Prints one day per size: {@code DialerSimulation [agents...]}. */
    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {10, 50, 100} : java.util.Arrays.stream(args)
                .mapToInt(Integer::parseInt).toArray();
        for (int n : sizes) {
            DialerSimulation sim = new DialerSimulation(Config.standard(n, Long.getLong("seed", 42)));
            long t0 = System.nanoTime();
            Outcome pred = sim.predictive();
            Outcome prog = sim.progressive();
            System.out.printf(java.util.Locale.ROOT,
                    "%d agents: predictive occupancy %.1f%% abandon day %.2f%% worst hour %.2f%% (answers %d, lines %d) |"
                            + " progressive %.1f%% | ratio %.2f | %.1f s%n   hours %s%n", n, 100 * pred.occupancy(),
                    pred.abandonPercentDay(), pred.worstHourPercent(), pred.liveAnswers(), pred.lines(),
                    100 * prog.occupancy(), pred.occupancy() / prog.occupancy(), (System.nanoTime() - t0) / 1e9,
                    java.util.Arrays.toString(java.util.Arrays.stream(pred.hourPercents())
                            .map(x -> Math.round(x * 100) / 100.0).toArray()));
        }
    }
}
