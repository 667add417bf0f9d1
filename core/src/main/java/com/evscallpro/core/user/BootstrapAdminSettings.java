package com.evscallpro.core.user;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code evs.bootstrap.admin.*} (environment {@code EVS_BOOTSTRAP_ADMIN_USERNAME} / {@code _PASSWORD}, or the
 * shorter {@code EVS_ADMIN_USERNAME} / {@code EVS_ADMIN_PASSWORD} mapped in application.yml): the first administrator
 * created at start-up when no ADMIN account exists. Both blank: nothing is created and a warning says what to set.
 */
@ConfigurationProperties("evs.bootstrap.admin")
public record BootstrapAdminSettings(String username, String password) {

    boolean complete() {
        return username != null && !username.isBlank() && password != null && !password.isBlank();
    }
}
