package com.evscallpro.app.telephony;

import com.evscallpro.telephony.PbxPort;
import com.evscallpro.telephony.asterisk.AmiSettings;
import com.evscallpro.telephony.asterisk.AsteriskAmiPbx;
import com.evscallpro.telephony.asterisk.MultiAsteriskPbx;
import com.evscallpro.telephony.yeastar.YeastarPbx;
import com.evscallpro.telephony.yeastar.YeastarSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The PBX adapter bean, chosen by {@code evs.telephony.mode} (ASTERISK_AMI or YEASTAR_API). ASTERISK_AMI builds one
 * {@link AsteriskAmiPbx}, or a {@link MultiAsteriskPbx} when {@code evs.telephony.ami.servers} lists several servers.
 * Starting it never fails the application: an unreachable PBX is retried in background.
 */
@Configuration(proxyBeanMethods = false)
class TelephonyConfiguration {

    @Bean(destroyMethod = "close")
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
