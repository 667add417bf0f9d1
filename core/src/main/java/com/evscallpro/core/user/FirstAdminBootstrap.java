package com.evscallpro.core.user;

import com.evscallpro.db.user.UserLoginStates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * First start in production: when no enabled ADMIN account exists, creates the one named by
 * {@link BootstrapAdminSettings}, who must change the password at the first sign-in; without settings, warns with
 * what to set. Runs after the embedded mode's demo data (order 0), which brings its own admin.
 */
@Component
@Order(100)
@EnableConfigurationProperties(BootstrapAdminSettings.class)
class FirstAdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdminBootstrap.class);

    private final BootstrapAdminSettings settings;
    private final UserAccountService accounts;
    private final UserCredentials credentials;
    private final UserLoginStates states;

    FirstAdminBootstrap(BootstrapAdminSettings settings, UserAccountService accounts, UserCredentials credentials,
                        UserLoginStates states) {
        this.settings = settings;
        this.accounts = accounts;
        this.credentials = credentials;
        this.states = states;
    }

    @Override
    public void run(ApplicationArguments args) {
        createIfNeeded();
    }

    /** @return the created administrator, or null when one existed or nothing was configured */
    UserAccount createIfNeeded() {
        if (states.anyEnabledAdmin()) {
            return null;
        }
        if (!settings.complete()) {
            log.warn("No administrator account exists. Set EVS_ADMIN_USERNAME and EVS_ADMIN_PASSWORD (Spring "
                    + "properties evs.bootstrap.admin.username / evs.bootstrap.admin.password) and restart: that "
                    + "administrator is created and must change the password at the first sign-in.");
            return null;
        }
        UserAccount admin = accounts.create(settings.username(), settings.password(), settings.username(),
                UserAccount.Role.ADMIN, null, "fr");
        credentials.requirePasswordChange(admin.id());
        log.info("First administrator '{}' created from the environment; the password must be changed at the first "
                + "sign-in", admin.username());
        return admin;
    }
}
