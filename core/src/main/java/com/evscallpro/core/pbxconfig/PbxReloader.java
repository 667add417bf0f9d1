package com.evscallpro.core.pbxconfig;

import java.util.concurrent.CompletableFuture;

/**
 * Asks the PBX to reload one module after its configuration files changed ({@code res_pjsip.so},
 * {@code pbx_config.so}). Implemented by the application over AMI (core does not know the Asterisk adapter).
 */
@FunctionalInterface
public interface PbxReloader {

    /**
     * @return completes with the PBX's answer (e.g. {@code Module Reloaded}); exceptionally when the PBX is
     *         unreachable or refuses
     */
    CompletableFuture<String> reload(String module);
}
