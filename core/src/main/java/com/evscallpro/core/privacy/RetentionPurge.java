package com.evscallpro.core.privacy;

import com.evscallpro.db.privacy.ClusterLocks;
import com.evscallpro.db.privacy.PrivacyRecords;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The daily purge: for each kind of data, every store of that kind purges what is older than the kind's period, by
 * batches that each commit on their own (no long lock on a big table). One node at a time: the run holds a
 * PostgreSQL advisory lock; a node that finds it held records a SKIPPED run. Every run is recorded with its counts.
 */
@Component
@EnableConfigurationProperties(PrivacySettings.class)
class RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);
    /** Advisory lock key of the purge ("EVSPURGE" in ASCII). */
    static final long LOCK_KEY = 0x4556_5350_5552_4745L;

    private final PrivacyRecords records;
    private final ClusterLocks locks;
    private final List<PersonalDataStore> stores;
    private final PrivacySettings settings;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "evs-retention-purge");
        t.setDaemon(true);
        return t;
    });

    RetentionPurge(PrivacyRecords records, ClusterLocks locks, List<PersonalDataStore> stores,
                   PrivacySettings settings, org.springframework.beans.factory.ObjectProvider<Clock> clock) {
        this.records = records;
        this.locks = locks;
        this.stores = stores.stream().sorted(Comparator.comparingInt(PersonalDataStore::erasureOrder)).toList();
        this.settings = settings;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule() {
        if (!settings.purgeEnabled()) {
            log.info("Retention purge disabled (evs.privacy.purge-enabled=false)");
            return;
        }
        scheduleNext();
    }

    private void scheduleNext() {
        ZonedDateTime now = ZonedDateTime.now(clock);
        ZonedDateTime next = now.with(settings.purgeAt());
        if (!next.isAfter(now)) {
            next = next.plusDays(1);
        }
        long delay = Duration.between(now, next).toMillis();
        timer.schedule(() -> {
            try {
                run("SCHEDULE");
            } catch (RuntimeException e) {
                log.warn("Retention purge failed; the next one runs tomorrow", e);
            } finally {
                scheduleNext();
            }
        }, delay, TimeUnit.MILLISECONDS);
        log.info("Next retention purge at {}", LocalDateTime.from(next));
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    /** One run; returns its id. */
    long run(String trigger) {
        Instant started = clock.instant();
        var held = locks.tryLock(LOCK_KEY);
        if (held.isEmpty()) {
            long id = records.startRun(started, node(), trigger, "SKIPPED");
            records.endRun(id, clock.instant(), "SKIPPED", "{}", null);
            log.info("Retention purge skipped: another node is purging");
            return id;
        }
        try (var lock = held.get()) {
            long id = records.startRun(started, node(), trigger, "RUNNING");
            Map<String, Integer> counts = new LinkedHashMap<>();
            try {
                for (RetentionPolicy policy : policies()) {
                    Instant cutoff = started.minus(Duration.ofDays(policy.retentionDays()));
                    for (PersonalDataStore store : stores) {
                        if (store.kind() == policy.kind()) {
                            counts.merge(store.name(), purge(store, cutoff, policy.mode()), Integer::sum);
                        }
                    }
                }
                records.endRun(id, clock.instant(), "DONE", toJson(counts), null);
                log.info("Retention purge done: {}", counts);
            } catch (RuntimeException e) {
                records.endRun(id, clock.instant(), "FAILED", toJson(counts), truncate(e.toString()));
                throw e;
            }
            return id;
        }
    }

    private int purge(PersonalDataStore store, Instant cutoff, ErasureMode mode) {
        int batch = settings.batchSize();
        int total = 0;
        int n;
        do {
            n = store.purgeBefore(cutoff, mode, batch);
            total += n;
        } while (n >= batch);
        return total;
    }

    private List<RetentionPolicy> policies() {
        return records.retention().stream().map(RetentionPolicy::of).toList();
    }

    private String toJson(Map<String, Integer> counts) {
        try {
            return json.writeValueAsString(counts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String s) {
        return s.length() > 500 ? s.substring(0, 500) : s;
    }

    private static String node() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
