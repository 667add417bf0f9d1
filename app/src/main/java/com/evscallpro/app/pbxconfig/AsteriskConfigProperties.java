package com.evscallpro.app.pbxconfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code evs.asterisk.*}: where the generated Asterisk files go and what they point at.
 *
 * @param configDir     directory of {@code pjsip_evscallpro.conf} / {@code extensions_evscallpro.conf}; production:
 *                      {@code /etc/asterisk} (or the directory Asterisk's container mounts); default
 *                      {@code data/asterisk} (relative to the working directory, harmless anywhere)
 * @param agiHost       host of our FastAGI server as Asterisk reaches it; unset → {@code ${EVS_AGI_HOST}} in the
 *                      dialplan (define it in extensions.conf [globals])
 * @param agiPort       FastAGI port (4573)
 * @param defaultTrunk  trunk of outbound calls; unset → the first enabled trunk by name
 * @param reloadModules modules reloaded after an apply (res_pjsip.so, pbx_config.so)
 * @param reloadTimeout how long to wait for each reload's answer (10 s)
 * @param command       {@code dry-run} or {@code apply}: run once at start-up, print, exit (see docs/operations-asterisk.md)
 */
@ConfigurationProperties("evs.asterisk")
public record AsteriskConfigProperties(Path configDir, String agiHost, Integer agiPort, String defaultTrunk,
                                       List<String> reloadModules, Duration reloadTimeout, String command) {

    public AsteriskConfigProperties {
        configDir = configDir == null ? Path.of("data", "asterisk") : configDir;
        agiPort = agiPort == null ? 4573 : agiPort;
        reloadTimeout = reloadTimeout == null ? Duration.ofSeconds(10) : reloadTimeout;
    }
}
