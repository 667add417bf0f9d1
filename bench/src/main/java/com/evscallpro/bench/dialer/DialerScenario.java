package com.evscallpro.bench.dialer;

import com.evscallpro.bench.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Dialer quality: the discrete-event simulation of an 8-hour day ({@link DialerSimulation}, seeded) driving the
 * production pacing class, predictive against progressive in the same run, at 50 agents (the targets), 10 and 100.
 */
public final class DialerScenario {

    /** @param sizes agents per simulated day; the first one carries the targets */
    public record Config(int[] sizes, long seed, double hours) {
        public static Config standard() {
            return new Config(new int[] {50, 10, 100}, 42, 8);
        }

        public static Config quick() {
            return new Config(new int[] {50}, 42, 2);
        }
    }

    private final Config config;

    public DialerScenario(Config config) {
        this.config = config;
    }

    public List<Result> run() {
        List<Result> out = new ArrayList<>();
        boolean first = true;
        for (int agents : config.sizes()) {
            DialerSimulation.Config c = DialerSimulation.Config.standard(agents, config.seed());
            c = new DialerSimulation.Config(c.agents(), c.liveRate(), c.meanTalkSeconds(), c.meanWrapSeconds(),
                    config.hours(), c.seed(), c.tickSeconds(), c.targetPercent(), c.maxLinesPerAgent());
            long t0 = System.nanoTime();
            DialerSimulation sim = new DialerSimulation(c);
            DialerSimulation.Outcome pred = sim.predictive();
            DialerSimulation.Outcome prog = sim.progressive();
            String note = String.format(Locale.ROOT, "%d live answers, %d abandoned, %d lines; hours %% %s; "
                            + "progressive abandons %d; simulated in %.1f s", pred.liveAnswers(), pred.abandons(),
                    pred.lines(), hours(pred.hourPercents()), prog.abandons(), (System.nanoTime() - t0) / 1e9);
            String name = "dialer DES " + agents + " agents";
            double occ = 100 * pred.occupancy();
            double base = 100 * prog.occupancy();
            if (first) {
                out.add(new Result(name + ": predictive occupancy vs progressive", "%", occ, base,
                        "≥ 92 and ≥ 1.4x", occ >= 92 && occ / base >= 1.4, note));
                out.add(new Result(name + ": day abandon rate", "%", pred.abandonPercentDay(), Double.NaN, "≤ 3",
                        pred.abandonPercentDay() <= 3, ""));
                out.add(new Result(name + ": worst hour abandon rate", "%", pred.worstHourPercent(), Double.NaN,
                        "≤ 5", pred.worstHourPercent() <= 5, ""));
            } else {
                out.add(new Result(name + ": predictive occupancy vs progressive", "%", occ, base, "-", null, note));
                out.add(new Result(name + ": day / worst hour abandon rate", "%", pred.abandonPercentDay(),
                        Double.NaN, "-", null, String.format(Locale.ROOT, "worst hour %.2f %%",
                        pred.worstHourPercent())));
            }
            first = false;
        }
        return out;
    }

    private static String hours(double[] percents) {
        StringBuilder sb = new StringBuilder();
        for (double p : percents) {
            sb.append(sb.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.2f", p));
        }
        return sb.toString();
    }
}
