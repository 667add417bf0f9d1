package com.evscallpro.core.recording;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The collector (every {@code evs.recording.collect-every}, default 5 s: finished recordings from the PBX hosts into
 * storage) and the retention purge (every {@code evs.recording.purge-every}, default 1 h). Stops with the application
 * before the database pool closes.
 */
@Component
class RecordingJobs implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RecordingJobs.class);

    private final RecordingService recordings;
    private final RecordingSettings settings;
    private ScheduledExecutorService loop;

    RecordingJobs(RecordingService recordings, RecordingSettings settings) {
        this.recordings = recordings;
        this.settings = settings;
    }

    void collect() {
        try {
            recordings.collectDue();
        } catch (RuntimeException e) {
            log.warn("Recording collector failed: {}", e.toString());
        }
    }

    void purge() {
        try {
            recordings.purgeExpired();
        } catch (RuntimeException e) {
            log.warn("Recording purge failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "evs-recording-jobs");
            t.setDaemon(true);
            return t;
        });
        long collect = settings.collectEvery().toMillis();
        long purge = settings.purgeEvery().toMillis();
        loop.scheduleWithFixedDelay(this::collect, collect, collect, TimeUnit.MILLISECONDS);
        loop.scheduleWithFixedDelay(this::purge, purge, purge, TimeUnit.MILLISECONDS);
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
