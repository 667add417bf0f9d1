package com.evscallpro.telephony.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.evscallpro.telephony.CallEvent;
import com.evscallpro.telephony.CallEvent.Leg;
import com.evscallpro.telephony.CallEvent.Type;
import com.evscallpro.telephony.CallOutcome;
import com.evscallpro.telephony.OriginateRequest;
import com.evscallpro.telephony.OriginateResult;
import com.evscallpro.telephony.PbxActionException;
import com.evscallpro.simulator.CustomerBehaviour;
import com.evscallpro.simulator.CustomerScript;
import com.evscallpro.simulator.PbxSimulator;
import com.evscallpro.simulator.SimulatorSettings;
import com.evscallpro.telephony.testing.RecordingListener;

/** AMI dropped mid-call: asterisk-java reconnects, the adapter resynchronises with CoreShowChannels. */
class AsteriskAmiPbxReconnectTest {

    static final String STAYS = "+33700000001";
    static final String RINGS_LONG = "+33700000002";

    private PbxSimulator sim;
    private AsteriskAmiPbx pbx;
    private final RecordingListener events = new RecordingListener();

    @BeforeEach
    void start() throws Exception {
        sim = new PbxSimulator(SimulatorSettings.defaults().withAgentAnswerDelay(Duration.ofMillis(50))
                .withCustomers(CustomerScript.random(3)
                        .with(STAYS, CustomerBehaviour.answerAndStay(Duration.ZERO))
                        .with(RINGS_LONG, CustomerBehaviour.answerAndStay(Duration.ofMillis(1500))))).start();
        pbx = new AsteriskAmiPbx(AsteriskAmiPbxAgainstSimulatorTest.settings(sim.port()));
        pbx.addListener(events);
        pbx.start();
        assertThat(pbx.awaitConnected(Duration.ofSeconds(10))).isTrue();
    }

    @AfterEach
    void stop() {
        pbx.close();
        sim.close();
    }

    private OriginateResult connectedCall(String callId) throws Exception {
        OriginateResult r = pbx.originate(new OriginateRequest(callId, STAYS, null, "2000", Duration.ofSeconds(5),
                Map.of())).get(15, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(15)).until(() -> events.summary(callId).contains("BRIDGED/CUSTOMER"));
        return r;
    }

    private void dropAndAwaitReconnect(Runnable duringOutage) throws Exception {
        sim.dropConnections(Duration.ofMillis(300));
        await().atMost(Duration.ofSeconds(15)).until(() -> !pbx.isConnected());
        duringOutage.run();
        await().atMost(Duration.ofSeconds(15)).until(pbx::isConnected);
    }

    @Test
    void call_that_survives_the_outage_is_still_known_and_can_be_hung_up() throws Exception {
        connectedCall("rc-survive-1");

        dropAndAwaitReconnect(() -> assertThatThrownBy(() -> pbx.originate(new OriginateRequest("rc-during-1",
                STAYS, null, "2000", Duration.ofSeconds(5), Map.of())).get())
                .hasCauseInstanceOf(PbxActionException.class));
        Thread.sleep(300); // let the resync land
        assertThat(events.summary("rc-survive-1")).doesNotContain("HUNG_UP/CUSTOMER", "HUNG_UP/AGENT");

        pbx.hangup("rc-survive-1", 16).get(15, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(15)).until(() -> events.summary("rc-survive-1")
                .containsAll(List.of("HUNG_UP/CUSTOMER", "HUNG_UP/AGENT")));
        assertThat(events.summary("rc-survive-1")).containsExactly("CREATED/CUSTOMER", "ANSWERED/CUSTOMER",
                "ANSWERED/AGENT", "BRIDGED/CUSTOMER", "HUNG_UP/AGENT", "HUNG_UP/CUSTOMER");
        assertThat(sim.activeChannelCount()).isZero();
    }

    @Test
    void call_that_ended_during_the_outage_is_reported_hung_up_once_after_the_resync() throws Exception {
        connectedCall("rc-ended-1");

        dropAndAwaitReconnect(() -> assertThat(sim.customerHangsUp(STAYS)).isEqualTo(1));

        await().atMost(Duration.ofSeconds(15)).until(() -> events.summary("rc-ended-1")
                .containsAll(List.of("HUNG_UP/CUSTOMER", "HUNG_UP/AGENT")));
        Thread.sleep(300);
        assertThat(events.summary("rc-ended-1")).filteredOn(s -> s.startsWith("HUNG_UP")).hasSize(2);
        CallEvent gone = events.of("rc-ended-1").stream()
                .filter(e -> e.type() == Type.HUNG_UP && e.leg() == Leg.CUSTOMER).findFirst().orElseThrow();
        assertThat(gone.cause()).as("the cause was lost with the connection").isZero();
    }

    @Test
    void originate_outcome_arriving_after_the_reconnect_still_completes_the_future() throws Exception {
        CompletableFuture<OriginateResult> pending = pbx.originate(new OriginateRequest("rc-late-1", RINGS_LONG, null,
                "2000", Duration.ofSeconds(10), Map.of()));
        await().atMost(Duration.ofSeconds(15)).until(() -> events.summary("rc-late-1").contains("RINGING/CUSTOMER"));

        dropAndAwaitReconnect(() -> { });

        OriginateResult result = pending.get(10, TimeUnit.SECONDS);
        assertThat(result.outcome()).isEqualTo(CallOutcome.ANSWERED);
        await().atMost(Duration.ofSeconds(15)).until(() -> events.summary("rc-late-1").contains("BRIDGED/CUSTOMER"));
        assertThat(events.summary("rc-late-1")).containsExactly("CREATED/CUSTOMER", "RINGING/CUSTOMER",
                "ANSWERED/CUSTOMER", "ANSWERED/AGENT", "BRIDGED/CUSTOMER");
        pbx.hangup("rc-late-1", 16).get(15, TimeUnit.SECONDS);
    }

    @Test
    void pbx_restart_ends_live_calls_and_pending_originates() throws Exception {
        connectedCall("rc-restart-1");
        CompletableFuture<OriginateResult> pending = pbx.originate(new OriginateRequest("rc-restart-2", RINGS_LONG,
                null, "2000", Duration.ofSeconds(10), Map.of()));
        await().atMost(Duration.ofSeconds(15)).until(() -> events.summary("rc-restart-2").contains("RINGING/CUSTOMER"));

        sim.simulateRestart(Duration.ofMillis(300));
        await().atMost(Duration.ofSeconds(15)).until(() -> events.summary("rc-restart-1")
                .containsAll(List.of("HUNG_UP/CUSTOMER", "HUNG_UP/AGENT")));

        OriginateResult lost = pending.get(10, TimeUnit.SECONDS);
        assertThat(lost.outcome()).isEqualTo(CallOutcome.FAILED);
        assertThat(events.summary("rc-restart-2")).contains("FAILED/CUSTOMER", "HUNG_UP/CUSTOMER");
        assertThat(pbx.isConnected()).isTrue();
    }
}
