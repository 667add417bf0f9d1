package com.evscallpro.bench;

import java.util.Locale;

/**
 * One line of the result table: a measured value, the baseline measured in the same run, their ratio and the target.
 *
 * @param metric      what was measured
 * @param unit        unit of value and baseline
 * @param value       the measured value
 * @param baseline    the baseline value measured in the same run (NaN = none)
 * @param target      human-readable target, e.g. "≥ 20000" ("-" = informational)
 * @param pass        null = informational (no target), else whether the target is met
 * @param note        extra detail (may be empty)
 */
public record Result(String metric, String unit, double value, double baseline, String target, Boolean pass,
                     String note) {

    public double ratio() {
        return Double.isNaN(baseline) || baseline == 0 ? Double.NaN : value / baseline;
    }

    public String verdict() {
        if (pass == null) {
            return Double.isNaN(value) && !target.equals("-") ? "PENDING" : "info";
        }
        return pass ? "PASS" : "FAIL";
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (Math.abs(v) >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (Math.abs(v) >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static String ratioText(double r) {
        if (Double.isNaN(r)) {
            return "-";
        }
        return String.format(Locale.ROOT, r >= 10 ? "%.1fx" : "%.3fx", r);
    }

    public static Result pending(String metric, String target, String note) {
        return new Result(metric, "", Double.NaN, Double.NaN, target, null, note);
    }
}
