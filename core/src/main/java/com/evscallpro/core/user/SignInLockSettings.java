package com.evscallpro.core.user;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code evs.security.sign-in.*}: {@code max-failures} failed sign-ins (default 5) within {@code window} (default 15
 * min) lock the account for {@code lock-for} (default 15 min); the right password is refused meanwhile.
 */
@ConfigurationProperties("evs.security.sign-in")
public record SignInLockSettings(Integer maxFailures, Duration window, Duration lockFor) {
    public SignInLockSettings {
        maxFailures = maxFailures == null || maxFailures < 1 ? 5 : maxFailures;
        window = window == null ? Duration.ofMinutes(15) : window;
        lockFor = lockFor == null ? Duration.ofMinutes(15) : lockFor;
    }

    public static SignInLockSettings defaults() {
        return new SignInLockSettings(null, null, null);
    }
}
