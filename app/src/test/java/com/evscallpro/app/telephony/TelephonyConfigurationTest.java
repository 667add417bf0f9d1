package com.evscallpro.app.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.evscallpro.telephony.PbxPort;
import com.evscallpro.telephony.asterisk.AsteriskAmiPbx;
import com.evscallpro.telephony.yeastar.YeastarPbx;
import org.junit.jupiter.api.Test;

/** A site chooses its PBX adapter in configuration; an unreachable PBX never stops the application. */
class TelephonyConfigurationTest {

    private final TelephonyConfiguration configuration = new TelephonyConfiguration();

    @Test
    void asterisk_mode_builds_the_ami_adapter_even_when_asterisk_is_unreachable() throws Exception {
        PbxPort pbx = configuration.pbxPort(new TelephonySettings(TelephonySettings.Mode.ASTERISK_AMI,
                new TelephonySettings.Ami("127.0.0.1", 1, "evs", "secret", null, null), null));
        try {
            assertThat(pbx).isInstanceOf(AsteriskAmiPbx.class);
            assertThat(pbx.isConnected()).isFalse();
        } finally {
            ((AutoCloseable) pbx).close();
        }
    }

    @Test
    void yeastar_mode_builds_the_yeastar_adapter() throws Exception {
        PbxPort pbx = configuration.pbxPort(new TelephonySettings(TelephonySettings.Mode.YEASTAR_API, null,
                new TelephonySettings.Yeastar("http://127.0.0.1:1", "client", "secret", "CUSTOMER_FIRST", true,
                        null)));
        try {
            assertThat(pbx).isInstanceOf(YeastarPbx.class);
            assertThat(pbx.isConnected()).isFalse();
        } finally {
            ((AutoCloseable) pbx).close();
        }
    }

    @Test
    void missing_settings_are_refused_with_the_property_to_set() {
        assertThatThrownBy(() -> configuration.pbxPort(new TelephonySettings(TelephonySettings.Mode.YEASTAR_API,
                null, null))).hasMessageContaining("evs.telephony.yeastar.base-url");
        assertThatThrownBy(() -> configuration.pbxPort(new TelephonySettings(null, null, null)))
                .hasMessageContaining("evs.telephony.ami.host");
    }

    @Test
    void settings_never_print_secrets() {
        assertThat(new TelephonySettings.Ami("h", 5038, "u", "top-secret", null, null).toString())
                .doesNotContain("top-secret");
        assertThat(new TelephonySettings.Yeastar("http://pbx", "id", "top-secret", null, null, null).toString())
                .doesNotContain("top-secret");
    }
}
