package com.evscallpro.core.dialer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Predictive pacing for one campaign: how many more lines to dial now. Pure (no Spring, no I/O), on an injectable
 * clock, so the production dialer and the discrete-event simulation in {@code bench/} run the same code.
 *
 * <p>What it learns, over a sliding window of the campaign's recent calls: how lines end (the ring time, and whether a
 * live person answered: the answer rate, also conditional on how long a line has rung already) and how long agents
 * stay busy (talk, then wrap-up). What it is told at each decision: the agents free now, how long each busy agent has
 * been talking or wrapping up, and how long each line in flight has rung.
 *
 * <p>The decision: the agents available when a new line would be answered (after the mean ring time of live answers,
 * the <em>horizon</em>, plus the grace the 2-second rule leaves once the bridge is accounted for) are those free now plus each busy agent with the probability, read on the learned talk and
 * wrap-up samples, that it frees within the horizon given how long it has been busy. Answers are the lines in flight
 * (each with its conditional answer probability) plus the new lines (the answer rate). Both are Poisson-binomial
 * distributions, computed exactly; the pacer adds lines while the new line's own risk, the expected abandons it adds
 * ({@code E[(answers - agents)+]} with it minus without it) ÷ its answer probability, stays under the effective
 * target: each line is dialled only if, answered, it would reach an agent in time with at least 1 − target. The
 * effective target is the set-point times a gain learned by integral control (each live answer moves it a little:
 * up when connected, down when abandoned, so that the realised share of abandons settles on the set-point whatever
 * the model's bias), tapered to 0 as the day's rate goes from the set-point to the brake.
 *
 * <p>Brakes: when the day's abandon rate (counted against at least {@link Limits#minAnswers()} answers, so one early
 * abandon does not stop the day) reaches {@link Limits#brakePercent()}, or this hour's reaches
 * {@link Limits#hourBrakePercent()}, it dials no more lines than agents free now minus lines in flight, so that every
 * answer finds an agent. Never more than {@code maxLinesPerAgent} lines in flight per agent working the campaign
 * (free, talking or wrapping up: VICIdial's dial level). No agents: no lines. Until it has seen
 * {@link Limits#minSamples()} lines end, it takes the answer rate as 1 and agents as freeing never: progressive.
 *
 * <p>Thread-safe: every method is synchronized (one campaign's pacer is touched by the dialer's tick and by call
 * events).
 */
public final class PredictivePacer {

    /**
     * @param legalPercent    the legal ceiling of the day's abandon rate (3 in France)
     * @param brakePercent    the day's rate at which the hard brake engages (below the legal ceiling)
     * @param hourBrakePercent this hour's rate at which the brake engages too
     * @param minAnswers      the day's and the hour's rates are abandons / max(answers, this)
     * @param minSamples      lines seen before the answer rate and the agents' times are trusted
     * @param window          recent lines and recent handled calls kept
     * @param graceSeconds    how long an answered call may wait for an agent freeing up and still be connected within
     *                        the legal 2 s (what the bridge and, with AMD, the analysis leave of them)
     */
    public record Limits(double legalPercent, double brakePercent, double hourBrakePercent, int minAnswers,
                         int minSamples, int window, double graceSeconds) {
        public static final Limits FRANCE = new Limits(3.0, 2.8, 4.0, 100, 30, 500, 1.5);

        /** The same limits with another grace (AMD eats into the 2 s). */
        public Limits withGrace(double seconds) {
            return new Limits(legalPercent, brakePercent, hourBrakePercent, minAnswers, minSamples, window,
                    Math.max(0, seconds));
        }
    }

    /** What the dialer sees now. Durations are how long each agent or line has been in that state. */
    public record Snapshot(int freeAgents, List<Duration> talking, List<Duration> wrappingUp,
                           List<Duration> ringing) {
        public Snapshot {
            talking = List.copyOf(talking);
            wrappingUp = List.copyOf(wrappingUp);
            ringing = List.copyOf(ringing);
        }

        int agents() {
            return freeAgents + talking.size() + wrappingUp.size();
        }
    }

    /**
     * The live pacing figures of a campaign.
     *
     * @param linesPerAgent lines in flight per agent working the campaign
     * @param answerRate    live answers ÷ lines ended, over the window (0 when none ended)
     * @param amdFalsePositivesToday machine verdicts counted today as live persons hung up on (AMD false
     *                      positives): already inside {@code answersToday} and {@code abandonsToday}
     */
    public record Figures(double linesPerAgent, double answerRate, double abandonPercentHour,
                          double abandonPercentToday, int agentsIdle, int linesInFlight, long answersToday,
                          long abandonsToday, boolean braking, long amdFalsePositivesToday) {

        public Figures(double linesPerAgent, double answerRate, double abandonPercentHour, double abandonPercentToday,
                       int agentsIdle, int linesInFlight, long answersToday, long abandonsToday, boolean braking) {
            this(linesPerAgent, answerRate, abandonPercentHour, abandonPercentToday, agentsIdle, linesInFlight,
                    answersToday, abandonsToday, braking, 0);
        }
    }

    /**
     * Sums over every {@link #linesToDial} call since the pacer was made, of what it was told and what it decided:
     * subtract two readings and divide by {@code decisions} for the means of a window. What a live dialer and its
     * simulation feed the same class can be compared input by input (bench §6.2).
     *
     * @param decisions     calls of {@link #linesToDial}
     * @param modelled      of them, those decided by the model (not braking, trusted, under the cap)
     * @param braked        of them, those taken with the brake on
     * @param free          agents free
     * @param talking       agents talking
     * @param wrapping      agents wrapping up
     * @param ringing       lines in flight
     * @param dialled       lines decided
     * @param agentsExpected modelled decisions: expected agents available at the first horizon plus the grace
     * @param answersExpected modelled decisions: expected live answers of the lines in flight
     * @param horizon       modelled decisions: the first horizon (seconds)
     * @param answerRate    modelled decisions: a new line's answer probability
     * @param target        modelled decisions: the effective per-line target (fraction)
     * @param meanTalk      modelled decisions: mean talk of the handled calls learned (seconds)
     * @param meanWrap      modelled decisions: mean wrap-up of the handled calls learned (seconds)
     */
    public record Decisions(long decisions, long modelled, long braked, double free, double talking, double wrapping,
                            double ringing, double dialled, double agentsExpected, double answersExpected,
                            double horizon, double answerRate, double target, double meanTalk, double meanWrap) {

        /** What happened between {@code earlier} and this reading. */
        public Decisions since(Decisions earlier) {
            return new Decisions(decisions - earlier.decisions, modelled - earlier.modelled, braked - earlier.braked,
                    free - earlier.free,
                    talking - earlier.talking, wrapping - earlier.wrapping, ringing - earlier.ringing,
                    dialled - earlier.dialled, agentsExpected - earlier.agentsExpected,
                    answersExpected - earlier.answersExpected, horizon - earlier.horizon,
                    answerRate - earlier.answerRate, target - earlier.target, meanTalk - earlier.meanTalk,
                    meanWrap - earlier.meanWrap);
        }

        /** These sums and {@code other}'s (several simulated days pooled). */
        public Decisions plus(Decisions other) {
            return since(new Decisions(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0).since(other));
        }

        /** One line of means (per decision; the model's figures per modelled decision), for logs and benches. */
        public String means() {
            double d = Math.max(1, decisions);
            double m = Math.max(1, modelled);
            return String.format(java.util.Locale.ROOT, "%d decisions (%d modelled, %d braked): free %.2f talking %.2f "
                            + "wrapping %.2f ringing %.2f dialled %.3f | model: agents at horizon %.2f, answers in "
                            + "flight %.2f, horizon %.2f s, answer rate %.3f, target %.4f, talk %.1f s, wrap %.1f s",
                    decisions, modelled, braked, free / d, talking / d, wrapping / d, ringing / d, dialled / d,
                    agentsExpected / m, answersExpected / m, horizon / m, answerRate / m, target / m, meanTalk / m,
                    meanWrap / m);
        }
    }

    private record Line(double ringSeconds, boolean live) {
    }

    private record Handled(double talkSeconds, double wrapSeconds) {
    }

    private static final double[] QUANTILES = {0.25, 0.75};
    private static final double GAIN_STEP = 0.05;
    private static final double MIN_GAIN = 0.05;
    private static final double MAX_GAIN = 20;

    private final Limits limits;
    private final Clock clock;
    private final ZoneId zone;
    private final Deque<Line> lines = new ArrayDeque<>();
    private final Deque<Handled> handled = new ArrayDeque<>();
    private LocalDate day;
    private long dayAnswers;
    private long dayAbandons;
    private long dayFalsePositives;
    private long hourKey = -1;
    private long hourAnswers;
    private long hourAbandons;
    private boolean braking;
    private double gain = 2;
    private double lastSetPoint = 2.5;
    private Decisions decisions = new Decisions(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    /** The model's figures of the decision being taken, when the model took it. */
    private double[] modelled;

    public PredictivePacer(Limits limits, Clock clock, ZoneId zone) {
        this.limits = limits;
        this.clock = clock;
        this.zone = zone;
    }

    /** A line ended: answered by a live person ({@code live}) or not (busy, no answer, machine, failure). */
    public synchronized void lineEnded(Duration ring, boolean live) {
        push(lines, new Line(seconds(ring), live));
    }

    /** An agent finished a call: talk then wrap-up. */
    public synchronized void handled(Duration talk, Duration wrapUp) {
        push(handled, new Handled(seconds(talk), seconds(wrapUp)));
    }

    /**
     * A live answer was decided: connected to an agent within 2 s, or abandoned (legal message, hung up). Answering
     * machines are not live answers, but a live answer AMD took for a machine is reported here as abandoned.
     */
    public synchronized void liveAnswer(boolean abandoned) {
        roll();
        // Integral control: the model's risk estimates are biased one way or the other; the gain on the target
        // moves until the realised share of abandons equals the set-point (a stochastic-approximation step).
        double error = lastSetPoint / 100.0 - (abandoned ? 1 : 0);
        gain = Math.max(MIN_GAIN, Math.min(MAX_GAIN, gain * Math.exp(GAIN_STEP * error)));
        dayAnswers++;
        hourAnswers++;
        if (abandoned) {
            dayAbandons++;
            hourAbandons++;
        }
    }

    /** How many more lines to dial now for this campaign. */
    public synchronized int linesToDial(double targetPercent, double maxLinesPerAgent, Snapshot now) {
        modelled = null;
        int n = decide(targetPercent, maxLinesPerAgent, now);
        Decisions d = decisions;
        double[] m = modelled == null ? new double[6] : modelled;
        decisions = new Decisions(d.decisions + 1, d.modelled + (modelled == null ? 0 : 1),
                d.braked + (braking ? 1 : 0),
                d.free + now.freeAgents(), d.talking + now.talking().size(), d.wrapping + now.wrappingUp().size(),
                d.ringing + now.ringing().size(), d.dialled + n, d.agentsExpected + m[0], d.answersExpected + m[1],
                d.horizon + m[2], d.answerRate + m[3], d.target + m[4], d.meanTalk + m[5],
                d.meanWrap + (modelled == null ? 0 : meanOf(handled.stream().mapToDouble(Handled::wrapSeconds))));
        return n;
    }

    /** What {@link #linesToDial} has been told and has decided so far (sums). */
    public synchronized Decisions decisions() {
        return decisions;
    }

    private static double meanOf(java.util.stream.DoubleStream values) {
        return values.average().orElse(0);
    }

    private int decide(double targetPercent, double maxLinesPerAgent, Snapshot now) {
        roll();
        double dayRate = rate(dayAbandons, dayAnswers);
        double hourRate = rate(hourAbandons, hourAnswers);
        braking = dayRate >= limits.brakePercent() || hourRate >= limits.hourBrakePercent();
        int agents = now.agents();
        if (agents == 0) {
            return 0;
        }
        int inFlight = now.ringing().size();
        int cap = (int) Math.floor(maxLinesPerAgent * agents) - inFlight;
        if (cap <= 0) {
            return 0;
        }
        if (braking || !trusted()) {
            return Math.max(0, Math.min(cap, now.freeAgents() - inFlight));
        }
        lastSetPoint = Math.min(targetPercent, limits.legalPercent());
        double target = Math.min(0.5, gain * effectiveTarget(targetPercent, dayRate) / 100.0);
        double[] horizons = horizons();
        int upTo = agents + inFlight + cap + 1;
        double[][] excess = new double[horizons.length][];
        for (int j = 0; j < horizons.length; j++) {
            double[] agentsThen = shifted(poissonBinomial(freeingProbabilities(now,
                    horizons[j] + limits.graceSeconds())), now.freeAgents());
            excess[j] = expectedExcess(agentsThen, upTo);
        }
        double[] answers = {1.0};
        for (Duration r : now.ringing()) {
            answers = addBernoulli(answers, answerProbability(seconds(r)));
        }
        double p = answerProbability(0);
        modelled = new double[] {mean(shifted(poissonBinomial(freeingProbabilities(now,
                horizons[0] + limits.graceSeconds())), now.freeAgents())), mean(answers), horizons[0], p, target,
                meanOf(handled.stream().mapToDouble(Handled::talkSeconds))};
        double abandonsSoFar = expectedAbandons(answers, excess);
        int n = 0;
        while (n < cap && p > 0) {
            double[] next = addBernoulli(answers, p);
            double abandonsThen = expectedAbandons(next, excess);
            // the new line's own risk: P(it is abandoned | it is answered live)
            if ((abandonsThen - abandonsSoFar) / p > target) {
                break;
            }
            answers = next;
            abandonsSoFar = abandonsThen;
            n++;
        }
        // Never fewer than progressive would dial: a free agent with no line for it always gets one.
        return Math.max(n, Math.max(0, Math.min(cap, now.freeAgents() - inFlight)));
    }

    /**
     * A machine verdict counted as a live person hung up on (an AMD false positive): an abandoned live answer for
     * the legal measure, and counted apart so supervisors see how much of the abandon rate AMD causes.
     */
    public synchronized void amdFalsePositive() {
        liveAnswer(true);
        dayFalsePositives++;
    }

    /** The figures supervisors see. */
    public synchronized Figures figures(Snapshot now) {
        roll();
        int agents = now.agents();
        long live = lines.stream().filter(Line::live).count();
        return new Figures(agents == 0 ? 0 : (double) now.ringing().size() / agents,
                lines.isEmpty() ? 0 : (double) live / lines.size(),
                percent(hourAbandons, hourAnswers), percent(dayAbandons, dayAnswers), now.freeAgents(),
                now.ringing().size(), dayAnswers, dayAbandons, braking, dayFalsePositives);
    }

    // ---- the model

    private boolean trusted() {
        return lines.size() >= limits.minSamples();
    }

    /** Set-point while the day is under it; down to 0 as the day's rate goes from it to the brake. */
    private double effectiveTarget(double setPoint, double dayRate) {
        double setPointCapped = Math.min(setPoint, limits.legalPercent());
        if (dayRate <= setPointCapped) {
            return setPointCapped;
        }
        double towardsBrake = (limits.brakePercent() - dayRate) / Math.max(1e-9, limits.brakePercent() - setPointCapped);
        return setPointCapped * Math.max(0, towardsBrake);
    }

    /**
     * When a line dialled now would be answered: the first and third quartiles of the ring time of recent live answers
     * (each weighs one half).
     */
    private double[] horizons() {
        double[] live = lines.stream().filter(Line::live).mapToDouble(Line::ringSeconds).sorted().toArray();
        if (live.length == 0) {
            return new double[] {10};
        }
        double[] out = new double[QUANTILES.length];
        for (int j = 0; j < QUANTILES.length; j++) {
            out[j] = live[Math.min(live.length - 1, (int) (QUANTILES[j] * live.length))];
        }
        return out;
    }

    /** P(a line that has rung {@code elapsed} seconds without ending is answered live). */
    private double answerProbability(double elapsed) {
        if (!trusted()) {
            return 1;
        }
        int still = 0;
        int live = 0;
        for (Line l : lines) {
            if (l.ringSeconds() >= elapsed) {
                still++;
                if (l.live()) {
                    live++;
                }
            }
        }
        return still == 0 ? 0 : (double) live / still;
    }

    private double[] freeingProbabilities(Snapshot now, double horizon) {
        double[] p = new double[now.talking().size() + now.wrappingUp().size()];
        int i = 0;
        for (Duration t : now.talking()) {
            p[i++] = freesWhileTalking(seconds(t), horizon);
        }
        for (Duration w : now.wrappingUp()) {
            p[i++] = freesWhileWrapping(seconds(w), horizon);
        }
        return p;
    }

    private double freesWhileTalking(double elapsed, double horizon) {
        int longer = 0;
        int within = 0;
        for (Handled h : handled) {
            if (h.talkSeconds() > elapsed) {
                longer++;
                if (h.talkSeconds() - elapsed + h.wrapSeconds() <= horizon) {
                    within++;
                }
            }
        }
        return longer == 0 ? 0 : (double) within / longer;
    }

    private double freesWhileWrapping(double elapsed, double horizon) {
        int longer = 0;
        int within = 0;
        for (Handled h : handled) {
            if (h.wrapSeconds() > elapsed) {
                longer++;
                if (h.wrapSeconds() - elapsed <= horizon) {
                    within++;
                }
            }
        }
        return longer == 0 ? 0 : (double) within / longer;
    }

    // ---- distributions

    static double[] poissonBinomial(double[] probabilities) {
        double[] pmf = {1.0};
        for (double q : probabilities) {
            pmf = addBernoulli(pmf, q);
        }
        return pmf;
    }

    static double[] addBernoulli(double[] pmf, double q) {
        double[] out = new double[pmf.length + 1];
        for (int k = 0; k < pmf.length; k++) {
            out[k] += pmf[k] * (1 - q);
            out[k + 1] += pmf[k] * q;
        }
        return out;
    }

    private static double mean(double[] pmf) {
        double sum = 0;
        for (int k = 0; k < pmf.length; k++) {
            sum += k * pmf[k];
        }
        return sum;
    }

    private static double[] shifted(double[] pmf, int by) {
        double[] out = new double[pmf.length + by];
        System.arraycopy(pmf, 0, out, by, pmf.length);
        return out;
    }

    /** excess[k] = E[(k - F)+] for the number of agents F: how many of k answers find no agent. */
    private static double[] expectedExcess(double[] agentsPmf, int upTo) {
        double[] excess = new double[upTo + 1];
        double cdf = 0;
        for (int k = 0; k < upTo; k++) {
            cdf += k < agentsPmf.length ? agentsPmf[k] : 0;
            excess[k + 1] = excess[k] + Math.min(1, cdf);
        }
        return excess;
    }

    /** E[(answers - agents)+], averaged over the horizons. */
    private static double expectedAbandons(double[] answersPmf, double[][] excessByHorizon) {
        double sum = 0;
        for (double[] excess : excessByHorizon) {
            for (int k = 0; k < answersPmf.length; k++) {
                sum += answersPmf[k] * excess[Math.min(k, excess.length - 1)];
            }
        }
        return sum / excessByHorizon.length;
    }

    // ---- counters

    private void roll() {
        ZonedDateTime now = ZonedDateTime.ofInstant(clock.instant(), zone);
        LocalDate today = now.toLocalDate();
        if (!today.equals(day)) {
            day = today;
            dayAnswers = 0;
            dayAbandons = 0;
            dayFalsePositives = 0;
        }
        long hour = today.toEpochDay() * 24 + now.getHour();
        if (hour != hourKey) {
            hourKey = hour;
            hourAnswers = 0;
            hourAbandons = 0;
        }
    }

    private double rate(long abandons, long answers) {
        return 100.0 * abandons / Math.max(answers, limits.minAnswers());
    }

    private static double percent(long abandons, long answers) {
        return answers == 0 ? 0 : 100.0 * abandons / answers;
    }

    private <T> void push(Deque<T> window, T item) {
        window.addLast(item);
        while (window.size() > limits.window()) {
            window.removeFirst();
        }
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    /** The instant the pacer's clock reads (for callers that stamp events on the same clock). */
    public Instant now() {
        return clock.instant();
    }
}
