package com.evscallpro.core.agent;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code evs.agents.presence.*}: how long an agent may have no connected client (browser push connection, STOMP
 * session, API ping) before being paused ({@code pause-after}, default 15 s, reason {@code disconnected}) and logged
 * out ({@code logout-after}, default 10 min); how long an API ping counts as a connection ({@code ping-validity},
 * default 30 s); how often presence is checked ({@code check-every}, default 1 s).
 */
@ConfigurationProperties("evs.agents.presence")
public record PresenceSettings(Duration pauseAfter, Duration logoutAfter, Duration pingValidity,
                               Duration checkEvery) {
    public PresenceSettings {
        pauseAfter = pauseAfter == null ? Duration.ofSeconds(15) : pauseAfter;
        logoutAfter = logoutAfter == null ? Duration.ofMinutes(10) : logoutAfter;
        pingValidity = pingValidity == null ? Duration.ofSeconds(30) : pingValidity;
        checkEvery = checkEvery == null ? Duration.ofSeconds(1) : checkEvery;
    }

    public static PresenceSettings defaults() {
        return new PresenceSettings(null, null, null, null);
    }
}
