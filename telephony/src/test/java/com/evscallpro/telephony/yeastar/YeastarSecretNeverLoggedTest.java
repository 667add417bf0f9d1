package com.evscallpro.telephony.yeastar;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;

import com.evscallpro.telephony.OriginateRequest;

class YeastarSecretNeverLoggedTest extends YeastarTestSupport {

    @Test
    void settings_to_string_masks_the_secret() {
        YeastarSettings s = settings();
        assertThat(s.toString()).doesNotContain(SECRET).contains("secret=***").contains(CLIENT_ID);
    }

    @Test
    void no_log_line_contains_the_secret_or_a_token_even_at_debug_through_refresh_relogin_and_errors()
            throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.DEBUG);
        try {
            wm.stubFor(post(urlPathEqualTo(API + "get_token")).willReturn(okJson(token("tok-1", "ref-1", 2))));
            wm.stubFor(post(urlPathEqualTo(API + "refresh_token"))
                    .willReturn(okJson("{\"errcode\":10002,\"errmsg\":\"FAILURE\"}")));
            wm.stubFor(apiPost("call/dial", "tok-1").willReturn(okJson("{\"errcode\":10004,\"errmsg\":\"TOKEN EXPIRED\"}")));
            connect(settings().withTokenRefreshMargin(Duration.ofMillis(1500)));
            pbx.originate(new OriginateRequest("secret-call", CUSTOMER, null, AGENT, Duration.ofSeconds(5), Map.of()))
                    .handle((r, e) -> null).get(15, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    wm.verify(postRequestedFor(urlPathEqualTo(API + "refresh_token"))));
            push.dropAll();
            await().atMost(Duration.ofSeconds(20)).until(() -> push.subscriptions() >= 2);
            pbx.close();
            pbx = null;
        } finally {
            root.detachAppender(appender);
            root.setLevel(before);
        }
        List<ILoggingEvent> logged;
        synchronized (appender) {
            logged = new ArrayList<>(appender.list);
        }
        assertThat(logged).isNotEmpty();
        for (ILoggingEvent e : logged) {
            if (e.getLoggerName().startsWith("com.github.tomakehurst") || e.getLoggerName().startsWith("wiremock")
                    || e.getLoggerName().startsWith("org.eclipse.jetty") || e.getLoggerName().startsWith("WireMock")) {
                continue; // the fake PBX's own logs, not ours
            }
            String line = e.getFormattedMessage()
                    + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()));
            assertThat(line).as(e.getLoggerName()).doesNotContain(SECRET).doesNotContain("tok-1")
                    .doesNotContain("ref-1").doesNotContain("access_token=");
        }
    }
}
