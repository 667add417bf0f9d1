package com.evscallpro.core.privacy;

import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code evs.privacy.*}: {@code purge-enabled} (default true), {@code purge-at} the local time of the daily purge
 * (default 03:30), {@code batch-size} records per purge statement (default 1000).
 */
@ConfigurationProperties("evs.privacy")
public record PrivacySettings(Boolean purgeEnabled, LocalTime purgeAt, Integer batchSize) {

    public PrivacySettings {
        purgeEnabled = purgeEnabled == null || purgeEnabled;
        purgeAt = purgeAt == null ? LocalTime.of(3, 30) : purgeAt;
        batchSize = batchSize == null || batchSize <= 0 ? 1000 : batchSize;
    }
}
