package com.evscallpro.app.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import com.evscallpro.telephony.asterisk.AmiSettings;
import com.evscallpro.telephony.asterisk.AsteriskAmiPbx;
import com.evscallpro.telephony.asterisk.MultiAsteriskPbx;
import com.evscallpro.simulator.PbxSimulator;
import com.evscallpro.simulator.SimulatorSettings;
import com.evscallpro.telephony.yeastar.YeastarPbx;
import com.evscallpro.telephony.yeastar.YeastarSettings;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The pbx health component and gauges over real AMI connections to our simulator. */
class PbxHealthTest {

    private static AmiSettings ami(PbxSimulator sim) {
        return AmiSettings.of("127.0.0.1", sim.port(), "evs", "evs-secret")
                .withReconnect(Duration.ofMillis(50), Duration.ofMillis(200));
    }

    @Test
    void one_asterisk_up_then_degraded_when_it_goes_away() throws Exception {
        PbxSimulator sim = new PbxSimulator(SimulatorSettings.defaults()).start();
        try (AsteriskAmiPbx pbx = new AsteriskAmiPbx(ami(sim)).start()) {
            assertThat(pbx.awaitConnected(Duration.ofSeconds(15))).isTrue();
            PbxHealth health = new PbxHealth(pbx);
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            health.bindTo(registry);

            Health up = health.health();
            assertThat(up.getStatus()).isEqualTo(Status.UP);
            assertThat(up.getDetails()).containsEntry("adapter", "ASTERISK_AMI").containsEntry("connected", true)
                    .containsEntry("host", "127.0.0.1:" + sim.port()).containsKeys("reconnects",
                            "deadConnectionsDetected", "queuedEvents");
            assertThat(up.getDetails().toString()).doesNotContain("evs-secret");
            assertThat(registry.get("evs.pbx.connected").tag("server", "default").gauge().value()).isEqualTo(1.0);

            sim.close();
            await().atMost(Duration.ofSeconds(15)).until(() -> !pbx.isConnected());
            assertThat(health.health().getStatus()).isEqualTo(PbxHealth.DEGRADED);
            assertThat(registry.get("evs.pbx.connected").tag("server", "default").gauge().value()).isZero();
        } finally {
            sim.close();
        }
    }

    @Test
    void several_asterisk_servers_are_degraded_while_one_is_down_and_show_each_server() throws Exception {
        PbxSimulator a = new PbxSimulator(SimulatorSettings.defaults()).start();
        PbxSimulator b = new PbxSimulator(SimulatorSettings.defaults()).start();
        Map<String, AmiSettings> servers = new LinkedHashMap<>();
        servers.put("ast-a", ami(a));
        servers.put("ast-b", ami(b));
        try (MultiAsteriskPbx pbx = MultiAsteriskPbx.of(servers).start()) {
            await().atMost(Duration.ofSeconds(15)).until(() -> pbx.connectedServers().size() == 2);
            PbxHealth health = new PbxHealth(pbx);
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            health.bindTo(registry);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            assertThat(health.health().getDetails()).containsEntry("connectedServers", "2/2");

            b.close();
            await().atMost(Duration.ofSeconds(15)).until(() -> pbx.connectedServers().equals(java.util.List.of("ast-a")));
            Health partly = health.health();
            assertThat(partly.getStatus()).isEqualTo(PbxHealth.DEGRADED);
            assertThat(partly.getDetails()).containsEntry("connectedServers", "1/2").containsEntry("liveCalls", 0);
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> each = (Map<String, Map<String, Object>>) partly.getDetails().get("servers");
            assertThat(each.get("ast-a")).containsEntry("connected", true);
            assertThat(each.get("ast-b")).containsEntry("connected", false);
            assertThat(registry.get("evs.pbx.connected").tag("server", "ast-a").gauge().value()).isEqualTo(1.0);
            assertThat(registry.get("evs.pbx.connected").tag("server", "ast-b").gauge().value()).isZero();

            a.close();
            await().atMost(Duration.ofSeconds(15)).until(() -> !pbx.isConnected());
            assertThat(health.health().getStatus()).isEqualTo(PbxHealth.DEGRADED);
            assertThat(health.health().getDetails()).containsEntry("connectedServers", "0/2");
        } finally {
            a.close();
            b.close();
        }
    }

    @Test
    void yeastar_without_its_event_push_is_degraded() {
        YeastarPbx pbx = new YeastarPbx(YeastarSettings.of("http://127.0.0.1:1", "client", "secret"));
        try {
            Health h = new PbxHealth(pbx).health();
            assertThat(h.getStatus()).isEqualTo(PbxHealth.DEGRADED);
            assertThat(h.getDetails()).containsEntry("adapter", "YEASTAR_API").containsEntry("eventPushSubscribed", false)
                    .containsEntry("liveCalls", 0);
        } finally {
            pbx.close();
        }
    }
}
