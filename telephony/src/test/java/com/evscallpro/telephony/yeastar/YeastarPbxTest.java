package com.evscallpro.telephony.yeastar;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
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
import com.evscallpro.telephony.SpyMode;
import com.evscallpro.telephony.SpySession;
import com.evscallpro.telephony.yeastar.YeastarSettings.DialMode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

class YeastarPbxTest extends YeastarTestSupport {

    private static final String PBX_CALL = "1700000000.101";

    private static OriginateRequest request(String callId) {
        return new OriginateRequest(callId, CUSTOMER, null, AGENT, Duration.ofSeconds(20), Map.of());
    }

    private OriginateResult result(CompletableFuture<OriginateResult> f) throws Exception {
        return f.get(15, TimeUnit.SECONDS);
    }

    @Test
    void logs_in_with_the_client_id_and_secret_then_subscribes_to_the_call_events() throws Exception {
        connect(settings());

        wm.verify(postRequestedFor(urlPathEqualTo(API + "get_token"))
                .withHeader("User-Agent", equalTo("OpenAPI"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"username\":\"" + CLIENT_ID + "\",\"password\":\"" + SECRET + "\"}")));
        assertThat(push.paths).containsExactly("/openapi/v1.0/subscribe");
        assertThat(push.tokensUsed).containsExactly("tok-1");
        await().until(() -> push.subscriptions() == 1);
        assertThat(push.received).contains("{\"topic_list\":[30011,30012,30015]}");
        assertThat(pbx.isConnected()).isTrue();
    }

    @Test
    void access_token_is_refreshed_before_it_expires_and_the_new_one_is_used() throws Exception {
        wm.stubFor(post(urlPathEqualTo(API + "get_token")).willReturn(okJson(token("tok-1", "ref-1", 2))));
        wm.stubFor(post(urlPathEqualTo(API + "refresh_token")).willReturn(okJson(token("tok-2", "ref-2", 1800))));
        wm.stubFor(apiPost("call/dial", "tok-2").willReturn(okJson(ok(PBX_CALL))));
        connect(settings().withTokenRefreshMargin(Duration.ofMillis(1500)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> wm.verify(1,
                postRequestedFor(urlPathEqualTo(API + "refresh_token"))
                        .withRequestBody(equalToJson("{\"refresh_token\":\"ref-1\"}"))));
        pbx.originate(request("call-refreshed"));

        await().untilAsserted(() -> wm.verify(1, postRequestedFor(urlPathEqualTo(API + "call/dial"))
                .withQueryParam("access_token", equalTo("tok-2"))));
        wm.verify(1, postRequestedFor(urlPathEqualTo(API + "get_token")));
    }

    @Test
    void failed_token_refresh_falls_back_to_a_new_login() throws Exception {
        wm.stubFor(post(urlPathEqualTo(API + "get_token")).inScenario("login").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(token("tok-1", "ref-1", 2))).willSetStateTo("second"));
        wm.stubFor(post(urlPathEqualTo(API + "get_token")).inScenario("login").whenScenarioStateIs("second")
                .willReturn(okJson(token("tok-3", "ref-3", 1800))));
        wm.stubFor(post(urlPathEqualTo(API + "refresh_token"))
                .willReturn(okJson("{\"errcode\":10002,\"errmsg\":\"REFRESH TOKEN EXPIRED\"}")));
        wm.stubFor(apiPost("call/dial", "tok-3").willReturn(okJson(ok(PBX_CALL))));
        connect(settings().withTokenRefreshMargin(Duration.ofMillis(1500)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                wm.verify(2, postRequestedFor(urlPathEqualTo(API + "get_token"))));
        wm.verify(1, postRequestedFor(urlPathEqualTo(API + "refresh_token")));
        pbx.originate(request("call-relogin"));
        await().untilAsserted(() -> wm.verify(1, postRequestedFor(urlPathEqualTo(API + "call/dial"))
                .withQueryParam("access_token", equalTo("tok-3"))));
    }

    @Test
    void expired_token_errcode_forces_a_new_login_and_the_request_is_sent_once_more() throws Exception {
        connect(settings());
        wm.stubFor(post(urlPathEqualTo(API + "get_token")).willReturn(okJson(token("tok-4", "ref-4", 1800))));
        wm.stubFor(apiPost("call/dial", "tok-1").willReturn(okJson("{\"errcode\":10004,\"errmsg\":\"TOKEN EXPIRED\"}")));
        wm.stubFor(apiPost("call/dial", "tok-4").willReturn(okJson(ok(PBX_CALL))));

        CompletableFuture<OriginateResult> f = pbx.originate(request("call-expired"));
        await().untilAsserted(() -> wm.verify(1, postRequestedFor(urlPathEqualTo(API + "call/dial"))
                .withQueryParam("access_token", equalTo("tok-4"))));
        status(PBX_CALL, ext(AGENT, AGENT_CH, "ANSWERED"), outbound(CUSTOMER, TRUNK_CH, "ANSWER"));

        assertThat(result(f).outcome()).isEqualTo(CallOutcome.ANSWERED);
        wm.verify(2, postRequestedFor(urlPathEqualTo(API + "get_token")));
    }

    @Test
    void answered_customer_completes_ANSWERED_and_the_events_carry_our_call_id() throws Exception {
        stubDial(PBX_CALL);
        connect(settings());

        CompletableFuture<OriginateResult> f = pbx.originate(request("call-answered"));
        await().untilAsserted(() -> wm.verify(postRequestedFor(urlPathEqualTo(API + "call/dial"))
                .withQueryParam("access_token", equalTo("tok-1"))
                .withHeader("User-Agent", equalTo("OpenAPI"))
                .withRequestBody(equalToJson("{\"caller\":\"2000\",\"callee\":\"+33612345678\",\"auto_answer\":\"yes\"}"))));
        Thread.sleep(100); // the dial answer is applied on the dispatcher
        status(PBX_CALL, ext(AGENT, AGENT_CH, "RING"));
        status(PBX_CALL, ext(AGENT, AGENT_CH, "ALERT"), outbound(CUSTOMER, TRUNK_CH, "RING"));
        status(PBX_CALL, ext(AGENT, AGENT_CH, "ANSWERED"), outbound(CUSTOMER, TRUNK_CH, "ANSWER"));

        OriginateResult r = result(f);
        assertThat(r.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(r.reason()).isEqualTo(4);
        assertThat(r.uniqueId()).isEqualTo(PBX_CALL);
        assertThat(r.channel()).isEqualTo(TRUNK_CH);

        status(PBX_CALL, ext(AGENT, AGENT_CH, "BYE"), outbound(CUSTOMER, TRUNK_CH, "BYE"));
        cdr(PBX_CALL, "ANSWERED", 15);
        await().until(() -> events.summary("call-answered").size() == 7);
        assertThat(events.summary("call-answered")).containsExactly("ANSWERED/AGENT", "CREATED/CUSTOMER",
                "RINGING/CUSTOMER", "ANSWERED/CUSTOMER", "BRIDGED/CUSTOMER", "HUNG_UP/CUSTOMER", "HUNG_UP/AGENT");
        CallEvent bridged = events.of("call-answered").get(4);
        assertThat(bridged.channel()).isEqualTo(TRUNK_CH);
        assertThat(bridged.detail()).isEqualTo(AGENT_CH);
        assertThat(bridged.linkedId()).isEqualTo(PBX_CALL);
        CallEvent hungUp = events.of("call-answered").get(5);
        assertThat(hungUp.cause()).isEqualTo(16);
        assertThat(hungUp.causeText()).isEqualTo("Normal Clearing");
        assertThat(events.threads()).allMatch(t -> t.equals("yeastar-dispatcher"));
    }

    @Test
    void busy_customer_completes_BUSY_with_cause_17() throws Exception {
        stubDial(PBX_CALL);
        connect(settings());

        CompletableFuture<OriginateResult> f = pbx.originate(request("call-busy"));
        await().untilAsserted(() -> wm.verify(postRequestedFor(urlPathEqualTo(API + "call/dial"))));
        Thread.sleep(100);
        status(PBX_CALL, ext(AGENT, AGENT_CH, "ALERT"), outbound(CUSTOMER, TRUNK_CH, "RING"));
        failed(PBX_CALL, "486 Busy here", ext(AGENT, AGENT_CH, "BYE"), outbound(CUSTOMER, TRUNK_CH, "BYE"));

        OriginateResult r = result(f);
        assertThat(r.outcome()).isEqualTo(CallOutcome.BUSY);
        assertThat(r.q850Cause()).isEqualTo(17);
        assertThat(r.reason()).isEqualTo(5);
        await().until(() -> events.summary("call-busy").contains("HUNG_UP/AGENT"));
        CallEvent failedEvent = events.of("call-busy").stream().filter(e -> e.type() == CallEvent.Type.FAILED)
                .findFirst().orElseThrow();
        assertThat(failedEvent.detail()).isEqualTo("BUSY");
        assertThat(failedEvent.cause()).isEqualTo(17);
        assertThat(failedEvent.causeText()).isEqualTo("486 Busy here");
        assertThat(events.of("call-busy")).filteredOn(e -> e.type() == CallEvent.Type.HUNG_UP)
                .allMatch(e -> e.cause() == 17);
    }

    @Test
    void unanswered_customer_completes_NO_ANSWER_from_the_call_end_details() throws Exception {
        stubDial(PBX_CALL);
        connect(settings().withEndDetailsWait(Duration.ofSeconds(3)));

        CompletableFuture<OriginateResult> f = pbx.originate(request("call-no-answer"));
        await().untilAsserted(() -> wm.verify(postRequestedFor(urlPathEqualTo(API + "call/dial"))));
        Thread.sleep(100);
        status(PBX_CALL, ext(AGENT, AGENT_CH, "ALERT"), outbound(CUSTOMER, TRUNK_CH, "RING"));
        status(PBX_CALL, ext(AGENT, AGENT_CH, "BYE"), outbound(CUSTOMER, TRUNK_CH, "BYE"));
        cdr(PBX_CALL, "NO ANSWER", 0);

        OriginateResult r = result(f);
        assertThat(r.outcome()).isEqualTo(CallOutcome.NO_ANSWER);
        assertThat(r.q850Cause()).isEqualTo(19);
        await().until(() -> events.summary("call-no-answer").contains("HUNG_UP/AGENT"));
        assertThat(events.summary("call-no-answer")).containsExactly("ANSWERED/AGENT", "CREATED/CUSTOMER",
                "RINGING/CUSTOMER", "FAILED/CUSTOMER", "HUNG_UP/CUSTOMER", "HUNG_UP/AGENT");
    }

    @Test
    void ring_timeout_hangs_up_the_customer_and_completes_NO_ANSWER() throws Exception {
        stubDial(PBX_CALL);
        wm.stubFor(apiPost("call/hangup", "tok-1").willReturn(okJson(ok(PBX_CALL))));
        connect(settings());

        CompletableFuture<OriginateResult> f = pbx.originate(new OriginateRequest("call-ring-timeout", CUSTOMER,
                null, AGENT, Duration.ofMillis(400), Map.of()));
        await().untilAsserted(() -> wm.verify(postRequestedFor(urlPathEqualTo(API + "call/dial"))));
        Thread.sleep(100);
        status(PBX_CALL, ext(AGENT, AGENT_CH, "ALERT"), outbound(CUSTOMER, TRUNK_CH, "RING"));

        OriginateResult r = result(f);
        assertThat(r.outcome()).isEqualTo(CallOutcome.NO_ANSWER);
        assertThat(r.q850Cause()).isEqualTo(19);
        await().untilAsserted(() -> {
            wm.verify(postRequestedFor(urlPathEqualTo(API + "call/hangup"))
                    .withRequestBody(equalToJson("{\"channel_id\":\"" + TRUNK_CH + "\"}")));
            wm.verify(postRequestedFor(urlPathEqualTo(API + "call/hangup"))
                    .withRequestBody(equalToJson("{\"channel_id\":\"" + AGENT_CH + "\"}")));
        });
    }

    @Test
    void reports_that_overtake_the_dial_answer_are_applied_once_it_arrives() throws Exception {
        wm.stubFor(apiPost("call/dial", "tok-1").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(ok(PBX_CALL)).withFixedDelay(600)));
        connect(settings());

        CompletableFuture<OriginateResult> f = pbx.originate(request("call-early-events"));
        await().until(() -> !wm.findAll(postRequestedFor(urlPathEqualTo(API + "call/dial"))).isEmpty());
        status(PBX_CALL, ext(AGENT, AGENT_CH, "ALERT"), outbound(CUSTOMER, TRUNK_CH, "RING"));
        status(PBX_CALL, ext(AGENT, AGENT_CH, "ANSWERED"), outbound(CUSTOMER, TRUNK_CH, "ANSWER"));
        assertThat(f).isNotDone();

        assertThat(result(f).outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(events.summary("call-early-events")).startsWith("ANSWERED/AGENT", "CREATED/CUSTOMER",
                "RINGING/CUSTOMER", "ANSWERED/CUSTOMER");
    }

    @Test
    void dial_refused_by_the_pbx_fails_the_future_with_a_readable_PbxActionException() throws Exception {
        wm.stubFor(apiPost("call/dial", "tok-1")
                .willReturn(okJson("{\"errcode\":40002,\"errmsg\":\"PARAMETER ERROR\"}")));
        connect(settings());

        CompletableFuture<OriginateResult> f = pbx.originate(request("call-refused"));

        assertThatThrownBy(() -> f.get(15, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(PbxActionException.class)
                .hasMessage("Yeastar call/dial refused: errcode 40002 PARAMETER ERROR");
        stubDial(PBX_CALL); // the call id is free again
        CompletableFuture<OriginateResult> again = pbx.originate(request("call-refused"));
        await().untilAsserted(() -> wm.verify(2, postRequestedFor(urlPathEqualTo(API + "call/dial"))));
        assertThat(again).isNotDone();
    }

    @Test
    void a_call_id_still_in_use_is_refused() throws Exception {
        stubDial(PBX_CALL);
        connect(settings());
        pbx.originate(request("call-twice"));

        assertThatThrownBy(() -> pbx.originate(request("call-twice")).get(15, TimeUnit.SECONDS))
                .cause().isInstanceOf(PbxActionException.class).hasMessageContaining("still in use");
    }

    @Test
    void agent_phone_not_picking_up_fails_the_originate_without_blaming_the_customer() throws Exception {
        stubDial(PBX_CALL);
        connect(settings());

        CompletableFuture<OriginateResult> f = pbx.originate(request("call-agent-away"));
        await().untilAsserted(() -> wm.verify(postRequestedFor(urlPathEqualTo(API + "call/dial"))));
        Thread.sleep(100);
        status(PBX_CALL, ext(AGENT, AGENT_CH, "RING"));
        status(PBX_CALL, ext(AGENT, AGENT_CH, "BYE"));
        cdr(PBX_CALL, "NO ANSWER", 0);

        OriginateResult r = result(f);
        assertThat(r.outcome()).isEqualTo(CallOutcome.FAILED);
        assertThat(events.of("call-agent-away")).filteredOn(e -> e.type() == CallEvent.Type.FAILED)
                .singleElement().satisfies(e -> assertThat(e.causeText()).contains("agent extension 2000"));
    }

    @Test
    void hangup_sends_call_hangup_for_every_live_channel_and_reports_our_cause() throws Exception {
        stubDial(PBX_CALL);
        wm.stubFor(apiPost("call/hangup", "tok-1").willReturn(okJson(ok(PBX_CALL))));
        connect(settings());
        CompletableFuture<OriginateResult> f = pbx.originate(request("call-hangup"));
        await().untilAsserted(() -> wm.verify(postRequestedFor(urlPathEqualTo(API + "call/dial"))));
        Thread.sleep(100);
        status(PBX_CALL, ext(AGENT, AGENT_CH, "ANSWERED"), outbound(CUSTOMER, TRUNK_CH, "ANSWER"));
        result(f);

        pbx.hangup("call-hangup", 16).get(15, TimeUnit.SECONDS);

        wm.verify(postRequestedFor(urlPathEqualTo(API + "call/hangup")).withQueryParam("access_token", equalTo("tok-1"))
                .withRequestBody(equalToJson("{\"channel_id\":\"" + AGENT_CH + "\"}")));
        wm.verify(postRequestedFor(urlPathEqualTo(API + "call/hangup"))
                .withRequestBody(equalToJson("{\"channel_id\":\"" + TRUNK_CH + "\"}")));
        status(PBX_CALL, ext(AGENT, AGENT_CH, "BYE"), outbound(CUSTOMER, TRUNK_CH, "BYE"));
        await().until(() -> events.summary("call-hangup").contains("HUNG_UP/AGENT"));
        pbx.hangup("call-hangup", 16).get(15, TimeUnit.SECONDS); // over: a no-op
        wm.verify(2, postRequestedFor(urlPathEqualTo(API + "call/hangup")));
    }

    @Test
    void blind_transfer_moves_the_customer_channel_and_reports_TRANSFERRED() throws Exception {
        stubDial(PBX_CALL);
        wm.stubFor(apiPost("call/transfer", "tok-1").willReturn(okJson(ok(PBX_CALL))));
        connect(settings());
        CompletableFuture<OriginateResult> f = pbx.originate(request("call-transfer"));
        await().untilAsserted(() -> wm.verify(postRequestedFor(urlPathEqualTo(API + "call/dial"))));
        Thread.sleep(100);
        status(PBX_CALL, ext(AGENT, AGENT_CH, "ANSWERED"), outbound(CUSTOMER, TRUNK_CH, "ANSWER"));
        result(f);

        pbx.blindTransfer("call-transfer", CallEvent.Leg.CUSTOMER, "2008", null).get(15, TimeUnit.SECONDS);

        wm.verify(postRequestedFor(urlPathEqualTo(API + "call/transfer")).withRequestBody(equalToJson(
                "{\"type\":\"blind\",\"channel_id\":\"" + TRUNK_CH + "\",\"number\":\"2008\",\"dial_permission\":\"2000\"}")));
        status(PBX_CALL, ext(AGENT, AGENT_CH, "BYE"), ext("2008", "PJSIP/2008-00000013", "RING"),
                outbound(CUSTOMER, TRUNK_CH, "ANSWER"));
        await().until(() -> events.summary("call-transfer").contains("TRANSFERRED/CUSTOMER"));
        CallEvent transferred = events.of("call-transfer").stream()
                .filter(e -> e.type() == CallEvent.Type.TRANSFERRED).findFirst().orElseThrow();
        assertThat(transferred.detail()).isEqualTo("2008");
        assertThat(transferred.channel()).isEqualTo(TRUNK_CH);
    }

    @Test
    void attended_transfer_starts_from_the_agent_channel_and_completes_on_request() throws Exception {
        stubDial(PBX_CALL);
        wm.stubFor(apiPost("call/transfer", "tok-1").willReturn(okJson(ok(PBX_CALL))));
        connect(settings());
        CompletableFuture<OriginateResult> f = pbx.originate(request("call-attended"));
        await().untilAsserted(() -> wm.verify(postRequestedFor(urlPathEqualTo(API + "call/dial"))));
        Thread.sleep(100);
        status(PBX_CALL, ext(AGENT, AGENT_CH, "ANSWERED"), outbound(CUSTOMER, TRUNK_CH, "ANSWER"));
        result(f);

        pbx.attendedTransfer("call-attended", CallEvent.Leg.AGENT, "2008").get(15, TimeUnit.SECONDS);
        pbx.completeAttendedTransfer("call-attended").get(15, TimeUnit.SECONDS);

        wm.verify(postRequestedFor(urlPathEqualTo(API + "call/transfer")).withRequestBody(equalToJson(
                "{\"type\":\"attended\",\"channel_id\":\"" + AGENT_CH + "\",\"number\":\"2008\",\"dial_permission\":\"2000\"}")));
        wm.verify(postRequestedFor(urlPathEqualTo(API + "call/transfer")).withRequestBody(equalToJson(
                "{\"type\":\"attended\",\"channel_id\":\"" + AGENT_CH + "\",\"attended_operate\":\"complete\"}")));
    }

    @Test
    void transfer_of_an_unknown_call_fails_with_a_readable_message() throws Exception {
        connect(settings());
        assertThatThrownBy(() -> pbx.blindTransfer("nope", CallEvent.Leg.CUSTOMER, "2008", null)
                .get(15, TimeUnit.SECONDS)).cause().isInstanceOf(PbxActionException.class)
                .hasMessageContaining("call nope is not known");
    }

    @Test
    void spy_asks_call_listen_on_the_agent_channel() throws Exception {
        stubDial(PBX_CALL);
        wm.stubFor(apiPost("call/listen", "tok-1").willReturn(okJson(ok("1700000000.150"))));
        connect(settings());
        CompletableFuture<OriginateResult> f = pbx.originate(request("call-spied"));
        await().untilAsserted(() -> wm.verify(postRequestedFor(urlPathEqualTo(API + "call/dial"))));
        Thread.sleep(100);
        status(PBX_CALL, ext(AGENT, AGENT_CH, "ANSWERED"), outbound(CUSTOMER, TRUNK_CH, "ANSWER"));
        result(f);

        SpySession s = pbx.spy("2090", "call-spied", SpyMode.WHISPER).get(15, TimeUnit.SECONDS);

        assertThat(s.spyId()).isEqualTo("1700000000.150");
        assertThat(s.spyeeChannel()).isEqualTo(AGENT_CH);
        wm.verify(postRequestedFor(urlPathEqualTo(API + "call/listen")).withRequestBody(equalToJson(
                "{\"monitor\":\"2090\",\"channel_id\":\"" + AGENT_CH + "\",\"type\":\"whisper\"}")));
        await().until(() -> events.summary("call-spied").contains("SPY_STARTED/AGENT"));
    }

    @Test
    void customer_first_mode_dials_from_the_queue_to_the_customer() throws Exception {
        stubDial(PBX_CALL);
        connect(settings().withDialMode(DialMode.CUSTOMER_FIRST));

        CompletableFuture<OriginateResult> f = pbx.originate(new OriginateRequest("call-queue", CUSTOMER, null,
                "6400", Duration.ofSeconds(20), Map.of()));
        await().untilAsserted(() -> wm.verify(postRequestedFor(urlPathEqualTo(API + "call/dial"))
                .withRequestBody(equalToJson("{\"caller\":\"6400\",\"callee\":\"+33612345678\"}"))));
        Thread.sleep(100);
        status(PBX_CALL, outbound(CUSTOMER, TRUNK_CH, "RING"));
        status(PBX_CALL, outbound(CUSTOMER, TRUNK_CH, "ANSWER"));
        status(PBX_CALL, outbound(CUSTOMER, TRUNK_CH, "ANSWER"), ext("2003", "PJSIP/2003-00000020", "ANSWER"));

        assertThat(result(f).outcome()).isEqualTo(CallOutcome.ANSWERED);
        await().until(() -> events.summary("call-queue").contains("BRIDGED/CUSTOMER"));
        assertThat(events.summary("call-queue")).containsExactly("CREATED/CUSTOMER", "RINGING/CUSTOMER",
                "ANSWERED/CUSTOMER", "ANSWERED/AGENT", "BRIDGED/CUSTOMER");
    }

    @Test
    void event_push_drop_reconnects_resubscribes_and_events_flow_again() throws Exception {
        stubDial(PBX_CALL);
        connect(settings());
        CompletableFuture<OriginateResult> f = pbx.originate(request("call-across-drop"));
        await().untilAsserted(() -> wm.verify(postRequestedFor(urlPathEqualTo(API + "call/dial"))));
        Thread.sleep(100);
        status(PBX_CALL, ext(AGENT, AGENT_CH, "ALERT"), outbound(CUSTOMER, TRUNK_CH, "RING"));
        await().until(() -> events.summary("call-across-drop").contains("RINGING/CUSTOMER"));

        push.dropAll();

        await().atMost(Duration.ofSeconds(20)).until(() -> push.handshakes() >= 2 && push.subscriptions() >= 2);
        await().until(pbx::isConnected);
        status(PBX_CALL, ext(AGENT, AGENT_CH, "ANSWERED"), outbound(CUSTOMER, TRUNK_CH, "ANSWER"));
        assertThat(result(f).outcome()).isEqualTo(CallOutcome.ANSWERED);
    }

    @Test
    void event_push_refused_token_logs_in_again_before_reconnecting() throws Exception {
        connect(settings());
        push.acceptedTokens.clear();
        push.acceptedTokens.add("tok-5");
        wm.stubFor(post(urlPathEqualTo(API + "get_token")).willReturn(okJson(token("tok-5", "ref-5", 1800))));

        push.dropAll();

        await().atMost(Duration.ofSeconds(20)).until(() -> push.subscriptions() >= 2);
        assertThat(push.tokensUsed).startsWith("tok-1", "tok-1").endsWith("tok-5");
    }

    @Test
    void heartbeat_keeps_the_event_push_alive() throws Exception {
        connect(settings().withHeartbeatInterval(Duration.ofMillis(200)));
        await().atMost(Duration.ofSeconds(15)).until(() -> push.heartbeats() >= 3);
        assertThat(pbx.isConnected()).isTrue();
        assertThat(push.handshakes()).as("answered heartbeats never trip the watchdog").isEqualTo(1);
    }

    @Test
    void originate_while_the_event_push_is_down_fails_fast() throws Exception {
        pbx = new YeastarPbx(settings().withEventsUrl(java.net.URI.create("ws://127.0.0.1:1/openapi/v1.0/subscribe")));
        pbx.start();
        assertThat(pbx.isConnected()).isFalse();
        assertThatThrownBy(() -> pbx.originate(request("call-down")).get(1, TimeUnit.SECONDS))
                .cause().isInstanceOf(PbxActionException.class).hasMessageContaining("not connected");
    }

    @Test
    void unreachable_pbx_fails_with_a_readable_message() throws Exception {
        connect(settings());
        wm.stop();
        assertThatThrownBy(() -> pbx.blindTransfer("nope", CallEvent.Leg.CUSTOMER, "2008", null)
                .get(15, TimeUnit.SECONDS)).cause().isInstanceOf(PbxActionException.class);
        wm.start();
    }

    @Test
    void a_manual_call_is_a_call_dial_ringing_the_agents_extension_first() throws Exception {
        stubDial(PBX_CALL);
        connect(settings());

        CompletableFuture<OriginateResult> f = pbx.originateAgentFirst(request("call-manual"));
        await().untilAsserted(() -> wm.verify(postRequestedFor(urlPathEqualTo(API + "call/dial"))
                .withRequestBody(equalToJson("{\"caller\":\"2000\",\"callee\":\"+33612345678\",\"auto_answer\":\"yes\"}"))));
        Thread.sleep(100); // the dial answer is applied on the dispatcher
        status(PBX_CALL, ext(AGENT, AGENT_CH, "ANSWERED"), outbound(CUSTOMER, TRUNK_CH, "RING"));
        status(PBX_CALL, ext(AGENT, AGENT_CH, "ANSWERED"), outbound(CUSTOMER, TRUNK_CH, "ANSWER"));

        assertThat(result(f).outcome()).isEqualTo(CallOutcome.ANSWERED);
        await().until(() -> events.summary("call-manual").contains("BRIDGED/CUSTOMER"));
        assertThat(events.summary("call-manual")).containsSubsequence("ANSWERED/AGENT", "ANSWERED/CUSTOMER",
                "BRIDGED/CUSTOMER");
    }

    @Test
    void a_site_dialling_customers_first_refuses_manual_calls_without_asking_the_pbx() throws Exception {
        connect(settings().withDialMode(DialMode.CUSTOMER_FIRST));

        CompletableFuture<OriginateResult> f = pbx.originateAgentFirst(request("call-manual-2"));

        assertThat(f).failsWithin(Duration.ofSeconds(5)).withThrowableThat()
                .havingRootCause().isInstanceOf(PbxActionException.class)
                .withMessageContaining("AGENT_FIRST");
        wm.verify(0, postRequestedFor(urlPathEqualTo(API + "call/dial")));
    }
}
