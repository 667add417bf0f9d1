package com.evscallpro.app.telephony;

import com.evscallpro.core.site.AmiServerSettings;
import com.evscallpro.core.site.PbxMode;
import com.evscallpro.core.site.SiteDetails;
import com.evscallpro.core.site.YeastarConnection;
import java.util.List;

/** A site's connection from the database in the shape of {@code evs.telephony.*}, which the adapters are built from. */
public final class SiteConnections {

    private SiteConnections() {
    }

    /**
     * A site's connection (secrets opened) as the properties {@link #pbxPort(TelephonySettings)} reads; the
     * keep-alive and event filter of {@code evs.telephony.ami.*} apply to every site.
     */
    public static TelephonySettings settingsOf(TelephonySettings global, SiteDetails site) {
        if (site.pbxMode() == PbxMode.YEASTAR_API) {
            YeastarConnection y = site.yeastar();
            return new TelephonySettings(TelephonySettings.Mode.YEASTAR_API, null, new TelephonySettings.Yeastar(
                    y.baseUrl(), y.clientId(), y.clientSecret(), y.dialMode(), y.autoAnswer(), y.dialPermission()));
        }
        TelephonySettings.Ami g = global.ami();
        List<TelephonySettings.Server> servers = site.amiServers().size() < 2 ? List.of()
                : site.amiServers().stream().map(s -> new TelephonySettings.Server(s.serverId(), s.host(), s.port(),
                        s.username(), s.secret(), s.customerDialTemplate(), s.agentContext(), s.phoneDialTemplate(),
                        s.phoneContext())).toList();
        AmiServerSettings one = site.amiServers().getFirst();
        return new TelephonySettings(TelephonySettings.Mode.ASTERISK_AMI, new TelephonySettings.Ami(one.host(),
                one.port(), one.username(), one.secret(), one.customerDialTemplate(), one.agentContext(),
                one.phoneDialTemplate(), one.phoneContext(), g == null ? null : g.pingInterval(),
                g == null ? null : g.pingTimeout(), g == null ? null : g.eventFilter(), servers), null);
    }
}
