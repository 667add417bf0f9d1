package com.evscallpro.telephony.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.evscallpro.telephony.CallEvent;
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

/** A PBX slow to answer its actions ({@link PbxSimulator#actionDelay}): nothing waits on it but the futures. */
class AsteriskAmiPbxSlowPbxTest {

    static final String STAYS = "+33700000301";
    static final String FIRST = "+33700000302";

    private PbxSimulator sim;
    private AsteriskAmiPbx pbx;
    private final RecordingListener events = new RecordingListener();

    @BeforeEach
    void start() throws Exception {
        sim = new PbxSimulator(SimulatorSettings.defaults().withAgentAnswerDelay(Duration.ofMillis(50))
                .withCustomers(CustomerScript.random(9)
                        .with(STAYS, CustomerBehaviour.answerAndStay(Duration.ofMillis(100)))
                        .with(FIRST, CustomerBehaviour.answerAndStay(Duration.ZERO)))).start();
        pbx = new AsteriskAmiPbx(AsteriskAmiPbxAgainstSimulatorTest.settings(sim.port())
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1))
                // Pings wait behind the slow actions too: the answer limit stays above every delay used here (4 s at
                // most), as a production limit must stay above the PBX's worst action time; AsteriskAmiPbxKeepAliveTest
                // is where a PBX that stops answering is found
                .withKeepAlive(Duration.ofMillis(200), Duration.ofSeconds(8)));
        pbx.addListener(events);
        pbx.start();
        assertThat(pbx.awaitConnected(Duration.ofSeconds(10))).isTrue();
    }

    @AfterEach
    void stop() {
        pbx.close();
        sim.close();
    }

    @Test
    void originates_to_a_slow_pbx_return_at_once_and_all_complete() throws Exception {
        sim.actionDelay(Duration.ofMillis(1500)); // longer than the response timeout (1 s)

        long t0 = System.nanoTime();
        List<CompletableFuture<OriginateResult>> futures = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            futures.add(pbx.originate(new OriginateRequest("slow-" + i, STAYS, null, "2000", Duration.ofSeconds(10),
                    Map.of())));
        }
        long callerMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertThat(callerMillis).as("the caller never waits on the PBX (1.5 s per action)").isLessThan(1000);

        for (CompletableFuture<OriginateResult> f : futures) {
            assertThat(f.get(15, TimeUnit.SECONDS).outcome()).isEqualTo(CallOutcome.ANSWERED);
        }
        long totalMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertThat(totalMillis).as("actions sent together are answered together, not one delay each")
                .isLessThan(8000);
        assertThat(pbx.isConnected()).isTrue();
        assertThat(pbx.deadConnectionsDetected()).as("a slow PBX that still sends events is alive").isZero();
    }

    @Test
    void dispatcher_keeps_delivering_pbx_events_while_actions_wait_for_a_slow_pbx() throws Exception {
        pbx.originate(new OriginateRequest("slow-first", FIRST, null, "2000", Duration.ofSeconds(5), Map.of()))
                .get(15, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(15)).until(() -> events.summary("slow-first").contains("BRIDGED/CUSTOMER"));
        sim.actionDelay(Duration.ofSeconds(4));
        List<CompletableFuture<?>> waiting = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            waiting.add(pbx.originate(new OriginateRequest("slow-wait-" + i, STAYS, null, "2000",
                    Duration.ofSeconds(10), Map.of())));
        }
        waiting.add(pbx.channelStatus("slow-first")); // a blocking request/response on ami-actions

        long t0 = System.nanoTime();
        assertThat(sim.customerHangsUp(FIRST)).isEqualTo(1); // the PBX sends this on its own, no action needed
        // the slow actions take 4 s; the hangup must not wait for them (2.5 s leaves room for a loaded machine)
        await().atMost(Duration.ofMillis(2500)).until(() -> events.summary("slow-first").contains("HUNG_UP/CUSTOMER"));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

        assertThat(millis).as("the hangup reached the listener without waiting for the slow actions")
                .isLessThan(2500);
        for (int i = 0; i < 10; i++) {
            assertThat(((OriginateResult) waiting.get(i).get(15, TimeUnit.SECONDS)).outcome())
                    .isEqualTo(CallOutcome.ANSWERED);
        }
    }

    @Test
    void hangup_answered_after_the_response_timeout_fails_its_future_but_the_call_still_ends() throws Exception {
        pbx.originate(new OriginateRequest("slow-hang", FIRST, null, "2000", Duration.ofSeconds(5), Map.of()))
                .get(15, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(15)).until(() -> events.summary("slow-hang").contains("BRIDGED/CUSTOMER"));
        sim.actionDelay(Duration.ofMillis(1500));

        assertThatThrownBy(() -> pbx.hangup("slow-hang", 16).get(15, TimeUnit.SECONDS))
                .hasCauseInstanceOf(PbxActionException.class);

        await().atMost(Duration.ofSeconds(15)).until(() -> events.summary("slow-hang")
                .containsAll(List.of("HUNG_UP/CUSTOMER", "HUNG_UP/AGENT")));
        CallEvent hungUp = events.of("slow-hang").stream().filter(e -> e.type() == Type.HUNG_UP).findFirst()
                .orElseThrow();
        assertThat(hungUp.cause()).isEqualTo(16);
        assertThat(pbx.isConnected()).isTrue();
    }
}
