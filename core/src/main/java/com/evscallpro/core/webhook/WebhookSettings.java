package com.evscallpro.core.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code evs.webhooks.*}: {@code enabled} (the sender; default true), {@code poll-interval} (1s), {@code timeout} of
 * one POST (10s), {@code max-attempts} (8), {@code initial-backoff} (30s, doubled after each failure),
 * {@code max-backoff} (1h), {@code batch} deliveries claimed per poll (20), {@code allow-private-targets} (false:
 * URLs to loopback, link-local, private and metadata addresses are refused at save and at delivery; see
 * {@link WebhookTargets}).
 */
@ConfigurationProperties("evs.webhooks")
public record WebhookSettings(Boolean enabled, Duration pollInterval, Duration timeout, Integer maxAttempts,
                              Duration initialBackoff, Duration maxBackoff, Integer batch,
                              Boolean allowPrivateTargets) {

    public WebhookSettings {
        enabled = enabled == null || enabled;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        maxAttempts = maxAttempts == null || maxAttempts < 1 ? 8 : maxAttempts;
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(30) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofHours(1) : maxBackoff;
        batch = batch == null || batch < 1 ? 20 : batch;
        allowPrivateTargets = allowPrivateTargets != null && allowPrivateTargets;
    }

    /** The wait after the {@code attempts}-th failed attempt: initial × 2^(attempts-1), at most max. */
    Duration backoff(int attempts) {
        Duration d = initialBackoff.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 30));
        return d.compareTo(maxBackoff) > 0 || d.isNegative() ? maxBackoff : d;
    }
}
