package com.evscallpro.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * Network and load faults the simulator can play, shared by all its AMI connections: a freeze (the PBX neither reads
 * nor writes, yet keeps every socket open: a half-open TCP connection seen from the client) and a delay before each
 * action is handled (a PBX that answers slowly). Calls go on meanwhile.
 */
final class SimNetwork {

    private volatile long frozenUntilNanos;
    private volatile boolean frozen;
    private volatile long actionDelayNanos;

    void freeze(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        frozenUntilNanos = System.nanoTime() + duration.toNanos();
        frozen = true;
    }

    void thaw() {
        frozen = false;
    }

    boolean isFrozen() {
        return frozen && System.nanoTime() - frozenUntilNanos < 0;
    }

    void actionDelay(Duration delay) {
        actionDelayNanos = delay == null || delay.isNegative() ? 0 : delay.toNanos();
    }

    long actionDelayNanos() {
        return actionDelayNanos;
    }

    /** Blocks the calling connection thread while frozen (or until {@code stop} says the connection is gone). */
    void awaitThawed(java.util.function.BooleanSupplier stop) throws InterruptedException {
        while (isFrozen() && !stop.getAsBoolean()) {
            Thread.sleep(5);
        }
    }

    /** Blocks until {@code dueNanos} (System.nanoTime), then while frozen. */
    void awaitDue(long dueNanos, java.util.function.BooleanSupplier stop) throws InterruptedException {
        long wait;
        while ((wait = dueNanos - System.nanoTime()) > 0 && !stop.getAsBoolean()) {
            Thread.sleep(Math.max(1, Math.min(50, wait / 1_000_000)));
        }
        awaitThawed(stop);
    }
}
