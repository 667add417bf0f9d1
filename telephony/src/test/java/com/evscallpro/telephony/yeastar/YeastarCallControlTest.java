package com.evscallpro.telephony.yeastar;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.evscallpro.telephony.CallEvent;
import com.evscallpro.telephony.CallOutcome;
import com.evscallpro.telephony.OriginateRequest;
import com.evscallpro.telephony.OriginateResult;
import com.evscallpro.telephony.PbxActionException;
import com.evscallpro.telephony.PbxCapability;
import com.evscallpro.telephony.PbxUnsupportedException;
import com.evscallpro.telephony.SpyMode;
import com.evscallpro.telephony.SpySession;

/**
 * The agent's in-call controls over the P-Series Open API, against WireMock answering with the developer guide's
 * shapes ({@code {"errcode":0,"errmsg":"SUCCESS","call_id":…}}): "Hold a Call" ({@code call/hold}), "Resume a Call"
 * ({@code call/unhold}), "Mute a Call" / "Unmute a Call" ({@code call/mute} / {@code call/unmute}), each with one
 * {@code channel_id} taken from the (30011) reports; DTMF and the supervisor's mode switch / take-over, which the API
 * has no request for, fail at once with {@link PbxUnsupportedException} and send nothing.
 */
class YeastarCallControlTest extends YeastarTestSupport {

    private static final String PBX_CALL = "1700000000.401";

    /** A call dialled agent first, answered by the customer and bridged. */
    private void answeredCall(String callId) throws Exception {
        stubDial(PBX_CALL);
        connect(settings());
        CompletableFuture<OriginateResult> f = pbx.originate(new OriginateRequest(callId, CUSTOMER, null, AGENT,
                Duration.ofSeconds(30), Map.of()));
        await().untilAsserted(() -> wm.verify(postRequestedFor(urlPathEqualTo(API + "call/dial"))));
        Thread.sleep(100); // the dial answer is applied on the dispatcher
        status(PBX_CALL, ext(AGENT, AGENT_CH, "ANSWERED"), outbound(CUSTOMER, TRUNK_CH, "ANSWER"));
        assertThat(f.get(15, TimeUnit.SECONDS).outcome()).isEqualTo(CallOutcome.ANSWERED);
        await().until(() -> events.summary(callId).contains("BRIDGED/CUSTOMER"));
    }

    private static void done(CompletableFuture<?> action) throws Exception {
        action.get(15, TimeUnit.SECONDS);
    }

    @Test
    void hold_and_resume_ask_call_hold_then_call_unhold_with_the_agents_channel_and_the_call_goes_on() throws Exception {
        wm.stubFor(apiPost("call/hold", "tok-1").willReturn(okJson(ok(PBX_CALL))));
        wm.stubFor(apiPost("call/unhold", "tok-1").willReturn(okJson(ok(PBX_CALL))));
        answeredCall("call-hold");

        done(pbx.hold("call-hold"));

        wm.verify(postRequestedFor(urlPathEqualTo(API + "call/hold")).withQueryParam("access_token", equalTo("tok-1"))
                .withRequestBody(equalToJson("{\"channel_id\":\"" + AGENT_CH + "\"}")));
        // the PBX reports the held member as HOLD: still on the call, nothing ends
        status(PBX_CALL, ext(AGENT, AGENT_CH, "ANSWERED"), outbound(CUSTOMER, TRUNK_CH, "HOLD"));
        Thread.sleep(300);
        assertThat(events.summary("call-hold")).doesNotContain("HUNG_UP/CUSTOMER", "HUNG_UP/AGENT");

        done(pbx.resume("call-hold"));

        wm.verify(postRequestedFor(urlPathEqualTo(API + "call/unhold"))
                .withRequestBody(equalToJson("{\"channel_id\":\"" + AGENT_CH + "\"}")));
        status(PBX_CALL, ext(AGENT, AGENT_CH, "ANSWERED"), outbound(CUSTOMER, TRUNK_CH, "ANSWER"));
        status(PBX_CALL, ext(AGENT, AGENT_CH, "BYE"), outbound(CUSTOMER, TRUNK_CH, "BYE"));
        await().until(() -> events.summary("call-hold").containsAll(
                java.util.List.of("HUNG_UP/CUSTOMER", "HUNG_UP/AGENT")));
        assertThat(events.of("call-hold").stream().filter(e -> e.type() == CallEvent.Type.HUNG_UP)
                .map(CallEvent::cause)).containsOnly(16);
        assertThat(events.summary("call-hold").stream().filter(s -> s.startsWith("BRIDGED"))).hasSize(1);
    }

    @Test
    void mute_and_unmute_ask_call_mute_then_call_unmute_with_the_legs_channel() throws Exception {
        wm.stubFor(apiPost("call/mute", "tok-1").willReturn(okJson(ok(PBX_CALL))));
        wm.stubFor(apiPost("call/unmute", "tok-1").willReturn(okJson(ok(PBX_CALL))));
        answeredCall("call-mute");

        done(pbx.mute("call-mute", CallEvent.Leg.AGENT, true));
        done(pbx.mute("call-mute", CallEvent.Leg.AGENT, false));
        done(pbx.mute("call-mute", CallEvent.Leg.CUSTOMER, true));

        wm.verify(1, postRequestedFor(urlPathEqualTo(API + "call/mute"))
                .withRequestBody(equalToJson("{\"channel_id\":\"" + AGENT_CH + "\"}")));
        wm.verify(1, postRequestedFor(urlPathEqualTo(API + "call/unmute"))
                .withQueryParam("access_token", equalTo("tok-1"))
                .withRequestBody(equalToJson("{\"channel_id\":\"" + AGENT_CH + "\"}")));
        wm.verify(1, postRequestedFor(urlPathEqualTo(API + "call/mute"))
                .withRequestBody(equalToJson("{\"channel_id\":\"" + TRUNK_CH + "\"}")));
    }

    @Test
    void a_hold_the_pbx_refuses_fails_with_its_errcode_and_errmsg() throws Exception {
        wm.stubFor(apiPost("call/hold", "tok-1")
                .willReturn(okJson("{\"errcode\":40002,\"errmsg\":\"PARAMETER ERROR\"}")));
        answeredCall("call-hold-refused");

        assertThatThrownBy(() -> done(pbx.hold("call-hold-refused"))).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(PbxActionException.class).isNotInstanceOf(PbxUnsupportedException.class)
                .hasMessage("Yeastar call/hold refused: errcode 40002 PARAMETER ERROR");
    }

    @Test
    void controls_need_a_known_call_with_a_live_channel_on_the_leg() throws Exception {
        wm.stubFor(apiPost("call/hold", "tok-1").willReturn(okJson(ok(PBX_CALL))));
        wm.stubFor(apiPost("call/mute", "tok-1").willReturn(okJson(ok(PBX_CALL))));
        stubDial(PBX_CALL);
        connect(settings());

        assertThatThrownBy(() -> done(pbx.hold("nope"))).cause().isInstanceOf(PbxActionException.class)
                .hasMessageContaining("call nope is not known");

        pbx.originate(new OriginateRequest("call-ringing", CUSTOMER, null, AGENT, Duration.ofSeconds(30), Map.of()));
        await().untilAsserted(() -> wm.verify(postRequestedFor(urlPathEqualTo(API + "call/dial"))));
        Thread.sleep(100);
        status(PBX_CALL, ext(AGENT, AGENT_CH, "RING")); // the agent's phone rings, no customer yet
        Thread.sleep(100);
        assertThatThrownBy(() -> done(pbx.mute("call-ringing", CallEvent.Leg.CUSTOMER, true))).cause()
                .isInstanceOf(PbxActionException.class)
                .hasMessage("call call-ringing has no live CUSTOMER channel to mute");
        wm.verify(0, postRequestedFor(urlPathEqualTo(API + "call/hold")));
        wm.verify(0, postRequestedFor(urlPathEqualTo(API + "call/mute")));
    }

    @Test
    void dtmf_is_not_possible_and_nothing_is_sent() throws Exception {
        answeredCall("call-dtmf");
        int before = wm.findAll(anyRequestedFor(anyUrl())).size();

        assertThatThrownBy(() -> done(pbx.sendDtmf("call-dtmf", CallEvent.Leg.CUSTOMER, "12#")))
                .cause().isInstanceOf(PbxUnsupportedException.class)
                .hasMessageContaining(PbxUnsupportedException.MESSAGE).hasMessageContaining("DTMF");
        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).hasSize(before);
    }

    @Test
    void switching_a_running_monitor_and_taking_over_by_bridge_are_not_possible() throws Exception {
        SpySession session = new SpySession("1700000000.150", "call-x", SpyMode.LISTEN, null, AGENT_CH);
        connect(settings());

        assertThatThrownBy(() -> done(pbx.switchSpyMode(session, SpyMode.WHISPER))).cause()
                .isInstanceOf(PbxUnsupportedException.class);
        assertThatThrownBy(() -> done(pbx.takeOver(session))).cause().isInstanceOf(PbxUnsupportedException.class);
    }
    @Test
    void the_capabilities_it_answers_are_exactly_the_actions_it_does_not_refuse_as_unsupported() throws Exception {
        for (String endpoint : java.util.List.of("call/hold", "call/mute", "call/transfer")) {
            wm.stubFor(apiPost(endpoint, "tok-1").willReturn(okJson(ok(PBX_CALL))));
        }
        wm.stubFor(apiPost("call/listen", "tok-1").willReturn(okJson(ok("1700000000.450"))));
        answeredCall("call-can");
        SpySession session = pbx.spy("3001", "call-can", SpyMode.LISTEN).get(15, TimeUnit.SECONDS);

        java.util.Set<PbxCapability> worked = java.util.EnumSet.noneOf(PbxCapability.class);
        java.util.List<PbxCapability> blindLast = java.util.Arrays.stream(PbxCapability.values())
                .sorted(java.util.Comparator.comparing(c -> c == PbxCapability.BLIND_TRANSFER)).toList();
        for (PbxCapability capability : blindLast) { // the blind transfer last: the customer leaves the agent
            CompletableFuture<?> action = switch (capability) {
                case HOLD -> pbx.hold("call-can");
                case MUTE -> pbx.mute("call-can", CallEvent.Leg.AGENT, true);
                case SEND_DTMF -> pbx.sendDtmf("call-can", CallEvent.Leg.CUSTOMER, "1");
                case ATTENDED_TRANSFER -> pbx.attendedTransfer("call-can", CallEvent.Leg.AGENT, "2001");
                case SWITCH_SPY_MODE -> pbx.switchSpyMode(session, SpyMode.WHISPER);
                case TAKE_OVER -> pbx.takeOver(session);
                case BLIND_TRANSFER -> pbx.blindTransfer("call-can", CallEvent.Leg.CUSTOMER, "2001", null);
            };
            if (works(action)) {
                worked.add(capability);
            }
        }

        assertThat(pbx.capabilities("call-can")).isEqualTo(worked).doesNotContain(PbxCapability.SEND_DTMF,
                PbxCapability.SWITCH_SPY_MODE, PbxCapability.TAKE_OVER);
        assertThat(pbx.capabilities("unknown-call")).as("the same for any call").isEqualTo(worked);
    }

    /** True when the action was done, false when the adapter cannot do it at all; any other failure fails the test. */
    private static boolean works(CompletableFuture<?> action) throws Exception {
        try {
            action.get(15, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof PbxUnsupportedException) {
                return false;
            }
            throw e;
        }
    }
}
