package com.evscallpro.ui.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code evs.security.monitoring.*} (environment {@code EVS_SECURITY_MONITORING_USERNAME} / {@code _PASSWORD}): the
 * one HTTP Basic credential a metrics scraper uses for {@code /actuator/prometheus}. Unset: only signed-in admins read
 * the metrics.
 */
@ConfigurationProperties("evs.security.monitoring")
public record MonitoringSettings(String username, String password) {

    boolean complete() {
        return username != null && !username.isBlank() && password != null && !password.isBlank();
    }
}
