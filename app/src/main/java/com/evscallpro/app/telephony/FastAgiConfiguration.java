package com.evscallpro.app.telephony;

import com.evscallpro.telephony.agi.FastAgiServer;
import com.evscallpro.telephony.agi.FastAgiSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The FastAGI server Asterisk calls ({@code AGI(agi://<app>:4573/<script>)}). Scripts are registered by the
 * features that serve them (the IVR); a call to a script nobody serves is logged and hung up cleanly.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FastAgiConfiguration.AgiProperties.class)
@ConditionalOnProperty(name = "evs.telephony.agi.enabled", havingValue = "true", matchIfMissing = true)
class FastAgiConfiguration {

    /** {@code evs.telephony.agi.*}. */
    @ConfigurationProperties("evs.telephony.agi")
    record AgiProperties(Boolean enabled, String bindAddress, Integer port, Integer maxChannels) {
    }

    @Bean(destroyMethod = "close")
    FastAgiServer fastAgiServer(AgiProperties properties) {
        FastAgiSettings settings = FastAgiSettings.defaults();
        if (properties.bindAddress() != null) {
            settings = settings.withBindAddress(properties.bindAddress());
        }
        if (properties.port() != null) {
            settings = settings.withPort(properties.port());
        }
        if (properties.maxChannels() != null) {
            settings = settings.withMaxChannels(properties.maxChannels());
        }
        return new FastAgiServer(settings).start();
    }
}
