package com.evscallpro.app.telephony;

import com.evscallpro.core.site.AmiServerSettings;
import com.evscallpro.core.site.PbxMode;
import com.evscallpro.core.site.SiteService;
import com.evscallpro.core.site.YeastarConnection;
import com.evscallpro.telephony.PbxPort;
import com.evscallpro.telephony.asterisk.AmiSettings;
import com.evscallpro.telephony.asterisk.AsteriskAmiPbx;
import com.evscallpro.telephony.asterisk.MultiAsteriskPbx;
import com.evscallpro.telephony.yeastar.YeastarPbx;
import com.evscallpro.telephony.yeastar.YeastarSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's {@link PbxPort}: a {@link SitePbxRouter} over one adapter per enabled site, each built from the
 * site's connection in the database as {@link #pbxPort(TelephonySettings)} builds one from properties: ASTERISK_AMI
 * one {@link AsteriskAmiPbx}, or a {@link MultiAsteriskPbx} for several servers; YEASTAR_API a {@link YeastarPbx}.
 * Bootstrap: when {@code evs.telephony.*} names a PBX, it is the connection of the site 'main' (imported, secrets
 * sealed, when main has none or a different one). Starting never fails the application: an unreachable PBX is retried
 * in background.
 */
@Configuration(proxyBeanMethods = false)
class TelephonyConfiguration {

    @Bean(destroyMethod = "close")
    SitePbxRouter sitePbxRouter(TelephonySettings settings, SiteService sites) {
        importIntoMain(settings, sites);
        return new SitePbxRouter(sites, site -> pbxPort(SiteConnections.settingsOf(settings, site))).start();
    }

    /** {@code evs.telephony.*}, when it names a PBX, becomes the connection of the site 'main'. */
    static void importIntoMain(TelephonySettings settings, SiteService sites) {
        TelephonySettings.Mode mode = settings.mode() == null ? TelephonySettings.Mode.ASTERISK_AMI : settings.mode();
        TelephonySettings.Ami ami = settings.ami();
        TelephonySettings.Yeastar y = settings.yeastar();
        if (mode == TelephonySettings.Mode.YEASTAR_API && y != null && y.baseUrl() != null) {
            sites.adoptMainConnection(PbxMode.YEASTAR_API, List.of(), new YeastarConnection(y.baseUrl(),
                    y.clientId(), y.clientSecret(), true, y.dialMode(), y.autoAnswer(), y.dialPermission()));
        } else if (mode == TelephonySettings.Mode.ASTERISK_AMI && ami != null
                && (ami.host() != null || !ami.servers().isEmpty())) {
            List<AmiServerSettings> servers = new ArrayList<>();
            if (ami.servers().isEmpty()) {
                servers.add(new AmiServerSettings(SINGLE_SERVER_ID, ami.host(), ami.port(), ami.username(),
                        ami.secret(), true, ami.customerDialTemplate(), ami.agentContext(), ami.phoneDialTemplate(),
                        ami.phoneContext()));
            }
            for (TelephonySettings.Server s : ami.servers()) {
                servers.add(new AmiServerSettings(s.id(), s.host(), s.port() != null ? s.port() : ami.port(),
                        or(s.username(), ami.username()), or(s.secret(), ami.secret()), true,
                        or(s.customerDialTemplate(), ami.customerDialTemplate()),
                        or(s.agentContext(), ami.agentContext()), or(s.phoneDialTemplate(), ami.phoneDialTemplate()),
                        or(s.phoneContext(), ami.phoneContext())));
            }
            sites.adoptMainConnection(PbxMode.ASTERISK_AMI, servers, null);
        }
    }

    /** The server id of site main's AMI server when {@code evs.telephony.ami.host} (one server) is imported. */
    static final String SINGLE_SERVER_ID = "asterisk";

    /** One adapter from properties (for a site: {@link SiteConnections#settingsOf}), started. */
    PbxPort pbxPort(TelephonySettings settings) {
        TelephonySettings.Mode mode = settings.mode() == null ? TelephonySettings.Mode.ASTERISK_AMI : settings.mode();
        return switch (mode) {
            case ASTERISK_AMI -> asterisk(settings.ami());
            case YEASTAR_API -> yeastar(settings.yeastar());
        };
    }

    /** One server ({@code evs.telephony.ami.host}...) or, when {@code evs.telephony.ami.servers} is set, several. */
    private static PbxPort asterisk(TelephonySettings.Ami ami) {
        if (ami != null && !ami.servers().isEmpty()) {
            return MultiAsteriskPbx.of(servers(ami)).start();
        }
        if (ami == null || ami.host() == null) {
            throw new IllegalStateException("evs.telephony.ami.host (or evs.telephony.ami.servers[0].host) must be set"
                    + " for ASTERISK_AMI");
        }
        return new AsteriskAmiPbx(amiSettings(ami, ami.host(), ami.port(), ami.username(), ami.secret(),
                ami.customerDialTemplate(), ami.agentContext(), ami.phoneDialTemplate(), ami.phoneContext())).start();
    }

    /** Each server's settings, a field it leaves out taken from {@code evs.telephony.ami.*}. */
    static Map<String, AmiSettings> servers(TelephonySettings.Ami ami) {
        Map<String, AmiSettings> out = new LinkedHashMap<>();
        for (int i = 0; i < ami.servers().size(); i++) {
            TelephonySettings.Server s = ami.servers().get(i);
            String where = "evs.telephony.ami.servers[" + i + "]";
            if (s == null || s.id() == null || s.id().isBlank()) {
                throw new IllegalStateException(where + ".id must be set");
            }
            if (s.host() == null || s.host().isBlank()) {
                throw new IllegalStateException(where + ".host must be set");
            }
            if (out.containsKey(s.id())) {
                throw new IllegalStateException(where + ".id: server id " + s.id() + " is used twice");
            }
            out.put(s.id(), amiSettings(ami, s.host(), s.port() != null ? s.port() : ami.port(),
                    or(s.username(), ami.username()), or(s.secret(), ami.secret()),
                    or(s.customerDialTemplate(), ami.customerDialTemplate()), or(s.agentContext(), ami.agentContext()),
                    or(s.phoneDialTemplate(), ami.phoneDialTemplate()), or(s.phoneContext(), ami.phoneContext())));
        }
        return out;
    }

    private static AmiSettings amiSettings(TelephonySettings.Ami ami, String host, Integer port, String username,
                                           String secret, String customerDialTemplate, String agentContext,
                                           String phoneDialTemplate, String phoneContext) {
        AmiSettings settings = AmiSettings.of(host, port == null ? 5038 : port, username == null ? "" : username,
                        secret == null ? "" : secret)
                .withDialing(customerDialTemplate, agentContext)
                .withPhones(phoneDialTemplate, null)
                .withPhoneContext(phoneContext);
        if (ami.pingInterval() != null || ami.pingTimeout() != null) {
            settings = settings.withKeepAlive(ami.pingInterval(), ami.pingTimeout());
        }
        if (ami.eventFilter() != null) {
            settings = settings.withEventFilter(ami.eventFilter());
        }
        return settings;
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static YeastarPbx yeastar(TelephonySettings.Yeastar y) {
        if (y == null || y.baseUrl() == null || y.clientId() == null || y.clientSecret() == null) {
            throw new IllegalStateException("evs.telephony.yeastar.base-url, client-id and client-secret must be set"
                    + " for YEASTAR_API");
        }
        YeastarSettings settings = YeastarSettings.of(y.baseUrl(), y.clientId(), y.clientSecret());
        if (y.dialMode() != null) {
            settings = settings.withDialMode(YeastarSettings.DialMode.valueOf(y.dialMode()));
        }
        if (y.autoAnswer() != null) {
            settings = settings.withAutoAnswer(y.autoAnswer());
        }
        if (y.dialPermission() != null) {
            settings = settings.withDialPermission(y.dialPermission());
        }
        return new YeastarPbx(settings).start();
    }
}
