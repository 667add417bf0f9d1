package com.evscallpro.core.report;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Runs {@link ReportRollups#catchUp()} every {@code evs.reports.catch-up} (default 60 s; 0 turns it off). */
@Component
class RollupCatchUp implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RollupCatchUp.class);

    private final ReportRollups rollups;
    private final Duration every;
    private ScheduledExecutorService loop;

    RollupCatchUp(ReportRollups rollups, @Value("${evs.reports.catch-up:60s}") Duration every) {
        this.rollups = rollups;
        this.every = every;
    }

    void run() {
        try {
            int n = rollups.catchUp();
            log.debug("Report roll-ups: {} hours recomputed", n);
        } catch (RuntimeException e) {
            log.warn("Report roll-up catch-up failed (retried next round): {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (every.isZero() || every.isNegative()) {
            return;
        }
        loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "evs-report-rollups");
            t.setDaemon(true);
            return t;
        });
        loop.scheduleWithFixedDelay(this::run, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (loop != null) {
            loop.shutdownNow();
            loop = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return loop != null;
    }
}
