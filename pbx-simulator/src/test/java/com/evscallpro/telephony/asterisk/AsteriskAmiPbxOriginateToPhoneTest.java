package com.evscallpro.telephony.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.evscallpro.telephony.CallEvent;
import com.evscallpro.telephony.CallEvent.Leg;
import com.evscallpro.telephony.CallEvent.Type;
import com.evscallpro.telephony.CallOutcome;
import com.evscallpro.telephony.ChannelStatus;
import com.evscallpro.telephony.OriginateResult;
import com.evscallpro.telephony.PbxActionException;
import com.evscallpro.telephony.PbxPort;
import com.evscallpro.simulator.PbxSimulator;
import com.evscallpro.simulator.SimulatorSettings;
import com.evscallpro.telephony.testing.RecordingListener;

/** Ringing an agent's phone (callback, parked call pick-up): the phone is the AGENT leg, the outcome as ever. */
class AsteriskAmiPbxOriginateToPhoneTest {

    private PbxSimulator sim;
    private AutoCloseable port;
    private final RecordingListener events = new RecordingListener();

    @AfterEach
    void stop() throws Exception {
        if (port != null) {
            port.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private AsteriskAmiPbx connect(Duration agentAnswerDelay) throws Exception {
        sim = new PbxSimulator(SimulatorSettings.defaults().withAgentAnswerDelay(agentAnswerDelay)).start();
        AsteriskAmiPbx pbx = new AsteriskAmiPbx(AsteriskAmiPbxAgainstSimulatorTest.settings(sim.port()));
        port = pbx;
        pbx.addListener(events);
        pbx.start();
        assertThat(pbx.awaitConnected(Duration.ofSeconds(10))).isTrue();
        return pbx;
    }

    @Test
    void phone_that_answers_completes_answered_and_continues_in_the_phone_context() throws Exception {
        AsteriskAmiPbx pbx = connect(Duration.ofMillis(100));

        OriginateResult r = pbx.originateToPhone("ph-1", "2001", "\"Callback\" <0100000000>", Duration.ofSeconds(5),
                Map.of("EVS_CALLBACK_NUMBER", "+33612345678")).get(15, TimeUnit.SECONDS);

        assertThat(r.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(r.reason()).isEqualTo(4);
        assertThat(r.channel()).startsWith("Local/2001@agents-");
        await().atMost(Duration.ofSeconds(15)).until(() -> events.summary("ph-1").contains("ANSWERED/AGENT"));
        assertThat(events.summary("ph-1")).containsExactly("CREATED/AGENT", "RINGING/AGENT", "ANSWERED/AGENT");
        assertThat(sim.channelNames()).anyMatch(n -> n.startsWith("Local/2001@agents-") && n.endsWith(";1"));

        List<ChannelStatus> status = pbx.channelStatus("ph-1").get(15, TimeUnit.SECONDS);
        assertThat(status).anySatisfy(s -> {
            assertThat(s.channel()).endsWith(";1");
            assertThat(s.context()).isEqualTo(AmiSettings.DEFAULT_PHONE_CONTEXT);
            assertThat(s.exten()).isEqualTo("s");
            assertThat(s.leg()).isEqualTo(Leg.AGENT);
        });

        pbx.hangup("ph-1", 16).get(15, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(15)).until(() -> events.summary("ph-1").contains("HUNG_UP/AGENT"));
        assertThat(events.summary("ph-1")).filteredOn(s -> s.startsWith("HUNG_UP")).containsExactly("HUNG_UP/AGENT");
        assertThat(sim.activeChannelCount()).isZero();
    }

    @Test
    void phone_not_answered_within_the_ring_timeout_completes_no_answer_with_cause_19() throws Exception {
        AsteriskAmiPbx pbx = connect(Duration.ofSeconds(5));

        OriginateResult r = pbx.originateToPhone("ph-na", "2002", null, Duration.ofMillis(500), Map.of())
                .get(15, TimeUnit.SECONDS);

        assertThat(r.outcome()).isEqualTo(CallOutcome.NO_ANSWER);
        assertThat(r.q850Cause()).isEqualTo(19);
        await().atMost(Duration.ofSeconds(15)).until(() -> events.summary("ph-na").contains("FAILED/AGENT"));
        CallEvent failed = events.of("ph-na").stream().filter(e -> e.type() == Type.FAILED).findFirst().orElseThrow();
        assertThat(failed.detail()).isEqualTo("NO_ANSWER");
        assertThat(failed.cause()).isEqualTo(19);
        assertThat(events.summary("ph-na")).contains("CREATED/AGENT", "RINGING/AGENT", "HUNG_UP/AGENT")
                .doesNotContain("ANSWERED/AGENT");
    }

    @Test
    void phone_originate_fails_fast_when_the_pbx_is_not_connected() {
        AsteriskAmiPbx pbx = new AsteriskAmiPbx(AmiSettings.of("127.0.0.1", 1, "evs", "x"));
        port = pbx;
        assertThatThrownBy(() -> pbx.originateToPhone("ph-off", "2001", null, Duration.ofSeconds(5), Map.of())
                .get(1, TimeUnit.SECONDS)).hasCauseInstanceOf(PbxActionException.class);
    }

    @Test
    void ports_without_phone_originate_say_so() {
        PbxPort minimal = new PbxPort() {
            @Override
            public java.util.concurrent.CompletableFuture<OriginateResult> originate(
                    com.evscallpro.telephony.OriginateRequest request) {
                return null;
            }

            @Override
            public java.util.concurrent.CompletableFuture<Void> hangup(String callId, int q850Cause) {
                return null;
            }

            @Override
            public void addListener(com.evscallpro.telephony.CallEventListener listener) {
            }

            @Override
            public void removeListener(com.evscallpro.telephony.CallEventListener listener) {
            }

            @Override
            public boolean isConnected() {
                return true;
            }
        };
        assertThatThrownBy(() -> minimal.originateToPhone("x", "2001", null, Duration.ofSeconds(5), Map.of()).join())
                .hasCauseInstanceOf(PbxActionException.class).hasMessageContaining("not supported");
        assertThat(minimal.serverOf("x")).isEmpty();
    }

    @Test
    void phone_originate_through_several_servers_uses_the_named_server() throws Exception {
        sim = new PbxSimulator(SimulatorSettings.defaults().withAgentAnswerDelay(Duration.ofMillis(50))).start();
        try (PbxSimulator other = new PbxSimulator(SimulatorSettings.defaults()).start()) {
            Map<String, AmiSettings> servers = new LinkedHashMap<>();
            servers.put("ast-a", AsteriskAmiPbxAgainstSimulatorTest.settings(other.port()));
            servers.put("ast-b", AsteriskAmiPbxAgainstSimulatorTest.settings(sim.port()));
            MultiAsteriskPbx multi = MultiAsteriskPbx.of(servers).start();
            port = multi;
            multi.addListener(events);
            await().atMost(Duration.ofSeconds(10)).until(() -> multi.connectedServers().size() == 2);

            OriginateResult r = multi.originateToPhone("ph-multi", "2003", null, Duration.ofSeconds(5),
                    Map.of(MultiAsteriskPbx.SERVER_VARIABLE, "ast-b")).get(15, TimeUnit.SECONDS);

            assertThat(r.outcome()).isEqualTo(CallOutcome.ANSWERED);
            assertThat(multi.serverOf("ph-multi")).contains("ast-b");
            assertThat(other.activeChannelCount()).isZero();
            multi.hangup("ph-multi", 16).get(15, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(15)).until(() -> sim.activeChannelCount() == 0);
        }
    }
}
