package com.evscallpro.telephony.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.evscallpro.telephony.CallOutcome;
import com.evscallpro.telephony.OriginateRequest;
import com.evscallpro.telephony.OriginateResult;
import com.evscallpro.telephony.PbxActionException;
import com.evscallpro.telephony.SpyMode;
import com.evscallpro.telephony.SpySession;
import com.evscallpro.simulator.CustomerBehaviour;
import com.evscallpro.simulator.CustomerScript;
import com.evscallpro.simulator.PbxSimulator;
import com.evscallpro.simulator.SimulatorSettings;
import com.evscallpro.telephony.testing.RecordingListener;

/** Two simulated Asterisk servers behind one port: spreading, routing to the owner, failover, merged events. */
class MultiAsteriskPbxTest {

    static final String STAYS = "+33700000101";

    private PbxSimulator simA;
    private PbxSimulator simB;
    private MultiAsteriskPbx pbx;
    private final RecordingListener events = new RecordingListener();

    @BeforeEach
    void start() throws Exception {
        simA = simulator().start();
        simB = simulator().start();
        Map<String, AmiSettings> servers = new LinkedHashMap<>();
        servers.put("ast-a", AsteriskAmiPbxAgainstSimulatorTest.settings(simA.port()));
        servers.put("ast-b", AsteriskAmiPbxAgainstSimulatorTest.settings(simB.port()));
        pbx = MultiAsteriskPbx.of(servers);
        pbx.addListener(events);
        pbx.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> pbx.connectedServers().size() == 2);
    }

    private static PbxSimulator simulator() {
        return new PbxSimulator(SimulatorSettings.defaults().withAgentAnswerDelay(Duration.ofMillis(50))
                .withCustomers(CustomerScript.random(7).with(STAYS, CustomerBehaviour.answerAndStay(Duration.ZERO))));
    }

    @AfterEach
    void stop() {
        pbx.close();
        simA.close();
        simB.close();
    }

    private static OriginateRequest call(String callId) {
        return new OriginateRequest(callId, STAYS, null, "2000", Duration.ofSeconds(5), Map.of());
    }

    private void awaitBridged(String callId) {
        await().atMost(Duration.ofSeconds(15)).until(() -> events.summary(callId).contains("BRIDGED/CUSTOMER"));
    }

    @Test
    void originates_are_spread_round_robin_over_the_servers() throws Exception {
        List<String> owners = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = "mx-spread-" + i;
            OriginateResult r = pbx.originate(call(id)).get(15, TimeUnit.SECONDS);
            assertThat(r.outcome()).isEqualTo(CallOutcome.ANSWERED);
            owners.add(pbx.serverOf(id).orElseThrow());
        }
        assertThat(owners).containsExactlyInAnyOrder("ast-a", "ast-b", "ast-a", "ast-b");
        assertThat(owners.get(0)).isNotEqualTo(owners.get(1));
        await().atMost(Duration.ofSeconds(15)).until(() -> simA.activeChannelCount() == 8
                && simB.activeChannelCount() == 8); // 2 calls each: customer pair + agent pair
    }

    @Test
    void events_of_both_servers_reach_one_listener_keyed_by_call_id() throws Exception {
        pbx.originate(call("mx-ev-1")).get(15, TimeUnit.SECONDS);
        pbx.originate(call("mx-ev-2")).get(15, TimeUnit.SECONDS);
        awaitBridged("mx-ev-1");
        awaitBridged("mx-ev-2");

        assertThat(List.of(pbx.serverOf("mx-ev-1").orElseThrow(), pbx.serverOf("mx-ev-2").orElseThrow()))
                .containsExactlyInAnyOrder("ast-a", "ast-b");
        for (String id : List.of("mx-ev-1", "mx-ev-2")) {
            assertThat(events.summary(id)).containsExactly("CREATED/CUSTOMER", "ANSWERED/CUSTOMER",
                    "ANSWERED/AGENT", "BRIDGED/CUSTOMER");
        }
    }

    @Test
    void hangup_goes_to_the_server_that_owns_the_call() throws Exception {
        pbx.originate(call("mx-hang-1")).get(15, TimeUnit.SECONDS);
        pbx.originate(call("mx-hang-2")).get(15, TimeUnit.SECONDS);
        awaitBridged("mx-hang-1");
        awaitBridged("mx-hang-2");
        String owner = pbx.serverOf("mx-hang-2").orElseThrow();
        PbxSimulator ownerSim = owner.equals("ast-a") ? simA : simB;
        PbxSimulator otherSim = owner.equals("ast-a") ? simB : simA;

        pbx.hangup("mx-hang-2", 16).get(15, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(15)).until(() -> ownerSim.activeChannelCount() == 0);
        assertThat(otherSim.activeChannelCount()).isEqualTo(4);
        await().atMost(Duration.ofSeconds(15)).until(() -> events.summary("mx-hang-2")
                .containsAll(List.of("HUNG_UP/CUSTOMER", "HUNG_UP/AGENT")));
        assertThat(events.summary("mx-hang-1")).doesNotContain("HUNG_UP/CUSTOMER", "HUNG_UP/AGENT");
        assertThat(pbx.serverOf("mx-hang-2")).as("still routable after the end").contains(owner);
        assertThat(pbx.liveCalls()).isEqualTo(1);
    }

    @Test
    void with_one_server_down_every_originate_goes_to_the_other() throws Exception {
        simA.close();
        await().atMost(Duration.ofSeconds(15)).until(() -> pbx.connectedServers().equals(List.of("ast-b")));
        assertThat(pbx.isConnected()).isTrue();

        for (int i = 0; i < 4; i++) {
            String id = "mx-down-" + i;
            assertThat(pbx.originate(call(id)).get(15, TimeUnit.SECONDS).outcome()).isEqualTo(CallOutcome.ANSWERED);
            assertThat(pbx.serverOf(id)).contains("ast-b");
        }
    }

    @Test
    void no_server_connected_fails_the_originate_fast() {
        simA.close();
        simB.close();
        await().atMost(Duration.ofSeconds(15)).until(() -> !pbx.isConnected());

        assertThatThrownBy(() -> pbx.originate(call("mx-none-1")).get(1, TimeUnit.SECONDS))
                .hasCauseInstanceOf(PbxActionException.class).hasMessageContaining("No PBX server connected");
        assertThat(pbx.serverOf("mx-none-1")).isEmpty();
    }

    @Test
    void server_variable_chooses_the_server_and_an_unknown_server_is_refused() throws Exception {
        for (int i = 0; i < 3; i++) {
            String id = "mx-pin-" + i;
            pbx.originate(new OriginateRequest(id, STAYS, null, "2000", Duration.ofSeconds(5),
                    Map.of(MultiAsteriskPbx.SERVER_VARIABLE, "ast-b"))).get(15, TimeUnit.SECONDS);
            assertThat(pbx.serverOf(id)).contains("ast-b");
        }
        assertThat(simA.activeChannelCount()).isZero();

        assertThatThrownBy(() -> pbx.originate(new OriginateRequest("mx-pin-x", STAYS, null, "2000",
                Duration.ofSeconds(5), Map.of(MultiAsteriskPbx.SERVER_VARIABLE, "ast-z"))).get(1, TimeUnit.SECONDS))
                .hasCauseInstanceOf(PbxActionException.class).hasMessageContaining("Unknown PBX server ast-z");
    }

    @Test
    void a_call_id_live_on_one_server_cannot_be_originated_again() throws Exception {
        pbx.originate(call("mx-dup-1")).get(15, TimeUnit.SECONDS);

        assertThatThrownBy(() -> pbx.originate(call("mx-dup-1")).get(1, TimeUnit.SECONDS))
                .hasCauseInstanceOf(PbxActionException.class).hasMessageContaining("is in use");
    }

    @Test
    void spy_runs_on_the_server_of_the_call_and_its_session_hangs_up_there() throws Exception {
        pbx.originate(call("mx-spy-1")).get(15, TimeUnit.SECONDS);
        awaitBridged("mx-spy-1");
        String owner = pbx.serverOf("mx-spy-1").orElseThrow();
        PbxSimulator ownerSim = owner.equals("ast-a") ? simA : simB;

        SpySession session = pbx.spy("2999", "mx-spy-1", SpyMode.LISTEN).get(15, TimeUnit.SECONDS);
        assertThat(pbx.serverOf(session.spyId())).contains(owner);
        assertThat(ownerSim.activeChannelCount()).isEqualTo(6);

        pbx.hangup(session.spyId(), 16).get(15, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(15)).until(() -> ownerSim.activeChannelCount() == 4);
    }

    @Test
    void actions_on_an_unknown_call_are_refused_and_its_hangup_is_a_no_op() throws Exception {
        assertThatThrownBy(() -> pbx.park("mx-nobody", com.evscallpro.telephony.CallEvent.Leg.CUSTOMER)
                .get(1, TimeUnit.SECONDS)).hasCauseInstanceOf(PbxActionException.class)
                .hasMessageContaining("not known on any PBX server");
        pbx.hangup("mx-nobody", 16).get(15, TimeUnit.SECONDS);
        assertThat(pbx.channelStatus("mx-nobody").get(1, TimeUnit.SECONDS)).isEmpty();
    }
}
