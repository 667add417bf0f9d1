package com.evscallpro.core.dialer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code evs.dialer.*}: whether the dialer runs, how often it looks for work, the extra time the attempt's safety
 * timer waits beyond the campaign's ring timeout, the back-off between retries of an originate that failed
 * technically ({@code originate-retry-backoff}, doubled at each retry), how long the process waits for the agent's connection after
 * an answer ({@code agent-connect-timeout}) and the engine's own safety net on a wrap-up nobody closes
 * ({@code wrap-up-safety-timeout}; the campaign's wrap-up timeout is enforced by the application).
 * Predictive: how long an answered customer may wait for a free agent before the abandon message
 * ({@code predictive-connect-within}, the legal 2 s), how many lines must have ended before the pacer trusts what
 * it learned ({@code predictive-learning-lines}, 30), the share of AMD's MACHINE verdicts counted as abandoned live
 * persons until a campaign's own is measured ({@code amd-false-positive-percent}, 0), how long an agent's phone rings
 * to be nailed up ({@code nail-ring-timeout}) and how long after a failed nail-up it is tried again
 * ({@code nail-retry-delay}).
 */
@ConfigurationProperties("evs.dialer")
public record DialerSettings(Boolean enabled, Duration tick, Duration ringTimeoutGrace, Duration originateRetryBackoff,
                             Duration agentConnectTimeout,
                             Duration wrapUpSafetyTimeout, Duration predictiveConnectWithin,
                             Integer predictiveLearningLines, Double amdFalsePositivePercent,
                             Duration nailRingTimeout, Duration nailRetryDelay) {

    /** The settings of the progressive and preview modes; predictive ones at their defaults. */
    public DialerSettings(Boolean enabled, Duration tick, Duration ringTimeoutGrace, Duration originateRetryBackoff,
                          Duration agentConnectTimeout, Duration wrapUpSafetyTimeout) {
        this(enabled, tick, ringTimeoutGrace, originateRetryBackoff, agentConnectTimeout, wrapUpSafetyTimeout, null,
                null, null, null, null);
    }

    @org.springframework.boot.context.properties.bind.ConstructorBinding
    public DialerSettings {
        enabled = enabled == null || enabled;
        tick = tick == null ? Duration.ofMillis(500) : tick;
        ringTimeoutGrace = ringTimeoutGrace == null ? Duration.ofSeconds(15) : ringTimeoutGrace;
        originateRetryBackoff = originateRetryBackoff == null ? Duration.ofSeconds(2) : originateRetryBackoff;
        agentConnectTimeout = agentConnectTimeout == null ? Duration.ofSeconds(60) : agentConnectTimeout;
        wrapUpSafetyTimeout = wrapUpSafetyTimeout == null ? Duration.ofHours(4) : wrapUpSafetyTimeout;
        predictiveConnectWithin = predictiveConnectWithin == null ? Duration.ofSeconds(2) : predictiveConnectWithin;
        predictiveLearningLines = predictiveLearningLines == null ? 30 : Math.max(1, predictiveLearningLines);
        amdFalsePositivePercent = amdFalsePositivePercent == null ? 0.0
                : Math.max(0.0, Math.min(100.0, amdFalsePositivePercent));
        nailRingTimeout = nailRingTimeout == null ? Duration.ofSeconds(20) : nailRingTimeout;
        nailRetryDelay = nailRetryDelay == null ? Duration.ofSeconds(30) : nailRetryDelay;
    }
}
