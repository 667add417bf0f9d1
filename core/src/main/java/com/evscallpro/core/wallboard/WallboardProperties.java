package com.evscallpro.core.wallboard;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code evs.wallboard.*}: how often boards are recomputed when something changed ({@code publish-interval}, 200 ms),
 * how often at least while anything ticks ({@code tick}, 1 s), how often groups, sites and campaigns are re-read
 * ({@code directory-refresh}, 5 s), a campaign's default service-level threshold ({@code campaign-service-level},
 * 20 s), the short-abandon threshold of design.md §8 ({@code short-abandon}, 5 s) and the zone of "today" and "this
 * hour" ({@code zone}, Europe/Paris).
 */
@ConfigurationProperties("evs.wallboard")
public record WallboardProperties(Duration publishInterval, Duration tick, Duration directoryRefresh,
                                  Duration campaignServiceLevel, Duration shortAbandon, ZoneId zone) {
    public WallboardProperties {
        publishInterval = publishInterval == null ? Duration.ofMillis(200) : publishInterval;
        tick = tick == null ? Duration.ofSeconds(1) : tick;
        directoryRefresh = directoryRefresh == null ? Duration.ofSeconds(5) : directoryRefresh;
        campaignServiceLevel = campaignServiceLevel == null ? Duration.ofSeconds(20) : campaignServiceLevel;
        shortAbandon = shortAbandon == null ? Duration.ofSeconds(5) : shortAbandon;
        zone = zone == null ? ZoneId.of("Europe/Paris") : zone;
    }

    public static WallboardProperties defaults() {
        return new WallboardProperties(null, null, null, null, null, null);
    }
}
