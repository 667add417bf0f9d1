package com.evscallpro.app.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.awaitility.Awaitility.await;

import com.evscallpro.telephony.PbxPort;
import com.evscallpro.telephony.asterisk.AmiSettings;
import com.evscallpro.telephony.asterisk.AsteriskAmiPbx;
import com.evscallpro.telephony.asterisk.MultiAsteriskPbx;
import com.evscallpro.simulator.PbxSimulator;
import com.evscallpro.simulator.SimulatorSettings;
import com.evscallpro.telephony.yeastar.YeastarPbx;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

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

    private static TelephonySettings bind(Map<String, Object> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bind("evs.telephony", TelephonySettings.class).get();
    }

    @Test
    void server_list_builds_one_port_over_every_server_connected_at_once() throws Exception {
        try (PbxSimulator a = new PbxSimulator(SimulatorSettings.defaults()).start();
             PbxSimulator b = new PbxSimulator(SimulatorSettings.defaults()).start()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("evs.telephony.mode", "ASTERISK_AMI");
            p.put("evs.telephony.ami.host", "unused.example");
            p.put("evs.telephony.ami.username", "evs");
            p.put("evs.telephony.ami.secret", "evs-secret");
            p.put("evs.telephony.ami.ping-interval", "2s");
            p.put("evs.telephony.ami.servers[0].id", "ast-1");
            p.put("evs.telephony.ami.servers[0].host", "127.0.0.1");
            p.put("evs.telephony.ami.servers[0].port", a.port());
            p.put("evs.telephony.ami.servers[1].id", "ast-2");
            p.put("evs.telephony.ami.servers[1].host", "127.0.0.1");
            p.put("evs.telephony.ami.servers[1].port", b.port());

            PbxPort pbx = configuration.pbxPort(bind(p));
            try {
                assertThat(pbx).isInstanceOf(MultiAsteriskPbx.class);
                MultiAsteriskPbx multi = (MultiAsteriskPbx) pbx;
                assertThat(multi.serverIds()).containsExactly("ast-1", "ast-2");
                await().atMost(Duration.ofSeconds(10)).until(() -> multi.connectedServers().size() == 2);
                assertThat(a.connectionCount()).isEqualTo(1);
                assertThat(b.connectionCount()).isEqualTo(1);
            } finally {
                ((AutoCloseable) pbx).close();
            }
        }
    }

    @Test
    void the_ami_event_filter_is_on_by_default_and_can_be_turned_off_for_every_server() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("evs.telephony.ami.username", "evs");
        p.put("evs.telephony.ami.secret", "shared");
        p.put("evs.telephony.ami.servers[0].id", "ast-1");
        p.put("evs.telephony.ami.servers[0].host", "pbx1.example");
        assertThat(TelephonyConfiguration.servers(bind(p).ami()).get("ast-1").eventFilter()).isTrue();

        p.put("evs.telephony.ami.event-filter", "false");
        assertThat(TelephonyConfiguration.servers(bind(p).ami()).get("ast-1").eventFilter()).isFalse();
    }

    @Test
    void a_server_takes_what_it_leaves_out_from_the_top_level_ami_settings() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("evs.telephony.ami.username", "evs");
        p.put("evs.telephony.ami.secret", "shared");
        p.put("evs.telephony.ami.customer-dial-template", "PJSIP/{number}@trunk");
        p.put("evs.telephony.ami.agent-context", "evs-agents");
        p.put("evs.telephony.ami.ping-interval", "7s");
        p.put("evs.telephony.ami.ping-timeout", "3s");
        p.put("evs.telephony.ami.servers[0].id", "ast-1");
        p.put("evs.telephony.ami.servers[0].host", "pbx1.example");
        p.put("evs.telephony.ami.servers[1].id", "ast-2");
        p.put("evs.telephony.ami.servers[1].host", "pbx2.example");
        p.put("evs.telephony.ami.servers[1].port", "5039");
        p.put("evs.telephony.ami.servers[1].secret", "own");
        p.put("evs.telephony.ami.servers[1].phone-dial-template", "PJSIP/{extension}");

        Map<String, AmiSettings> servers = TelephonyConfiguration.servers(bind(p).ami());

        AmiSettings one = servers.get("ast-1");
        assertThat(one.host()).isEqualTo("pbx1.example");
        assertThat(one.port()).isEqualTo(5038);
        assertThat(one.secret()).isEqualTo("shared");
        assertThat(one.customerDialTemplate()).isEqualTo("PJSIP/{number}@trunk");
        assertThat(one.phoneDialTemplate()).isEqualTo("Local/{extension}@evs-agents");
        assertThat(one.pingInterval()).isEqualTo(Duration.ofSeconds(7));
        assertThat(one.pingTimeout()).isEqualTo(Duration.ofSeconds(3));
        AmiSettings two = servers.get("ast-2");
        assertThat(two.port()).isEqualTo(5039);
        assertThat(two.secret()).isEqualTo("own");
        assertThat(two.agentContext()).isEqualTo("evs-agents");
        assertThat(two.phoneDialTemplate()).isEqualTo("PJSIP/{extension}");
    }

    @Test
    void single_server_settings_keep_working_with_keep_alive_defaults() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("evs.telephony.ami.host", "127.0.0.1");
        p.put("evs.telephony.ami.port", "1");
        p.put("evs.telephony.ami.username", "evs");
        TelephonySettings settings = bind(p);
        assertThat(settings.ami().servers()).isEmpty();

        PbxPort pbx = configuration.pbxPort(settings);
        try {
            assertThat(pbx).isInstanceOf(AsteriskAmiPbx.class);
            assertThat(((AsteriskAmiPbx) pbx).settings().pingInterval()).isEqualTo(AmiSettings.DEFAULT_PING_INTERVAL);
        } finally {
            ((AsteriskAmiPbx) pbx).close();
        }
    }

    @Test
    void servers_without_id_or_host_or_with_the_same_id_are_refused_naming_the_property() {
        TelephonySettings.Server noHost = new TelephonySettings.Server("ast-1", null, null, null, null, null, null,
                null, null);
        TelephonySettings.Server ok = new TelephonySettings.Server("ast-1", "h", null, null, null, null, null, null,
                null);
        assertThatThrownBy(() -> configuration.pbxPort(new TelephonySettings(null, new TelephonySettings.Ami(null,
                null, "u", "s", null, null, null, null, null, null, null, List.of(ok, noHost)), null)))
                .hasMessageContaining("evs.telephony.ami.servers[1].host");
        assertThatThrownBy(() -> configuration.pbxPort(new TelephonySettings(null, new TelephonySettings.Ami(null,
                null, "u", "s", null, null, null, null, null, null, null, List.of(ok, ok)), null)))
                .hasMessageContaining("evs.telephony.ami.servers[1].id").hasMessageContaining("used twice");
    }

    @Test
    void server_settings_never_print_secrets() {
        assertThat(new TelephonySettings.Server("a", "h", 1, "u", "top-secret", null, null, null, null).toString())
                .doesNotContain("top-secret");
    }
}
