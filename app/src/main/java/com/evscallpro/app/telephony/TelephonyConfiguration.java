package com.evscallpro.app.telephony;

import com.evscallpro.telephony.PbxPort;
import com.evscallpro.telephony.asterisk.AmiSettings;
import com.evscallpro.telephony.asterisk.AsteriskAmiPbx;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The PBX adapter bean. Starting it never fails the application: an unreachable PBX is retried in background. */
@Configuration(proxyBeanMethods = false)
class TelephonyConfiguration {

    @Bean(destroyMethod = "close")
    PbxPort pbxPort(TelephonySettings settings) {
        TelephonySettings.Mode mode = settings.mode() == null ? TelephonySettings.Mode.ASTERISK_AMI : settings.mode();
        if (mode != TelephonySettings.Mode.ASTERISK_AMI) {
            throw new IllegalStateException("evs.telephony.mode " + mode + " is not available yet");
        }
        TelephonySettings.Ami ami = settings.ami();
        if (ami == null || ami.host() == null) {
            throw new IllegalStateException("evs.telephony.ami.host must be set for ASTERISK_AMI");
        }
        AmiSettings amiSettings = AmiSettings.of(ami.host(), ami.port() == null ? 5038 : ami.port(),
                        ami.username(), ami.secret() == null ? "" : ami.secret())
                .withDialing(ami.customerDialTemplate(), ami.agentContext());
        return new AsteriskAmiPbx(amiSettings).start();
    }
}
