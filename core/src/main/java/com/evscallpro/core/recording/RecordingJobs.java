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
 * before the database pool closes. At start it checks the storage once, off the start-up thread: a storage that
 * cannot be reached is logged, the application starts anyway and the collector keeps trying.
 */
@Component
class RecordingJobs implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RecordingJobs.class);

    private final RecordingService recordings;
    private final RecordingSettings settings;
    private final RecordingStorage storage;
    private ScheduledExecutorService loop;

    RecordingJobs(RecordingService recordings, RecordingSettings settings, RecordingStorage storage) {
        this.recordings = recordings;
        this.settings = settings;
        this.storage = storage;
    }

    void checkStorage() {
        storage.problem().ifPresentOrElse(
                problem -> log.warn("Recording storage {} cannot be reached ({}): recordings wait on the PBX hosts, "
                        + "the collector tries again every {}", storage.location(), problem, settings.collectEvery()),
                () -> log.info("Recording storage {} answers", storage.location()));
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
        loop.execute(this::checkStorage);
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
