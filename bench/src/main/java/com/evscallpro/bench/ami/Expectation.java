package com.evscallpro.bench.ami;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What a receiver should see for one push: calls {@code firstSeq .. firstSeq+calls-1} then the end marker
 * {@code token}. The receiver thread fills {@link #first} (when the call's first frame / first CallEvent arrived),
 * {@link #last} (its last frame / last CallEvent) and {@link #perCall} (frames or CallEvents seen), then
 * {@link #done(long)}. The latch publishes the arrays to the thread that awaits.
 */
final class Expectation {

    final long firstSeq;
    final int calls;
    final long token;
    final long[] first;
    final long[] last;
    final int[] perCall;
    long total;
    long strays;
    private volatile long doneNanos;
    private final CountDownLatch latch = new CountDownLatch(1);

    Expectation(long firstSeq, int calls, long token) {
        this.firstSeq = firstSeq;
        this.calls = calls;
        this.token = token;
        this.first = new long[calls];
        this.last = new long[calls];
        this.perCall = new int[calls];
    }

    /** Records one frame / event of call {@code seq} seen at {@code now}; false if it is not part of this push. */
    boolean seen(long seq, long now) {
        long i = seq - firstSeq;
        if (i < 0 || i >= calls) {
            strays++;
            return false;
        }
        int k = (int) i;
        if (first[k] == 0) {
            first[k] = now;
        }
        last[k] = now;
        perCall[k]++;
        total++;
        return true;
    }

    void done(long now) {
        doneNanos = now;
        latch.countDown();
    }

    /** System.nanoTime() of the end marker, or 0 on timeout. */
    long await(Duration timeout) throws InterruptedException {
        return latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS) ? doneNanos : 0;
    }
}
