package com.evscallpro.core.media;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Adds the media, prompt and voicemail services and their tables to the data services' test context. */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackages = {"com.evscallpro.core.media", "com.evscallpro.core.prompt",
        "com.evscallpro.core.voicemail", "com.evscallpro.db.prompt", "com.evscallpro.db.voicemail"})
public class MediaTestConfig {
}
