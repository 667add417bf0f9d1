package com.evscallpro.core.callcontrol;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code evs.call-control.*}: the dialplan contexts a customer is transferred to for a number
 * ({@code number-context}, default {@code evs-transfer-number}, extension = the E.164 number) and for a queue
 * ({@code queue-context}, default {@code evs-transfer-queue}, extension = the queue name); the default region for
 * numbers typed without a country code ({@code region}, default FR); how long to wait for the PBX's answer to an
 * action ({@code action-timeout}, default 5 s).
 */
@ConfigurationProperties("evs.call-control")
public record CallControlSettings(String numberContext, String queueContext, String region, Duration actionTimeout) {

    public CallControlSettings {
        numberContext = numberContext == null || numberContext.isBlank() ? "evs-transfer-number" : numberContext;
        queueContext = queueContext == null || queueContext.isBlank() ? "evs-transfer-queue" : queueContext;
        region = region == null || region.isBlank() ? "FR" : region;
        actionTimeout = actionTimeout == null ? Duration.ofSeconds(5) : actionTimeout;
    }

    public static CallControlSettings defaults() {
        return new CallControlSettings(null, null, null, null);
    }
}
