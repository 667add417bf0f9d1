package com.evscallpro.telephony.yeastar;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import com.evscallpro.telephony.CallEvent;
import com.evscallpro.telephony.CallOutcome;
import com.evscallpro.telephony.ChannelStatus;
import com.evscallpro.telephony.OriginateRequest;
import com.evscallpro.telephony.OriginateResult;
import com.evscallpro.telephony.PbxActionException;
import com.github.tomakehurst.wiremock.client.MappingBuilder;

/**
 * {@code GET call/query?call_id=…} (P-Series developer guide, "Query Calls"): asked about each followed call after
 * every re-subscription of the event push (what happened while it was down), and behind {@code channelStatus}.
 */
class YeastarCallQueryTest extends YeastarTestSupport {

    private static final String PBX_CALL = "1700000000.301";

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void captureLogs() {
        logs.start();
        ((Logger) LoggerFactory.getLogger("com.evscallpro.telephony.yeastar")).addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        ((Logger) LoggerFactory.getLogger("com.evscallpro.telephony.yeastar")).detachAppender(logs);
    }

    /** Waits until the adapter logged {@code fragment}: the point after which a "nothing happened" check means it. */
    private void awaitLog(String fragment) {
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            synchronized (logs) {
                return logs.list.stream().anyMatch(e -> e.getFormattedMessage().contains(fragment));
            }
        });
    }

    private CompletableFuture<OriginateResult> dial(String callId) throws Exception {
        stubDial(PBX_CALL);
        connect(settings());
        CompletableFuture<OriginateResult> f = pbx.originate(new OriginateRequest(callId, CUSTOMER, null, AGENT,
                Duration.ofSeconds(30), Map.of()));
        await().untilAsserted(() -> wm.verify(postRequestedFor(urlPathEqualTo(API + "call/dial"))));
        Thread.sleep(100); // the dial answer is applied on the dispatcher
        return f;
    }

    /** A call dialled, answered and bridged, its originate completed ANSWERED. */
    private void answeredCall(String callId) throws Exception {
        CompletableFuture<OriginateResult> f = dial(callId);
        answered(callId);
        assertThat(f.get(15, TimeUnit.SECONDS).outcome()).isEqualTo(CallOutcome.ANSWERED);
    }

    private void answered(String callId) {
        status(PBX_CALL, ext(AGENT, AGENT_CH, "ALERT"), outbound(CUSTOMER, TRUNK_CH, "RING"));
        status(PBX_CALL, ext(AGENT, AGENT_CH, "ANSWERED"), outbound(CUSTOMER, TRUNK_CH, "ANSWER"));
        await().atMost(Duration.ofSeconds(15)).until(() -> events.summary(callId).contains("BRIDGED/CUSTOMER"));
    }

    private MappingBuilder callQuery() {
        return get(urlPathEqualTo(API + "call/query")).withQueryParam("access_token", equalTo("tok-1"))
                .withQueryParam("call_id", equalTo(PBX_CALL));
    }

    private static String calls(String... callInfos) {
        return "{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"data\":[" + String.join(",", callInfos) + "]}";
    }

    private static String callInfo(String... members) {
        return "{\"call_id\":\"" + PBX_CALL + "\",\"members\":[" + String.join(",", members) + "]}";
    }

    private void dropAndAwaitResubscription() {
        push.dropAll();
        await().atMost(Duration.ofSeconds(20)).until(() -> push.subscriptions() >= 2);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> wm.verify(moreThanOrExactly(1),
                getRequestedFor(urlPathEqualTo(API + "call/query")).withQueryParam("call_id", equalTo(PBX_CALL))));
    }

    @Test
    void a_call_that_ended_while_the_push_was_down_hangs_up_both_legs_after_the_reconnect() throws Exception {
        answeredCall("rs-ended");
        wm.stubFor(callQuery().willReturn(okJson(calls()))); // the PBX no longer lists it: it ended meanwhile

        dropAndAwaitResubscription();

        await().atMost(Duration.ofSeconds(15)).until(() -> events.summary("rs-ended")
                .containsAll(java.util.List.of("HUNG_UP/CUSTOMER", "HUNG_UP/AGENT")));
        assertThat(events.summary("rs-ended")).endsWith("BRIDGED/CUSTOMER", "HUNG_UP/CUSTOMER", "HUNG_UP/AGENT")
                .filteredOn(s -> s.startsWith("HUNG_UP")).hasSize(2);
        assertThat(events.of("rs-ended")).filteredOn(e -> e.type() == CallEvent.Type.HUNG_UP)
                .extracting(CallEvent::cause).containsOnly(16);
        assertThat(pbx.liveCalls()).isZero();
    }

    @Test
    void a_call_answered_while_the_push_was_down_completes_answered_and_bridged_after_the_reconnect()
            throws Exception {
        CompletableFuture<OriginateResult> f = dial("rs-answered");
        status(PBX_CALL, ext(AGENT, AGENT_CH, "ALERT"), outbound(CUSTOMER, TRUNK_CH, "RING"));
        await().atMost(Duration.ofSeconds(15)).until(() -> events.summary("rs-answered").contains("RINGING/CUSTOMER"));
        wm.stubFor(callQuery().willReturn(okJson(calls(callInfo(ext(AGENT, AGENT_CH, "ANSWERED"),
                outbound(CUSTOMER, TRUNK_CH, "ANSWER"))))));

        dropAndAwaitResubscription();

        OriginateResult r = f.get(15, TimeUnit.SECONDS);
        assertThat(r.outcome()).isEqualTo(CallOutcome.ANSWERED);
        await().atMost(Duration.ofSeconds(15)).until(() -> events.summary("rs-answered").contains("BRIDGED/CUSTOMER"));
        assertThat(events.summary("rs-answered")).doesNotContain("HUNG_UP/CUSTOMER", "HUNG_UP/AGENT");

        // it goes on as any call: the end comes through the push again
        cdr(PBX_CALL, "ANSWERED", 42);
        await().atMost(Duration.ofSeconds(15)).until(() -> events.summary("rs-answered")
                .containsAll(java.util.List.of("HUNG_UP/CUSTOMER", "HUNG_UP/AGENT")));
    }

    @Test
    void a_failed_query_keeps_the_call_as_it_was_and_later_reports_still_apply() throws Exception {
        answeredCall("rs-unknown");
        wm.stubFor(callQuery().willReturn(aResponse().withStatus(500)));

        dropAndAwaitResubscription();
        awaitLog("failed, its state is kept"); // the failed answer was handled: nothing may follow from it

        assertThat(events.summary("rs-unknown")).doesNotContain("HUNG_UP/CUSTOMER", "HUNG_UP/AGENT");
        assertThat(pbx.liveCalls()).isEqualTo(1);
        cdr(PBX_CALL, "ANSWERED", 12);
        await().atMost(Duration.ofSeconds(15)).until(() -> events.summary("rs-unknown")
                .containsAll(java.util.List.of("HUNG_UP/CUSTOMER", "HUNG_UP/AGENT")));
    }

    @Test
    void a_query_answer_older_than_a_push_report_is_ignored() throws Exception {
        answeredCall("rs-stale");
        // a slow answer saying "ended", overtaken by a report that says the call is up
        wm.stubFor(callQuery().willReturn(okJson(calls()).withFixedDelay(1500)));

        push.dropAll();
        await().atMost(Duration.ofSeconds(20)).until(() -> push.subscriptions() >= 2);
        await().atMost(Duration.ofSeconds(15)).until(() -> !wm.findAll(getRequestedFor(urlPathEqualTo(
                API + "call/query"))).isEmpty());
        status(PBX_CALL, ext(AGENT, AGENT_CH, "ANSWERED"), outbound(CUSTOMER, TRUNK_CH, "ANSWER"));
        awaitLog("older than the push reports since, ignored"); // the slow answer arrived and was handled

        assertThat(events.summary("rs-stale")).doesNotContain("HUNG_UP/CUSTOMER", "HUNG_UP/AGENT");
        assertThat(pbx.liveCalls()).isEqualTo(1);
    }

    @Test
    void a_push_that_stops_answering_heartbeats_is_dropped_and_the_calls_are_resynchronised() throws Exception {
        answeredCall("rs-silent");
        wm.stubFor(callQuery().willReturn(okJson(calls())));

        push.answerHeartbeats = false; // TCP stays up, the PBX side says nothing any more
        await().atMost(Duration.ofSeconds(15)).until(() -> push.handshakes() >= 2);
        push.answerHeartbeats = true;

        await().atMost(Duration.ofSeconds(15)).until(() -> events.summary("rs-silent")
                .containsAll(java.util.List.of("HUNG_UP/CUSTOMER", "HUNG_UP/AGENT")));
        await().atMost(Duration.ofSeconds(15)).until(pbx::isConnected);
    }

    @Test
    void channel_status_asks_the_pbx_and_lists_the_live_members_with_their_leg_and_state() throws Exception {
        answeredCall("rs-status");
        wm.stubFor(callQuery().willReturn(okJson(calls(callInfo(ext(AGENT, AGENT_CH, "ANSWERED"),
                outbound(CUSTOMER, TRUNK_CH, "HOLD"), ext("2009", "PJSIP/2009-00000031", "RING"),
                ext("2010", "PJSIP/2010-00000032", "BYE"))))));

        java.util.List<ChannelStatus> channels = pbx.channelStatus("rs-status").get(15, TimeUnit.SECONDS);

        assertThat(channels).extracting(ChannelStatus::channel, ChannelStatus::leg, ChannelStatus::state,
                ChannelStatus::stateDesc, ChannelStatus::exten).containsExactly(
                tuple(AGENT_CH, CallEvent.Leg.AGENT, 6, "Up", AGENT),
                tuple(TRUNK_CH, CallEvent.Leg.CUSTOMER, 6, "Up", CUSTOMER),
                tuple("PJSIP/2009-00000031", CallEvent.Leg.AGENT, 5, "Ringing", "2009"));
        assertThat(channels).allMatch(c -> c.uniqueId().equals(PBX_CALL) && c.linkedId().equals("rs-status"));
        assertThat(pbx.channelStatus("no-such-call").get(15, TimeUnit.SECONDS)).isEmpty();

        wm.stubFor(callQuery().willReturn(okJson("{\"errcode\":10001,\"errmsg\":\"FAILURE\"}")));
        assertThatThrownBy(() -> pbx.channelStatus("rs-status").get(15, TimeUnit.SECONDS))
                .cause().isInstanceOf(PbxActionException.class).hasMessageContaining("call/query")
                .hasMessageContaining("10001");
    }

    @Test
    void no_query_is_sent_when_no_call_is_followed() throws Exception {
        connect(settings());
        push.dropAll();
        await().atMost(Duration.ofSeconds(20)).until(() -> push.subscriptions() >= 2);
        await().atMost(Duration.ofSeconds(15)).until(pbx::isConnected);
        Thread.sleep(100);
        pbx.channelStatus("no-call").get(15, TimeUnit.SECONDS); // runs on the dispatcher after the resync task
        Thread.sleep(300); // a query the resync would have sent has reached the stub by now
        wm.verify(0, getRequestedFor(urlPathEqualTo(API + "call/query")));
    }

    @Test
    void a_member_the_pbx_no_longer_lists_left_during_the_outage() throws Exception {
        answeredCall("rs-left");
        // the agent's phone left while the push was down; the customer is still there (e.g. parked by the PBX)
        wm.stubFor(callQuery().willReturn(okJson(calls(callInfo(outbound(CUSTOMER, TRUNK_CH, "ANSWER"))))));

        dropAndAwaitResubscription();

        await().atMost(Duration.ofSeconds(15)).until(() -> events.summary("rs-left").contains("HUNG_UP/AGENT"));
        assertThat(events.summary("rs-left")).doesNotContain("HUNG_UP/CUSTOMER");
        assertThat(pbx.liveCalls()).isEqualTo(1);
    }

    @Test
    void an_answer_without_a_data_list_keeps_the_call() throws Exception {
        answeredCall("rs-nodata");
        wm.stubFor(callQuery().willReturn(okJson("{\"errcode\":0,\"errmsg\":\"SUCCESS\"}")));

        dropAndAwaitResubscription();
        awaitLog("without a data list, its state is kept");

        assertThat(events.summary("rs-nodata")).doesNotContain("HUNG_UP/CUSTOMER", "HUNG_UP/AGENT");
        assertThat(pbx.liveCalls()).isEqualTo(1);
    }
}
