package com.evscallpro.core.secret;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code evs.secrets.*}: {@code key}, the base64 of 32 random bytes ({@code openssl rand -base64 32}; from
 * {@code EVS_SECRET_KEY}), required; {@code previous-key}, optional, the key being rotated out (values it sealed
 * still open, and are sealed again under {@code key} when saved). Never logged.
 */
@ConfigurationProperties("evs.secrets")
public record SecretSettings(String key, String previousKey) {

    @Override
    public String toString() {
        return "SecretSettings[key=****, previousKey=" + (previousKey == null ? "none" : "****") + "]";
    }
}
