package com.evscallpro.core.privacy;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Adds the privacy services, the secret cipher and their tables to the data services' test context. */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackages = {"com.evscallpro.core.privacy", "com.evscallpro.core.secret", "com.evscallpro.db.privacy"})
class PrivacyTestConfig {

    /** A fixed test key (base64 of 32 bytes). */
    static final String KEY = "evs.secrets.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
}
