package com.evscallpro.app.recording;

import com.evscallpro.core.recording.RecordingStorage;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code recordingStorage}: UP while the storage answers (the directory is
 * writable, the bucket answers a HeadBucket), {@code DEGRADED} when it does not (HTTP 200 still, as for a PBX down:
 * calls go on, finished recordings wait on the Asterisk hosts and the collector stores them once it is back; a probe
 * must not restart the application for it). Details, for admins and supervisors only: where ({@code location}, never
 * a credential) and why not ({@code error}). The answer is kept {@link #TTL} so probes do not each call the store.
 * Prometheus: {@code evs_recording_storage_up} (1 / 0); alert when it stays 0, finished recordings pile up on the
 * Asterisk hosts meanwhile.
 */
@Component("recordingStorageHealthIndicator") // the health component "recordingStorage"
class RecordingStorageHealth implements HealthIndicator, MeterBinder {

    static final Status DEGRADED = new Status("DEGRADED", "the recording storage cannot be reached: recordings wait");
    static final Duration TTL = Duration.ofSeconds(10);

    private final RecordingStorage storage;
    private final Clock clock = Clock.systemUTC();
    private Optional<String> last;
    private Instant checkedAt = Instant.MIN;

    RecordingStorageHealth(RecordingStorage storage) {
        this.storage = storage;
    }

    @Override
    public Health health() {
        Optional<String> problem = problem();
        Health.Builder health = problem.isEmpty() ? Health.up() : Health.status(DEGRADED);
        health.withDetail("location", storage.location());
        problem.ifPresent(p -> health.withDetail("error", p));
        return health.build();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("evs.recording.storage.up", this, h -> h.problem().isEmpty() ? 1 : 0)
                .description("1 while the recording storage answers").register(registry);
    }

    private synchronized Optional<String> problem() {
        Instant now = clock.instant();
        if (last == null || now.isAfter(checkedAt.plus(TTL))) {
            last = storage.problem();
            checkedAt = now;
        }
        return last;
    }
}
