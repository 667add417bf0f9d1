package com.evscallpro.telephony.yeastar;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import com.evscallpro.telephony.testing.RecordingListener;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;

/**
 * WireMock playing the Yeastar Open API (shapes of the P-Series developer guide) plus {@link FakeYeastarPush} for the
 * event push; helpers that write the reports as the docs show them.
 */
abstract class YeastarTestSupport {

    static final String CLIENT_ID = "UEnH9Dmv6uBJEXsYcag1trNfQThYXXXX";
    static final String SECRET = "ZLcXl63S9EtMnYoHUnjbVo6sA8Cb-secret";
    static final String API = "/openapi/v1.0/";
    static final String AGENT = "2000";
    static final String CUSTOMER = "+33612345678";
    static final String AGENT_CH = "PJSIP/2000-00000011";
    static final String TRUNK_CH = "PJSIP/trunk-orange-00000012";

    WireMockServer wm;
    FakeYeastarPush push;
    YeastarPbx pbx;
    final RecordingListener events = new RecordingListener();

    @BeforeEach
    void startFakes() throws Exception {
        wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        push = new FakeYeastarPush();
        push.acceptedTokens.add("tok-1");
        wm.stubFor(post(urlPathEqualTo(API + "get_token")).willReturn(okJson(token("tok-1", "ref-1", 1800))));
    }

    @AfterEach
    void stopFakes() throws Exception {
        if (pbx != null) {
            pbx.close();
        }
        push.close();
        wm.stop();
    }

    YeastarSettings settings() {
        return YeastarSettings.of("http://127.0.0.1:" + wm.port(), CLIENT_ID, SECRET)
                .withEventsUrl(push.url())
                .withReconnect(Duration.ofMillis(50), Duration.ofMillis(300))
                .withEndDetailsWait(Duration.ofMillis(300))
                .withHeartbeatInterval(Duration.ofMillis(500)) // a drop the client missed is found within ~1.5 s
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3));
    }

    YeastarPbx connect(YeastarSettings settings) throws InterruptedException {
        pbx = new YeastarPbx(settings);
        pbx.addListener(events);
        pbx.start();
        if (!pbx.awaitConnected(Duration.ofSeconds(10))) {
            throw new AssertionError("event push not subscribed");
        }
        return pbx;
    }

    static String token(String access, String refresh, int ttlSeconds) {
        return "{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"access_token_expire_time\":" + ttlSeconds
                + ",\"access_token\":\"" + access + "\",\"refresh_token_expire_time\":86400,\"refresh_token\":\""
                + refresh + "\"}";
    }

    static String ok(String pbxCallId) {
        return "{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"call_id\":\"" + pbxCallId + "\"}";
    }

    MappingBuilder apiPost(String endpoint, String tokenValue) {
        return post(urlPathEqualTo(API + endpoint)).withQueryParam("access_token", equalTo(tokenValue));
    }

    void stubDial(String pbxCallId) {
        wm.stubFor(apiPost("call/dial", "tok-1").willReturn(okJson(ok(pbxCallId))));
    }

    static String ext(String number, String channel, String status) {
        return "{\"extension\":{\"number\":\"" + number + "\",\"channel_id\":\"" + channel + "\",\"member_status\":\""
                + status + "\",\"call_path\":\"\"}}";
    }

    static String outbound(String to, String channel, String status) {
        return "{\"outbound\":{\"from\":\"" + AGENT + "\",\"to\":\"" + to + "\",\"trunk_name\":\"orange\","
                + "\"channel_id\":\"" + channel + "\",\"member_status\":\"" + status + "\",\"call_path\":\"\"}}";
    }

    /** (30011) Call Status Changed. */
    void status(String pbxCallId, String... members) {
        push.report(30011, "{\"call_id\":\"" + pbxCallId + "\",\"members\":[" + String.join(",", members) + "]}");
    }

    /** (30012) New CDR. */
    void cdr(String pbxCallId, String status, int talk) {
        push.report(30012, "{\"call_id\":\"" + pbxCallId + "\",\"time_start\":\"2026-03-02 10:00:00\",\"call_from\":\""
                + AGENT + "\",\"call_to\":\"" + CUSTOMER + "\",\"call_duration\":" + (talk + 8) + ",\"talk_duration\":"
                + talk + ",\"src_trunk_name\":\"\",\"dst_trunk_name\":\"orange\",\"pin_code\":\"\",\"status\":\""
                + status + "\",\"type\":\"Outbound\",\"recording\":\"\",\"did_number\":\"\",\"agent_ring_time\":0}");
    }

    /** (30015) Call Failed. */
    void failed(String pbxCallId, String reason, String... members) {
        push.report(30015, "{\"call_id\":\"" + pbxCallId + "\",\"reason\":\"" + reason + "\",\"members\":["
                + String.join(",", members) + "]}");
    }
}
