package com.evscallpro.core.pbxconfig;

import java.nio.file.Path;

/**
 * The generated Asterisk configuration of one site: its own trunks and their DIDs, written where that site's Asterisk
 * reads them and reloaded over that site's AMI servers (implemented by the application module, which knows the PBX
 * adapters).
 */
public interface SitePbxConfig {

    /** Where the site's files go: the configured directory for the site 'main', {@code <dir>/sites/<code>} else. */
    Path configDir(long siteId);

    /** @see AsteriskConfigApplier#dryRun() */
    ConfigDiff dryRun(long siteId);

    /** @see AsteriskConfigApplier#apply() */
    ApplyResult apply(long siteId);
}
