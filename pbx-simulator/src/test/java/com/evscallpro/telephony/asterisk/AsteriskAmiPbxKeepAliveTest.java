package com.evscallpro.telephony.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.evscallpro.telephony.CallOutcome;
import com.evscallpro.telephony.OriginateRequest;
import com.evscallpro.simulator.CustomerBehaviour;
import com.evscallpro.simulator.CustomerScript;
import com.evscallpro.simulator.PbxSimulator;
import com.evscallpro.simulator.SimulatorSettings;
import com.evscallpro.telephony.testing.RecordingListener;

/**
 * Half-open AMI connection: the PBX stops answering without closing the socket ({@link PbxSimulator#freeze}); the
 * keep-alive Ping finds it out, forces the reconnect and the resync once the PBX answers again.
 */
class AsteriskAmiPbxKeepAliveTest {

    static final String STAYS = "+33700000201";

    private PbxSimulator sim;
    private AsteriskAmiPbx pbx;
    private final RecordingListener events = new RecordingListener();

    @BeforeEach
    void start() throws Exception {
        sim = new PbxSimulator(SimulatorSettings.defaults().withAgentAnswerDelay(Duration.ofMillis(50))
                .withCustomers(CustomerScript.random(5).with(STAYS, CustomerBehaviour.answerAndStay(Duration.ZERO))))
                .start();
        pbx = new AsteriskAmiPbx(settings(sim.port()));
        pbx.addListener(events);
        pbx.start();
        assertThat(pbx.awaitConnected(Duration.ofSeconds(10))).isTrue();
    }

    static AmiSettings settings(int port) {
        return AsteriskAmiPbxAgainstSimulatorTest.settings(port)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1))
                .withKeepAlive(Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @AfterEach
    void stop() {
        pbx.close();
        sim.close();
    }

    private void connectedCall(String callId) throws Exception {
        assertThat(pbx.originate(new OriginateRequest(callId, STAYS, null, "2000", Duration.ofSeconds(5), Map.of()))
                .get(15, TimeUnit.SECONDS).outcome()).isEqualTo(CallOutcome.ANSWERED);
        await().atMost(Duration.ofSeconds(15)).until(() -> events.summary(callId).contains("BRIDGED/CUSTOMER"));
    }

    private void freezeAndAwaitReconnect(Duration freeze, Runnable whileFrozen) {
        sim.freeze(freeze);
        await().atMost(Duration.ofSeconds(3)).until(() -> pbx.deadConnectionsDetected() >= 1);
        assertThat(pbx.isConnected()).as("a dead connection is not reported connected").isFalse();
        whileFrozen.run();
        await().atMost(Duration.ofSeconds(15)).until(() -> pbx.isConnected() && pbx.reconnectCount() >= 1);
    }

    @Test
    void a_healthy_pbx_answers_every_ping_and_is_never_reconnected() throws Exception {
        // a 1.5 s answer limit (a Ping every ~1.7 s: the next one waits for the check of the last): the pauses of a
        // loaded CI machine are not a dead PBX
        pbx.close();
        pbx = new AsteriskAmiPbx(settings(sim.port()).withKeepAlive(Duration.ofMillis(200), Duration.ofMillis(1500)));
        pbx.start();
        assertThat(pbx.awaitConnected(Duration.ofSeconds(10))).isTrue();
        long pingsBefore = sim.pingsAnswered();
        Thread.sleep(3800);
        assertThat(sim.pingsAnswered() - pingsBefore).as("pings were sent and answered").isGreaterThanOrEqualTo(2);
        assertThat(pbx.deadConnectionsDetected()).isZero();
        assertThat(pbx.reconnectCount()).isZero();
        assertThat(pbx.isConnected()).isTrue();
    }

    @Test
    void frozen_pbx_is_found_dead_by_the_keep_alive_and_reconnected_after_the_thaw_with_live_calls_kept()
            throws Exception {
        connectedCall("ka-live-1");

        freezeAndAwaitReconnect(Duration.ofSeconds(2), () -> { });
        Thread.sleep(500); // the resync lands

        assertThat(events.summary("ka-live-1")).as("no event applied twice, nothing lost")
                .containsExactly("CREATED/CUSTOMER", "ANSWERED/CUSTOMER", "ANSWERED/AGENT", "BRIDGED/CUSTOMER");
        pbx.hangup("ka-live-1", 16).get(15, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(15)).until(() -> events.summary("ka-live-1")
                .containsAll(List.of("HUNG_UP/CUSTOMER", "HUNG_UP/AGENT")));
        assertThat(events.summary("ka-live-1")).filteredOn(s -> s.startsWith("HUNG_UP")).hasSize(2);
        assertThat(sim.activeChannelCount()).isZero();

        assertThat(pbx.originate(new OriginateRequest("ka-after-1", STAYS, null, "2000", Duration.ofSeconds(5),
                Map.of())).get(15, TimeUnit.SECONDS).outcome()).isEqualTo(CallOutcome.ANSWERED);
    }

    @Test
    void call_that_ended_while_the_pbx_was_frozen_is_reported_hung_up_once_after_the_thaw() throws Exception {
        connectedCall("ka-ended-1");

        freezeAndAwaitReconnect(Duration.ofSeconds(2), () -> assertThat(sim.customerHangsUp(STAYS)).isEqualTo(1));

        await().atMost(Duration.ofSeconds(15)).until(() -> events.summary("ka-ended-1")
                .containsAll(List.of("HUNG_UP/CUSTOMER", "HUNG_UP/AGENT")));
        Thread.sleep(800); // the events written at the thaw went to the dead socket, not to us
        List<String> seen = events.summary("ka-ended-1");
        assertThat(seen).hasSize(6);
        assertThat(seen.subList(0, 4)).containsExactly("CREATED/CUSTOMER", "ANSWERED/CUSTOMER", "ANSWERED/AGENT",
                "BRIDGED/CUSTOMER");
        assertThat(seen.subList(4, 6)).containsExactlyInAnyOrder("HUNG_UP/CUSTOMER", "HUNG_UP/AGENT");
    }

    @Test
    void keep_alive_can_be_switched_off() throws Exception {
        pbx.close();
        pbx = new AsteriskAmiPbx(settings(sim.port()).withKeepAlive(Duration.ZERO, Duration.ofMillis(400)));
        pbx.start();
        assertThat(pbx.awaitConnected(Duration.ofSeconds(10))).isTrue();

        sim.freeze(Duration.ofMillis(1500));
        Thread.sleep(1200);

        assertThat(pbx.deadConnectionsDetected()).isZero();
        assertThat(pbx.isConnected()).as("without keep-alive a half-open connection looks alive").isTrue();
    }
}
