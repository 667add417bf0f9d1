package com.evscallpro.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.evscallpro.bench.agi.FastAgiScenario;
import com.evscallpro.bench.ami.AmiThroughputScenario;
import com.evscallpro.bench.originate.OriginateScenario;

/**
 * Runs the scenario benchmarks and prints one table: metric, value, baseline (measured in the same run), ratio,
 * target, PASS/FAIL. Usage: {@code BenchMain [--quick] [ami] [originate] [agi] [api] [ui] [ivr] [dialer] [import] [predictive] [supervision] [lifecycle]} (no scenario = all but history, predictive, supervision and lifecycle, the long real-time runs). Exit status 1
 * when a target is missed, 2 when a scenario crashed.
 */
public final class BenchMain {

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        Set<String> only = new LinkedHashSet<>();
        for (String a : args) {
            switch (a) {
                case "--quick" -> quick = true;
                case "ami", "originate", "agi", "api", "ui", "ivr", "dialer", "import", "history", "predictive", "reports", "supervision", "lifecycle" -> only.add(a);
                default -> {
                    System.err.println("usage: BenchMain [--quick] [ami] [originate] [agi] [api] [ui] [ivr] [dialer] [import] [history] [predictive] [reports] [supervision] [lifecycle]");
                    System.exit(64);
                }
            }
        }
        if (only.isEmpty()) {
            only.addAll(List.of("ami", "originate", "agi", "api", "ui", "ivr", "dialer", "import", "reports"));
        }
        System.err.printf(Locale.ROOT, "EVSCallPro bench: Java %s (%s), %d CPUs visible, max heap %d MB%s%n",
                Runtime.version(), System.getProperty("java.vm.name"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, quick ? ", QUICK mode (short runs, not for the record)" : "");
        List<Result> results = new ArrayList<>();
        boolean crashed = false;
        for (String s : only) {
            long t0 = System.nanoTime();
            System.err.println("== scenario " + s + " (load average " + loadAverage() + ")");
            try {
                results.addAll(switch (s) {
                    case "ami" -> new AmiThroughputScenario(quick ? AmiThroughputScenario.Config.quick()
                            : AmiThroughputScenario.Config.standard()).run();
                    case "originate" -> new OriginateScenario(quick ? OriginateScenario.Config.quick()
                            : OriginateScenario.Config.standard()).run();
                    case "agi" -> new FastAgiScenario(quick ? FastAgiScenario.Config.quick()
                            : FastAgiScenario.Config.standard()).run();
                    case "ivr" -> new com.evscallpro.bench.ivr.IvrScenario(quick
                            ? com.evscallpro.bench.ivr.IvrScenario.Config.quick()
                            : com.evscallpro.bench.ivr.IvrScenario.Config.standard()).run();
                    case "api" -> new com.evscallpro.bench.web.ApiScenario(quick
                            ? com.evscallpro.bench.web.ApiScenario.Config.quick()
                            : com.evscallpro.bench.web.ApiScenario.Config.standard()).run();
                    case "ui" -> new com.evscallpro.bench.web.UiMemoryScenario(quick
                            ? com.evscallpro.bench.web.UiMemoryScenario.Config.quick()
                            : com.evscallpro.bench.web.UiMemoryScenario.Config.standard()).run();
                    case "dialer" -> {
                        List<Result> r = new ArrayList<>(new com.evscallpro.bench.dialer.DialerScenario(quick
                                ? com.evscallpro.bench.dialer.DialerScenario.Config.quick()
                                : com.evscallpro.bench.dialer.DialerScenario.Config.standard()).run());
                        r.addAll(new com.evscallpro.bench.dialer.BridgeLatencyScenario(quick
                                ? com.evscallpro.bench.dialer.BridgeLatencyScenario.Config.quick()
                                : com.evscallpro.bench.dialer.BridgeLatencyScenario.Config.standard()).run());
                        yield r;
                    }
                    case "history" -> new com.evscallpro.bench.web.HistoryScenario(quick
                            ? com.evscallpro.bench.web.HistoryScenario.Config.quick()
                            : com.evscallpro.bench.web.HistoryScenario.Config.standard()).run();
                    case "predictive" -> new com.evscallpro.bench.dialer.PredictiveLiveScenario(quick
                            ? com.evscallpro.bench.dialer.PredictiveLiveScenario.Config.quick()
                            : com.evscallpro.bench.dialer.PredictiveLiveScenario.Config.standard()).run();
                    case "lifecycle" -> new com.evscallpro.bench.dialer.LifecycleScenario(quick
                            ? com.evscallpro.bench.dialer.LifecycleScenario.Config.quick()
                            : com.evscallpro.bench.dialer.LifecycleScenario.Config.standard()).run();
                    case "import" -> new com.evscallpro.bench.web.ImportScenario(quick
                            ? com.evscallpro.bench.web.ImportScenario.Config.quick()
                            : com.evscallpro.bench.web.ImportScenario.Config.standard()).run();
                    case "reports" -> new com.evscallpro.bench.web.ReportScenario(quick
                            ? com.evscallpro.bench.web.ReportScenario.Config.quick()
                            : com.evscallpro.bench.web.ReportScenario.Config.standard()).run();
                    case "supervision" -> new com.evscallpro.bench.web.SupervisionScenario(quick
                            ? com.evscallpro.bench.web.SupervisionScenario.Config.quick()
                            : com.evscallpro.bench.web.SupervisionScenario.Config.standard()).run();
                    default -> throw new IllegalArgumentException(s);
                });
            } catch (Exception | Error e) {
                crashed = true;
                System.err.println("scenario " + s + " crashed:");
                e.printStackTrace();
                results.add(new Result(s + " scenario", "", Double.NaN, Double.NaN, "runs", false, e.toString()));
            }
            System.err.printf(Locale.ROOT, "== scenario %s done in %.1f s (load average %s)%n", s,
                    (System.nanoTime() - t0) / 1e9, loadAverage());
        }
        print(results);
        boolean failed = results.stream().anyMatch(r -> Boolean.FALSE.equals(r.pass()));
        System.exit(crashed ? 2 : failed ? 1 : 0);
    }

    /** The 1, 5 and 15 minute load averages of the machine (other work running skews every figure). */
    public static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static void print(List<Result> results) {
        String[] head = {"metric", "value", "baseline", "ratio", "target", "result"};
        List<String[]> rows = new ArrayList<>();
        for (Result r : results) {
            String unit = r.unit().isEmpty() ? "" : " " + r.unit();
            rows.add(new String[] {r.metric(), Double.isNaN(r.value()) ? "-" : Result.num(r.value()) + unit,
                Double.isNaN(r.baseline()) ? "-" : Result.num(r.baseline()) + unit, Result.ratioText(r.ratio()),
                r.target() + (r.target().equals("-") || r.target().isEmpty() || r.unit().isEmpty() ? "" : unit),
                r.verdict()});
        }
        int[] w = new int[head.length];
        for (int i = 0; i < head.length; i++) {
            w[i] = head[i].length();
            for (String[] row : rows) {
                w[i] = Math.max(w[i], row[i].length());
            }
        }
        StringBuilder sb = new StringBuilder("\n");
        line(sb, head, w);
        StringBuilder sep = new StringBuilder("|");
        for (int x : w) {
            sep.append("-".repeat(x + 2)).append('|');
        }
        sb.append(sep).append('\n');
        for (String[] row : rows) {
            line(sb, row, w);
        }
        sb.append('\n');
        for (Result r : results) {
            if (!r.note().isEmpty()) {
                sb.append("* ").append(r.metric()).append(": ").append(r.note()).append('\n');
            }
        }
        System.out.print(sb);
        System.out.flush();
    }

    private static void line(StringBuilder sb, String[] cells, int[] w) {
        sb.append('|');
        for (int i = 0; i < cells.length; i++) {
            sb.append(' ').append(cells[i]).append(" ".repeat(w[i] - cells[i].length())).append(" |");
        }
        sb.append('\n');
    }
}
