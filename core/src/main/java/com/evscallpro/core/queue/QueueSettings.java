package com.evscallpro.core.queue;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code evs.queues.*}: the ACD's safety tick ({@code tick}, 1 s), how often queue figures are published at most
 * ({@code publish-interval}, 250 ms), the short-abandon threshold of design.md §8 ({@code short-abandon}, 5 s), after
 * how many consecutive unanswered offers an agent is paused {@code phone-not-answered} ({@code pause-after-missed},
 * 1; 0 never), how stale the cached group members and skills may get ({@code routing-refresh}, 5 s), the grace
 * beyond the ring timeout after which a connector that never answers counts as FAILED ({@code connect-grace}, 10 s)
 * and the zone of "today" and "this hour" ({@code zone}, Europe/Paris).
 */
@ConfigurationProperties("evs.queues")
public record QueueSettings(Duration tick, Duration publishInterval, Duration shortAbandon, Integer pauseAfterMissed,
                            Duration routingRefresh, Duration connectGrace, ZoneId zone) {
    public QueueSettings {
        tick = tick == null ? Duration.ofSeconds(1) : tick;
        publishInterval = publishInterval == null ? Duration.ofMillis(250) : publishInterval;
        shortAbandon = shortAbandon == null ? Duration.ofSeconds(5) : shortAbandon;
        pauseAfterMissed = pauseAfterMissed == null ? 1 : pauseAfterMissed;
        routingRefresh = routingRefresh == null ? Duration.ofSeconds(5) : routingRefresh;
        connectGrace = connectGrace == null ? Duration.ofSeconds(10) : connectGrace;
        zone = zone == null ? ZoneId.of("Europe/Paris") : zone;
    }

    /** Every default. */
    public static QueueSettings defaults() {
        return new QueueSettings(null, null, null, null, null, null, null);
    }
}
