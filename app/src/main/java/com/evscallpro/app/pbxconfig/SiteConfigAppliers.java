package com.evscallpro.app.pbxconfig;

import com.evscallpro.app.telephony.SiteConnections;
import com.evscallpro.app.telephony.TelephonySettings;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.pbxconfig.ApplyResult;
import com.evscallpro.core.pbxconfig.AsteriskConfigApplier;
import com.evscallpro.core.pbxconfig.ConfigDiff;
import com.evscallpro.core.pbxconfig.PbxReloader;
import com.evscallpro.core.pbxconfig.SitePbxConfig;
import com.evscallpro.core.site.PbxMode;
import com.evscallpro.core.site.SiteDetails;
import com.evscallpro.core.site.SiteService;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * {@link SitePbxConfig} over the application's {@link AsteriskConfigApplier}: a site's files in its own directory,
 * reloaded over that site's AMI servers (read from the database at each apply, so a changed connection is used at
 * once). The reloader of the site 'main' is the configured one when main has no connection in the database.
 */
final class SiteConfigAppliers implements SitePbxConfig {

    private final AsteriskConfigApplier applier;
    private final SiteService sites;
    private final TelephonySettings global;
    private final PbxReloader mainReloader;

    SiteConfigAppliers(AsteriskConfigApplier applier, SiteService sites, TelephonySettings global,
                       PbxReloader mainReloader) {
        this.applier = applier;
        this.sites = sites;
        this.global = global;
        this.mainReloader = mainReloader;
    }

    @Override
    public Path configDir(long siteId) {
        SiteDetails site = sites.get(siteId);
        return "main".equals(site.code()) ? applier.configDir()
                : applier.configDir().resolve("sites").resolve(site.code());
    }

    @Override
    public ConfigDiff dryRun(long siteId) {
        return of(siteId).dryRun();
    }

    @Override
    public ApplyResult apply(long siteId) {
        return of(siteId).apply();
    }

    private AsteriskConfigApplier of(long siteId) {
        SiteDetails site = sites.connection(siteId).orElseThrow(() -> new EvsException("site.not-found", siteId));
        PbxReloader reloader;
        if (site.pbxMode() != PbxMode.ASTERISK_AMI) {
            reloader = module -> CompletableFuture.failedFuture(new IllegalStateException("site " + site.code()
                    + " is not an Asterisk site: nothing to reload"));
        } else if (site.amiServers().isEmpty()) {
            reloader = "main".equals(site.code()) ? mainReloader : module -> CompletableFuture.failedFuture(
                    new IllegalStateException("site " + site.code() + " has no AMI server"));
        } else {
            reloader = new AmiPbxReloader(SiteConnections.settingsOf(global, site));
        }
        return applier.forSite(siteId, configDir(siteId), reloader);
    }
}
