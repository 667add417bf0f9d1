package com.evscallpro.telephony.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
 * The adapter fed with the bytes a real Asterisk 22.10 sent (captures 01, 02, 03, 05, both runs). The call id is
 * the captured {@code ;1} Uniqueid, as it would have been with {@code ChannelId} = call id.
 */
class AsteriskAmiPbxReplayTest {

    private record Run(AsteriskAmiPbx pbx, ReplayAmiServer server, RecordingListener events, String callId,
                       OriginateResult result) {
    }

    private static Run replay(String scenario, int run, String number, String context) throws Exception {
        List<WireFrame> frames = Transcripts.receivedFrames(scenario, run);
        String callId = frames.stream().filter(f -> "Newchannel".equals(f.event())).findFirst().orElseThrow()
                .get("Uniqueid");
        ReplayAmiServer server = new ReplayAmiServer(Transcripts.bytes(scenario, run, "recv.raw"));
        RecordingListener events = new RecordingListener();
        AsteriskAmiPbx pbx = new AsteriskAmiPbx(AmiSettings.of("127.0.0.1", server.port(), "evs", "evs-secret")
                .withDialing("Local/{number}@" + context, "agents")
                .withFailureCauseWait(Duration.ofSeconds(2)));
        pbx.addListener(events);
        pbx.start();
        assertThat(pbx.awaitConnected(Duration.ofSeconds(10))).isTrue();
        OriginateResult result = pbx.originate(new OriginateRequest(callId, number, "\"FX Customer\" <5550100>",
                "2005", Duration.ofSeconds(15), Map.of())).get(10, TimeUnit.SECONDS);
        return new Run(pbx, server, events, callId, result);
    }

    private static CallEvent only(Run r, Type type, Leg leg) {
        List<CallEvent> found = r.events().of(r.callId()).stream().filter(e -> e.type() == type && e.leg() == leg)
                .toList();
        assertThat(found).as("%s/%s in %s", type, leg, r.events().summary(r.callId())).hasSize(1);
        return found.get(0);
    }

    @ParameterizedTest(name = "run{0}")
    @ValueSource(ints = {1, 2})
    void replayed_answered_call_completes_answered_and_hangs_up_with_cause_16(int run) throws Exception {
        Run r = replay("01-originate-answered", run, "1001", "fx-answer");
        try {
            assertThat(r.result().outcome()).isEqualTo(CallOutcome.ANSWERED);
            assertThat(r.result().reason()).isEqualTo(4);
            assertThat(r.result().uniqueId()).isEqualTo(r.callId());
            assertThat(r.result().channel()).matches("Local/1001@fx-answer-[0-9a-f]{8};1");
            await().atMost(Duration.ofSeconds(15)).until(() -> r.events().summary(r.callId()).contains("HUNG_UP/CUSTOMER"));
            assertThat(r.events().summary(r.callId()))
                    .containsExactly("CREATED/CUSTOMER", "ANSWERED/CUSTOMER", "HUNG_UP/CUSTOMER");
            CallEvent gone = only(r, Type.HUNG_UP, Leg.CUSTOMER);
            assertThat(gone.cause()).isEqualTo(16);
            assertThat(gone.causeText()).isEqualTo("Normal Clearing");
            assertThat(gone.uniqueId()).isEqualTo(r.callId());
        } finally {
            r.pbx().close();
            r.server().close();
        }
    }

    @ParameterizedTest(name = "run{0}")
    @ValueSource(ints = {1, 2})
    void replayed_busy_call_fails_busy_with_cause_17_from_the_dialplan_leg(int run) throws Exception {
        Run r = replay("02-originate-busy", run, "1002", "fx-busy");
        try {
            assertThat(r.result().outcome()).isEqualTo(CallOutcome.BUSY);
            assertThat(r.result().reason()).isEqualTo(5);
            assertThat(r.result().q850Cause()).isEqualTo(17);
            assertThat(r.result().channel()).isEqualTo("Local/1002@fx-busy");
            CallEvent failed = only(r, Type.FAILED, Leg.CUSTOMER);
            assertThat(failed.detail()).isEqualTo("BUSY");
            assertThat(failed.cause()).isEqualTo(17);
            CallEvent gone = only(r, Type.HUNG_UP, Leg.CUSTOMER);
            assertThat(gone.cause()).isEqualTo(17);
            assertThat(gone.causeText()).isEqualTo("User busy");
            assertThat(r.events().summary(r.callId())).doesNotContain("ANSWERED/CUSTOMER");
        } finally {
            r.pbx().close();
            r.server().close();
        }
    }

    @ParameterizedTest(name = "run{0}")
    @ValueSource(ints = {1, 2})
    void replayed_unanswered_call_rings_then_fails_no_answer_with_cause_19(int run) throws Exception {
        Run r = replay("03-originate-noanswer", run, "1003", "fx-noanswer");
        try {
            assertThat(r.result().outcome()).isEqualTo(CallOutcome.NO_ANSWER);
            assertThat(r.result().reason()).isEqualTo(3);
            assertThat(r.result().q850Cause()).isEqualTo(19);
            assertThat(r.events().summary(r.callId())).startsWith("CREATED/CUSTOMER", "RINGING/CUSTOMER");
            assertThat(only(r, Type.HUNG_UP, Leg.CUSTOMER).cause()).isEqualTo(19);
            assertThat(only(r, Type.FAILED, Leg.CUSTOMER).detail()).isEqualTo("NO_ANSWER");
        } finally {
            r.pbx().close();
            r.server().close();
        }
    }

    @ParameterizedTest(name = "run{0}")
    @ValueSource(ints = {1, 2})
    void replayed_bridged_call_reports_the_agent_leg_and_the_bridge(int run) throws Exception {
        Run r = replay("05-originate-bridge-agent", run, "1005", "fx-customer");
        try {
            assertThat(r.result().outcome()).isEqualTo(CallOutcome.ANSWERED);
            await().atMost(Duration.ofSeconds(15)).until(() -> r.events().summary(r.callId())
                    .containsAll(List.of("HUNG_UP/CUSTOMER", "HUNG_UP/AGENT")));
            assertThat(r.events().summary(r.callId())).containsExactly("CREATED/CUSTOMER", "ANSWERED/CUSTOMER",
                    "ANSWERED/AGENT", "BRIDGED/CUSTOMER", "HUNG_UP/AGENT", "HUNG_UP/CUSTOMER");
            CallEvent bridged = only(r, Type.BRIDGED, Leg.CUSTOMER);
            assertThat(bridged.channel()).matches("Local/1005@fx-customer-[0-9a-f]{8};1");
            assertThat(bridged.detail()).matches("Local/2005@agents-[0-9a-f]{8};1");
            assertThat(only(r, Type.ANSWERED, Leg.AGENT).channel()).startsWith("Local/2005@agents-");
            assertThat(only(r, Type.HUNG_UP, Leg.AGENT).cause()).isEqualTo(16);
            assertThat(only(r, Type.HUNG_UP, Leg.CUSTOMER).cause()).isEqualTo(16);
        } finally {
            r.pbx().close();
            r.server().close();
        }
    }
}
