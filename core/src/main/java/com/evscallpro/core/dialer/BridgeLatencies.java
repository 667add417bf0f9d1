package com.evscallpro.core.dialer;

import java.util.Arrays;

/**
 * The last {@code capacity} latencies of the predictive answer path (answer or AMD verdict read on the PBX dispatcher
 * → AMI {@code Bridge} handed to the adapter's writer), in nanoseconds, for the bench and the tests.
 */
public final class BridgeLatencies {

    private final long[] ring;
    private long count;

    BridgeLatencies(int capacity) {
        this.ring = new long[capacity];
    }

    synchronized void add(long nanos) {
        ring[(int) (count % ring.length)] = nanos;
        count++;
    }

    /** How many were measured since the start. */
    public synchronized long count() {
        return count;
    }

    /** The {@code p}-th percentile (0–100) of the kept latencies, in milliseconds; 0 when none. */
    public synchronized double percentileMillis(double p) {
        int n = (int) Math.min(count, ring.length);
        if (n == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(ring, n);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * n) - 1;
        return sorted[Math.max(0, Math.min(n - 1, index))] / 1_000_000.0;
    }
}
