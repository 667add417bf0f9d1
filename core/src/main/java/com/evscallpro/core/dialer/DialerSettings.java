package com.evscallpro.core.dialer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code evs.dialer.*}: whether the dialer runs, how often it looks for work, and the extra time the attempt's safety
 * timer waits beyond the campaign's ring timeout.
 */
@ConfigurationProperties("evs.dialer")
public record DialerSettings(Boolean enabled, Duration tick, Duration ringTimeoutGrace) {
    public DialerSettings {
        enabled = enabled == null || enabled;
        tick = tick == null ? Duration.ofMillis(500) : tick;
        ringTimeoutGrace = ringTimeoutGrace == null ? Duration.ofSeconds(15) : ringTimeoutGrace;
    }
}
