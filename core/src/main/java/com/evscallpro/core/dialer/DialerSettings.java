package com.evscallpro.core.dialer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code evs.dialer.*}: whether the dialer runs, how often it looks for work, the extra time the attempt's safety
 * timer waits beyond the campaign's ring timeout, the back-off between retries of an originate that failed
 * technically ({@code originate-retry-backoff}, doubled at each retry), how long the process waits for the agent's connection after
 * an answer ({@code agent-connect-timeout}) and the engine's own safety net on a wrap-up nobody closes
 * ({@code wrap-up-safety-timeout}; the campaign's wrap-up timeout is enforced by the application).
 */
@ConfigurationProperties("evs.dialer")
public record DialerSettings(Boolean enabled, Duration tick, Duration ringTimeoutGrace, Duration originateRetryBackoff,
                             Duration agentConnectTimeout,
                             Duration wrapUpSafetyTimeout) {
    public DialerSettings {
        enabled = enabled == null || enabled;
        tick = tick == null ? Duration.ofMillis(500) : tick;
        ringTimeoutGrace = ringTimeoutGrace == null ? Duration.ofSeconds(15) : ringTimeoutGrace;
        originateRetryBackoff = originateRetryBackoff == null ? Duration.ofSeconds(2) : originateRetryBackoff;
        agentConnectTimeout = agentConnectTimeout == null ? Duration.ofSeconds(60) : agentConnectTimeout;
        wrapUpSafetyTimeout = wrapUpSafetyTimeout == null ? Duration.ofHours(4) : wrapUpSafetyTimeout;
    }
}
