package com.evscallpro.app.telephony;

import com.evscallpro.telephony.PbxPort;
import com.evscallpro.telephony.asterisk.AmiSettings;
import com.evscallpro.telephony.asterisk.AsteriskAmiPbx;
import com.evscallpro.telephony.yeastar.YeastarPbx;
import com.evscallpro.telephony.yeastar.YeastarSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The PBX adapter bean, chosen by {@code evs.telephony.mode} (ASTERISK_AMI or YEASTAR_API). Starting it never fails
 * the application: an unreachable PBX is retried in background.
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

    private static AsteriskAmiPbx asterisk(TelephonySettings.Ami ami) {
        if (ami == null || ami.host() == null) {
            throw new IllegalStateException("evs.telephony.ami.host must be set for ASTERISK_AMI");
        }
        AmiSettings amiSettings = AmiSettings.of(ami.host(), ami.port() == null ? 5038 : ami.port(),
                        ami.username(), ami.secret() == null ? "" : ami.secret())
                .withDialing(ami.customerDialTemplate(), ami.agentContext());
        return new AsteriskAmiPbx(amiSettings).start();
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
