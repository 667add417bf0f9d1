package com.evscallpro.telephony.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
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

/** The AMI adapter against the PBX simulator over TCP. */
class AsteriskAmiPbxAgainstSimulatorTest {

    static final String ANSWERS = "+33612345678";
    static final String STAYS = "+33612345679";
    static final String BUSY = "+33612345670";
    static final String NO_ANSWER = "+33612345671";
    static final String CONGESTED = "+33612345672";
    static final String UNALLOCATED = "+33612345673";
    static final String PRESSES_DIGITS = "+33612345674";

    private PbxSimulator sim;
    private AsteriskAmiPbx pbx;
    private final RecordingListener events = new RecordingListener();

    private void startBoth() throws InterruptedException {
        CustomerScript script = CustomerScript.random(7)
                .with(ANSWERS, CustomerBehaviour.answer(Duration.ofMillis(150), Duration.ofMillis(700)))
                .with(STAYS, CustomerBehaviour.answerAndStay(Duration.ofMillis(50)))
                .with(BUSY, CustomerBehaviour.busy())
                .with(NO_ANSWER, CustomerBehaviour.noAnswer())
                .with(CONGESTED, CustomerBehaviour.congestion())
                .with(UNALLOCATED, CustomerBehaviour.failed())
                .with(PRESSES_DIGITS, CustomerBehaviour.answerAndStay(Duration.ZERO).pressing("42#"));
        sim = new PbxSimulator(SimulatorSettings.defaults().withCustomers(script)
                .withAgentAnswerDelay(Duration.ofMillis(100))).start();
        pbx = new AsteriskAmiPbx(settings(sim.port()));
        pbx.addListener(events);
        pbx.start();
        assertThat(pbx.awaitConnected(Duration.ofSeconds(10))).isTrue();
    }

    static AmiSettings settings(int port) {
        return AmiSettings.of("127.0.0.1", port, "evs", "evs-secret")
                .withReconnect(Duration.ofMillis(100), Duration.ofMillis(500))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3));
    }

    @AfterEach
    void tearDown() {
        if (pbx != null) {
            pbx.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private static OriginateRequest request(String callId, String number, Duration ring) {
        return new OriginateRequest(callId, number, "\"EVS\" <0100000000>", "2000", ring, Map.of("EVS_CAMPAIGN", "7"));
    }

    @Test
    void answered_call_is_bridged_to_the_agent_and_the_customer_hanging_up_ends_both_legs() throws Exception {
        startBoth();
        OriginateResult result = pbx.originate(request("call-answer-1", ANSWERS, Duration.ofSeconds(5)))
                .get(15, TimeUnit.SECONDS);

        assertThat(result.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(result.reason()).isEqualTo(4);
        assertThat(result.uniqueId()).isEqualTo("call-answer-1");
        assertThat(result.channel()).startsWith("Local/" + ANSWERS + "@customers-").endsWith(";1");

        await().atMost(Duration.ofSeconds(15)).until(() -> events.summary("call-answer-1").size() >= 7);
        assertThat(events.summary("call-answer-1")).containsExactly("CREATED/CUSTOMER", "RINGING/CUSTOMER",
                "ANSWERED/CUSTOMER", "ANSWERED/AGENT", "BRIDGED/CUSTOMER", "HUNG_UP/AGENT", "HUNG_UP/CUSTOMER");
        CallEvent bridged = find("call-answer-1", Type.BRIDGED, Leg.CUSTOMER);
        assertThat(bridged.channel()).isEqualTo(result.channel());
        assertThat(bridged.detail()).startsWith("Local/2000@agents-").endsWith(";1");
        CallEvent customerGone = find("call-answer-1", Type.HUNG_UP, Leg.CUSTOMER);
        assertThat(customerGone.cause()).isEqualTo(16);
        assertThat(customerGone.causeText()).isEqualTo("Normal Clearing");
        assertThat(customerGone.uniqueId()).isEqualTo("call-answer-1");
        assertThat(find("call-answer-1", Type.HUNG_UP, Leg.AGENT).cause()).isEqualTo(16);
        assertThat(events.events()).allMatch(e -> e.linkedId().equals("call-answer-1"));
        assertThat(events.threads()).containsOnly("ami-dispatcher");
        await().atMost(Duration.ofSeconds(15)).until(() -> sim.activeChannelCount() == 0);
    }

    @Test
    void busy_customer_fails_the_originate_with_cause_17() throws Exception {
        startBoth();
        OriginateResult result = pbx.originate(request("call-busy-1", BUSY, Duration.ofSeconds(5)))
                .get(15, TimeUnit.SECONDS);

        assertThat(result.outcome()).isEqualTo(CallOutcome.BUSY);
        assertThat(result.reason()).isEqualTo(5);
        assertThat(result.q850Cause()).isEqualTo(17);
        await().atMost(Duration.ofSeconds(15)).until(() -> events.summary("call-busy-1").contains("HUNG_UP/CUSTOMER"));
        CallEvent failed = find("call-busy-1", Type.FAILED, Leg.CUSTOMER);
        assertThat(failed.detail()).isEqualTo("BUSY");
        assertThat(failed.cause()).isEqualTo(17);
        assertThat(find("call-busy-1", Type.HUNG_UP, Leg.CUSTOMER).cause()).isEqualTo(17);
        assertThat(events.summary("call-busy-1")).doesNotContain("ANSWERED/CUSTOMER")
                .filteredOn(s -> s.startsWith("HUNG_UP")).hasSize(1);
    }

    @Test
    void unanswered_customer_rings_until_the_timeout_and_fails_with_cause_19() throws Exception {
        startBoth();
        long t0 = System.nanoTime();
        OriginateResult result = pbx.originate(request("call-noanswer-1", NO_ANSWER, Duration.ofMillis(800)))
                .get(15, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(750));
        assertThat(result.outcome()).isEqualTo(CallOutcome.NO_ANSWER);
        assertThat(result.reason()).isEqualTo(3);
        assertThat(result.q850Cause()).isEqualTo(19);
        assertThat(events.summary("call-noanswer-1")).startsWith("CREATED/CUSTOMER", "RINGING/CUSTOMER");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> events.summary("call-noanswer-1").contains("HUNG_UP/CUSTOMER"));
        assertThat(find("call-noanswer-1", Type.HUNG_UP, Leg.CUSTOMER).causeText())
                .isEqualTo("User alerting, no answer");
    }

    @Test
    void congestion_and_unallocated_numbers_fail_with_their_causes() throws Exception {
        startBoth();
        CompletableFuture<OriginateResult> congested = pbx.originate(request("call-cong-1", CONGESTED,
                Duration.ofSeconds(5)));
        CompletableFuture<OriginateResult> unallocated = pbx.originate(request("call-unalloc-1", UNALLOCATED,
                Duration.ofSeconds(5)));

        assertThat(congested.get(15, TimeUnit.SECONDS))
                .extracting(OriginateResult::outcome, OriginateResult::reason, OriginateResult::q850Cause)
                .containsExactly(CallOutcome.CONGESTION, 8, 34);
        assertThat(unallocated.get(15, TimeUnit.SECONDS))
                .extracting(OriginateResult::outcome, OriginateResult::reason, OriginateResult::q850Cause)
                .containsExactly(CallOutcome.FAILED, 0, 1);
    }

    @Test
    void app_side_hangup_of_a_connected_call_ends_both_legs() throws Exception {
        startBoth();
        pbx.originate(request("call-hangup-1", STAYS, Duration.ofSeconds(5))).get(15, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(15)).until(() -> events.summary("call-hangup-1").contains("BRIDGED/CUSTOMER"));
        assertThat(sim.activeChannelCount()).isEqualTo(4);

        pbx.hangup("call-hangup-1", 16).get(15, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(15)).until(() -> events.summary("call-hangup-1")
                .containsAll(java.util.List.of("HUNG_UP/CUSTOMER", "HUNG_UP/AGENT")));
        assertThat(find("call-hangup-1", Type.HUNG_UP, Leg.CUSTOMER).cause()).isEqualTo(16);
        assertThat(events.summary("call-hangup-1")).filteredOn(s -> s.startsWith("HUNG_UP")).hasSize(2);
        await().atMost(Duration.ofSeconds(15)).until(() -> sim.activeChannelCount() == 0);
        // hanging up a call that is already over is a no-op
        pbx.hangup("call-hangup-1", 16).get(15, TimeUnit.SECONDS);
    }

    @Test
    void customer_dtmf_reaches_the_listeners() throws Exception {
        startBoth();
        pbx.originate(request("call-dtmf-1", PRESSES_DIGITS, Duration.ofSeconds(5))).get(15, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(15)).until(() -> events.of("call-dtmf-1").stream()
                .filter(e -> e.type() == Type.DTMF).count() == 3);
        assertThat(events.of("call-dtmf-1").stream().filter(e -> e.type() == Type.DTMF).map(CallEvent::detail))
                .containsExactly("4", "2", "#");
        pbx.hangup("call-dtmf-1", 16).get(15, TimeUnit.SECONDS);
    }

    @Test
    void ami_refused_at_start_then_connects_when_the_pbx_comes_up() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        pbx = new AsteriskAmiPbx(settings(port));
        pbx.addListener(events);
        pbx.start();
        Thread.sleep(600);
        assertThat(pbx.isConnected()).isFalse();
        assertThatThrownBy(() -> pbx.originate(request("call-down-1", ANSWERS, Duration.ofSeconds(5))).get())
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(PbxActionException.class);

        sim = new PbxSimulator(SimulatorSettings.defaults().withPort(port)
                .withCustomers(CustomerScript.alwaysAnswer(Duration.ZERO, Duration.ofMillis(200)))).start();

        assertThat(pbx.awaitConnected(Duration.ofSeconds(10))).isTrue();
        OriginateResult result = pbx.originate(request("call-up-1", ANSWERS, Duration.ofSeconds(5)))
                .get(15, TimeUnit.SECONDS);
        assertThat(result.outcome()).isEqualTo(CallOutcome.ANSWERED);
    }

    @Test
    void originate_with_a_call_id_still_in_use_completes_exceptionally() throws Exception {
        startBoth();
        pbx.originate(request("call-dup-1", STAYS, Duration.ofSeconds(5))).get(15, TimeUnit.SECONDS);
        CompletableFuture<OriginateResult> again = pbx.originate(request("call-dup-1", STAYS, Duration.ofSeconds(5)));
        assertThatThrownBy(() -> again.get(15, TimeUnit.SECONDS)).hasCauseInstanceOf(PbxActionException.class);
        pbx.hangup("call-dup-1", 16).get(15, TimeUnit.SECONDS);
    }

    @Test
    void a_slow_listener_makes_the_dispatcher_warn_that_it_lags_but_the_reader_keeps_reading() throws Exception {
        startBoth();
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(AsteriskAmiPbx.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender =
                new ch.qos.logback.core.read.ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            pbx.addListener(e -> {
                try {
                    Thread.sleep(150);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            });
            OriginateResult result = pbx.originate(request("call-slow-1", ANSWERS, Duration.ofSeconds(5)))
                    .get(10, TimeUnit.SECONDS);
            assertThat(result.outcome()).isEqualTo(CallOutcome.ANSWERED);
            await().atMost(Duration.ofSeconds(10)).until(() -> snapshot(appender).stream()
                    .anyMatch(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN
                            && e.getFormattedMessage().contains("behind the reader")));
            // the simulator never waited for us: the call ended on the PBX while we were still dispatching
            await().atMost(Duration.ofSeconds(15)).until(() -> sim.activeChannelCount() == 0);
            await().atMost(Duration.ofSeconds(10)).until(() -> events.summary("call-slow-1").size() == 7);
        } finally {
            logger.detachAppender(appender);
        }
    }

    private static java.util.List<ch.qos.logback.classic.spi.ILoggingEvent> snapshot(
            ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender) {
        synchronized (appender) {
            return new java.util.ArrayList<>(appender.list);
        }
    }

    private CallEvent find(String callId, Type type, Leg leg) {
        return events.of(callId).stream().filter(e -> e.type() == type && e.leg() == leg).findFirst()
                .orElseThrow(() -> new AssertionError(type + "/" + leg + " not in " + events.summary(callId)));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
