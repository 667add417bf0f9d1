package com.evscallpro.telephony.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.evscallpro.telephony.CallEvent;
import com.evscallpro.telephony.CallEvent.Leg;
import com.evscallpro.telephony.CallEvent.Type;
import com.evscallpro.telephony.CallOutcome;
import com.evscallpro.telephony.OriginateRequest;
import com.evscallpro.telephony.OriginateResult;
import com.evscallpro.telephony.testing.RecordingListener;
import com.evscallpro.telephony.testing.Transcripts;
import com.evscallpro.telephony.testing.WireFrame;

/**
 * The adapter fed with what a real Asterisk 22.10 sent in the production-shaped captures 11-14: customers reached
 * through a trunk Dial() behind the customers context, an agent phone whose name says nothing of the agent context,
 * a PBX restarted or killed in the middle of a bridged call, an agent phone that cannot be reached. The replay server
 * applies the adapter's own AMI Filters, as Asterisk does, so only what the filters let through reaches the adapter.
 * The call id is the captured {@code ;1} Uniqueid, as it would have been with {@code ChannelId} = call id.
 */
class AsteriskAmiPbxProductionShapeReplayTest {

    /** The originate's Context in these captures: where the answered customer dials the agent's phone. */
    private static final String AGENT_CONTEXT = "fx2-to-agent";

    private record Run(AsteriskAmiPbx pbx, ReplayAmiServer server, RecordingListener events, String callId,
                       OriginateResult result) implements AutoCloseable {

        List<String> summary() {
            return events.summary(callId);
        }

        CallEvent only(Type type, Leg leg) {
            List<CallEvent> found = events.of(callId).stream().filter(e -> e.type() == type && e.leg() == leg)
                    .toList();
            assertThat(found).as("%s/%s in %s", type, leg, summary()).hasSize(1);
            return found.get(0);
        }

        @Override
        public void close() throws Exception {
            pbx.close();
            server.close();
        }
    }

    private static Run replay(String scenario, int run, String number, String customersContext, String agentContext,
                              ReplayAmiServer server) throws Exception {
        List<WireFrame> frames = Transcripts.receivedFrames(scenario, run);
        String callId = frames.stream().filter(f -> "Newchannel".equals(f.event())).findFirst().orElseThrow()
                .get("Uniqueid");
        RecordingListener events = new RecordingListener();
        AsteriskAmiPbx pbx = new AsteriskAmiPbx(AmiSettings.of("127.0.0.1", server.port(), "evscallpro", "evs-secret")
                .withDialing("Local/{number}@" + customersContext, agentContext)
                .withReconnect(Duration.ofMillis(50), Duration.ofMillis(200))
                .withFailureCauseWait(Duration.ofSeconds(2)));
        pbx.addListener(events);
        pbx.start();
        assertThat(pbx.awaitConnected(Duration.ofSeconds(10))).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> pbx.eventFilterInstalls() == 1);
        OriginateResult result = pbx.originate(new OriginateRequest(callId, number, "\"FX2 Campaign\" <+33100000000>",
                "2001", Duration.ofSeconds(15), Map.of())).get(10, TimeUnit.SECONDS);
        return new Run(pbx, server, events, callId, result);
    }

    private static Run replay(String scenario, int run, String number, String customersContext) throws Exception {
        return replay(scenario, run, number, customersContext, AGENT_CONTEXT,
                new ReplayAmiServer(Transcripts.bytes(scenario, run, "recv.raw")).applyingFilters());
    }

    // ------------------------------------------------------------------ item 8: busy / congestion behind a trunk

    @ParameterizedTest(name = "run{0}")
    @ValueSource(ints = {1, 2})
    void a_busy_customer_behind_a_trunk_dial_is_busy_with_cause_17_although_the_originate_said_reason_0(int run)
            throws Exception {
        try (Run r = replay("11a-originate-via-trunk-busy", run, "+33612340017", "fx2-customers")) {
            assertThat(r.result().reason()).as("what OriginateResponse said").isZero();
            assertThat(r.result().outcome()).isEqualTo(CallOutcome.BUSY);
            assertThat(r.result().q850Cause()).isEqualTo(17);
            CallEvent failed = r.only(Type.FAILED, Leg.CUSTOMER);
            assertThat(failed.detail()).isEqualTo("BUSY");
            assertThat(failed.cause()).isEqualTo(17);
            await().atMost(Duration.ofSeconds(10)).until(() -> r.summary().contains("HUNG_UP/CUSTOMER"));
            assertThat(r.only(Type.HUNG_UP, Leg.CUSTOMER).cause()).as("the trunk's own cause, not the 16 of Hangup(0)")
                    .isEqualTo(17);
            assertThat(r.summary()).doesNotContain("ANSWERED/CUSTOMER").noneMatch(s -> s.endsWith("/AGENT"));
        }
    }

    @ParameterizedTest(name = "run{0}")
    @ValueSource(ints = {1, 2})
    void a_congested_trunk_is_congestion_with_cause_34(int run) throws Exception {
        try (Run r = replay("11b-originate-via-trunk-congestion", run, "+33612340034", "fx2-customers")) {
            assertThat(r.result().reason()).isZero();
            assertThat(r.result().outcome()).isEqualTo(CallOutcome.CONGESTION);
            assertThat(r.result().q850Cause()).isEqualTo(34);
            assertThat(r.only(Type.FAILED, Leg.CUSTOMER).detail()).isEqualTo("CONGESTION");
        }
    }

    @ParameterizedTest(name = "run{0}")
    @ValueSource(ints = {1, 2})
    void a_trunk_that_rings_out_stays_no_answer_with_cause_19(int run) throws Exception {
        try (Run r = replay("11c-originate-via-trunk-noanswer", run, "+33612340019", "fx2-customers")) {
            assertThat(r.result().reason()).isEqualTo(3);
            assertThat(r.result().outcome()).isEqualTo(CallOutcome.NO_ANSWER);
            assertThat(r.result().q850Cause()).isEqualTo(19);
            assertThat(r.summary()).startsWith("CREATED/CUSTOMER", "RINGING/CUSTOMER");
        }
    }

    @ParameterizedTest(name = "run{0}")
    @ValueSource(ints = {1, 2})
    void an_unallocated_number_behind_a_trunk_fails_with_cause_1_not_no_answer(int run) throws Exception {
        try (Run r = replay("11d-originate-via-trunk-unallocated", run, "+33612340001", "fx2-customers")) {
            assertThat(r.result().reason()).isZero();
            assertThat(r.result().outcome()).as("DIALSTATUS CHANUNAVAIL wins over DialEnd NOANSWER")
                    .isEqualTo(CallOutcome.FAILED);
            assertThat(r.result().q850Cause()).isEqualTo(1);
        }
    }

    // ------------------------------------------------------------------ item 7: the agent leg by structure

    @ParameterizedTest(name = "run{0}")
    @ValueSource(ints = {1, 2})
    void the_phone_dialled_by_the_answered_customer_is_the_agent_leg_whatever_its_name(int run) throws Exception {
        try (Run r = replay("12-originate-bridge-agent-nonlocal-name", run, "+33612340001", "fx2-answer")) {
            assertThat(r.result().outcome()).isEqualTo(CallOutcome.ANSWERED);
            await().atMost(Duration.ofSeconds(15)).until(() -> r.summary()
                    .containsAll(List.of("HUNG_UP/CUSTOMER", "HUNG_UP/AGENT")));
            assertThat(r.summary()).containsExactly("CREATED/CUSTOMER", "ANSWERED/CUSTOMER", "ANSWERED/AGENT",
                    "BRIDGED/CUSTOMER", "HUNG_UP/AGENT", "HUNG_UP/CUSTOMER");
            assertThat(r.only(Type.ANSWERED, Leg.AGENT).channel()).startsWith("Local/2001@fx2-phone-");
            CallEvent bridged = r.only(Type.BRIDGED, Leg.CUSTOMER);
            assertThat(bridged.channel()).startsWith("Local/+33612340001@fx2-answer-").endsWith(";1");
            assertThat(bridged.detail()).startsWith("Local/2001@fx2-phone-").endsWith(";1");
            assertThat(r.only(Type.HUNG_UP, Leg.AGENT).cause()).isEqualTo(16);
            assertThat(r.only(Type.HUNG_UP, Leg.CUSTOMER).cause()).isEqualTo(16);
        }
    }

    // ------------------------------------------------------------------ item 10: the agent phone not reached

    @ParameterizedTest(name = "run{0}")
    @ValueSource(ints = {1, 2})
    void an_unreachable_agent_phone_is_a_failed_agent_leg_with_chanunavail(int run) throws Exception {
        try (Run r = replay("14-originate-agent-unreachable", run, "+33612340001", "fx2-answer")) {
            assertThat(r.result().outcome()).isEqualTo(CallOutcome.ANSWERED);
            await().atMost(Duration.ofSeconds(15)).until(() -> r.summary().contains("HUNG_UP/CUSTOMER"));
            CallEvent failed = r.only(Type.FAILED, Leg.AGENT);
            assertThat(failed.detail()).isEqualTo("CHANUNAVAIL");
            assertThat(failed.callId()).isEqualTo(r.callId());
            assertThat(r.summary()).doesNotContain("ANSWERED/AGENT", "BRIDGED/CUSTOMER", "FAILED/CUSTOMER");
            assertThat(r.summary().indexOf("FAILED/AGENT")).isLessThan(r.summary().indexOf("HUNG_UP/CUSTOMER"));
        }
    }

    // ------------------------------------------------------------------ item 9: restart versus crash

    @ParameterizedTest(name = "run{0}")
    @ValueSource(ints = {1, 2})
    void a_clean_restart_keeps_the_real_causes_of_its_hangups(int run) throws Exception {
        String scenario = "13a-asterisk-restart-during-bridged-call";
        ReplayAmiServer server = new ReplayAmiServer(Transcripts.bytes(scenario, run, "recv.raw")).applyingFilters()
                .endingWithThePbxGone(Duration.ofMillis(300));
        try (Run r = replay(scenario, run, "+33612340001", "fx2-answer", AGENT_CONTEXT, server)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> r.pbx().reconnectCount() == 1 && r.pbx().isConnected());
            await().atMost(Duration.ofSeconds(15)).until(() -> r.summary()
                    .containsAll(List.of("HUNG_UP/CUSTOMER", "HUNG_UP/AGENT")));
            Thread.sleep(300); // the post-reconnect resync must not add anything
            // the order of the two legs' teardown varies between the runs
            assertThat(r.summary()).containsExactlyInAnyOrder("CREATED/CUSTOMER", "ANSWERED/CUSTOMER",
                    "ANSWERED/AGENT", "BRIDGED/CUSTOMER", "HUNG_UP/AGENT", "HUNG_UP/CUSTOMER");
            assertThat(r.summary()).startsWith("CREATED/CUSTOMER", "ANSWERED/CUSTOMER", "ANSWERED/AGENT",
                    "BRIDGED/CUSTOMER");
            for (Leg leg : List.of(Leg.CUSTOMER, Leg.AGENT)) {
                CallEvent gone = r.only(Type.HUNG_UP, leg);
                assertThat(gone.endedDuringOutage()).isFalse();
                assertThat(gone.cause()).isEqualTo(16);
                assertThat(gone.causeText()).isEqualTo("Normal Clearing");
                assertThat(gone.at()).isBefore(r.server().logins().get(1));
            }
        }
    }

    @ParameterizedTest(name = "run{0}")
    @ValueSource(ints = {1, 2})
    void a_crash_ends_the_call_during_the_outage_with_no_cause_at_the_last_time_it_was_known_alive(int run)
            throws Exception {
        String scenario = "13b-asterisk-killed-during-bridged-call";
        ReplayAmiServer server = new ReplayAmiServer(Transcripts.bytes(scenario, run, "recv.raw")).applyingFilters()
                .endingWithThePbxGone(Duration.ofMillis(500));
        try (Run r = replay(scenario, run, "+33612340001", "fx2-answer", AGENT_CONTEXT, server)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> r.summary().contains("BRIDGED/CUSTOMER"));
            Instant bridgedAt = r.only(Type.BRIDGED, Leg.CUSTOMER).at();
            await().atMost(Duration.ofSeconds(15)).until(() -> r.summary()
                    .containsAll(List.of("HUNG_UP/CUSTOMER", "HUNG_UP/AGENT")));
            Instant reconnectedAt = r.server().logins().get(1);
            for (Leg leg : List.of(Leg.CUSTOMER, Leg.AGENT)) {
                CallEvent gone = r.only(Type.HUNG_UP, leg);
                assertThat(gone.endedDuringOutage()).as("%s", gone).isTrue();
                assertThat(gone.detail()).isEqualTo(CallEvent.ENDED_DURING_OUTAGE);
                assertThat(gone.cause()).as("the PBX said nothing").isZero();
                assertThat(gone.causeText()).isNull();
                assertThat(gone.at()).as("last known alive, not the reconnect time").isBefore(reconnectedAt)
                        .isAfterOrEqualTo(bridgedAt.minusMillis(100));
            }
        }
    }
}
