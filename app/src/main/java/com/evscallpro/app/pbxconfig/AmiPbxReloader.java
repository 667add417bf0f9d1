package com.evscallpro.app.pbxconfig;

import com.evscallpro.app.telephony.TelephonySettings;
import com.evscallpro.core.pbxconfig.PbxReloader;
import com.evscallpro.telephony.asterisk.AmiSettings;
import com.evscallpro.telephony.asterisk.config.AmiReloader;
import java.util.concurrent.CompletableFuture;

/**
 * Core's {@link PbxReloader} over telephony's {@link AmiReloader}, with the AMI access of {@code evs.telephony.ami}.
 * Without an AMI host every reload fails with a readable message (the application still starts).
 */
final class AmiPbxReloader implements PbxReloader {

    private final AmiReloader reloader;

    AmiPbxReloader(TelephonySettings settings) {
        TelephonySettings.Ami ami = settings == null ? null : settings.ami();
        this.reloader = ami == null || ami.host() == null ? null
                : new AmiReloader(AmiSettings.of(ami.host(), ami.port() == null ? 5038 : ami.port(),
                        ami.username() == null ? "" : ami.username(), ami.secret() == null ? "" : ami.secret()));
    }

    @Override
    public CompletableFuture<String> reload(String module) {
        return reloader == null
                ? CompletableFuture.failedFuture(new IllegalStateException(
                        "evs.telephony.ami.host is not set: cannot ask Asterisk to reload"))
                : reloader.reload(module);
    }
}
