package com.evscallpro.bench;

import java.util.Arrays;

/** Percentiles by sorting the samples (no HdrHistogram): nearest-rank on a sorted copy. */
public final class Stats {

    private final long[] sorted;

    public Stats(long[] samples, int count) {
        this.sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
    }

    public int count() {
        return sorted.length;
    }

    /** Nearest-rank percentile (p in 0..100); 0 when there is no sample. */
    public long percentile(double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }

    public long max() {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }

    public long min() {
        return sorted.length == 0 ? 0 : sorted[0];
    }

    public static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
