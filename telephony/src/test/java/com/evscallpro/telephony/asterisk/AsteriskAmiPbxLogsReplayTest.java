package com.evscallpro.telephony.asterisk;

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
import com.evscallpro.telephony.testing.RecordingListener;
import com.evscallpro.telephony.testing.Transcripts;

/**
 * What a bridged call and a PBX crash write to the logs, replayed from a real Asterisk (captures 12 and 13b) through
 * the adapter's own AMI Filters: no ERROR for a normal call (asterisk-java's bridge bookkeeping needs BridgeCreate),
 * and no customer number in clear in the adapter's lines, channel names included.
 */
class AsteriskAmiPbxLogsReplayTest {

    private static final String NUMBER_DIGITS = "612340001";

    private static List<ILoggingEvent> logsOf(String scenario, boolean pbxGone) throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        Logger ours = (Logger) LoggerFactory.getLogger("com.evscallpro");
        Level oursBefore = ours.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.INFO);
        ours.setLevel(Level.DEBUG);
        String callId = Transcripts.receivedFrames(scenario, 1).stream().filter(f -> "Newchannel".equals(f.event()))
                .findFirst().orElseThrow().get("Uniqueid");
        ReplayAmiServer server = new ReplayAmiServer(Transcripts.bytes(scenario, 1, "recv.raw")).applyingFilters();
        if (pbxGone) {
            server.endingWithThePbxGone(Duration.ofMillis(200));
        }
        RecordingListener events = new RecordingListener();
        try (server; AsteriskAmiPbx pbx = new AsteriskAmiPbx(AmiSettings.of("127.0.0.1", server.port(), "evscallpro",
                "evs-secret").withDialing("Local/{number}@fx2-answer", "fx2-to-agent")
                .withReconnect(Duration.ofMillis(50), Duration.ofMillis(200)))) {
            pbx.addListener(events);
            pbx.start();
            assertThat(pbx.awaitConnected(Duration.ofSeconds(10))).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> pbx.eventFilterInstalls() == 1);
            pbx.originate(new OriginateRequest(callId, "+33612340001", null, "2001", Duration.ofSeconds(15),
                    Map.of())).get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(15)).until(() -> events.summary(callId).contains("HUNG_UP/CUSTOMER"));
            Thread.sleep(200); // the last Hangups and BridgeDestroy are logged, if at all, right after
        } finally {
            root.detachAppender(appender);
            root.setLevel(before);
            ours.setLevel(oursBefore);
        }
        synchronized (appender) {
            return new ArrayList<>(appender.list);
        }
    }

    private static String text(ILoggingEvent e) {
        return e.getFormattedMessage() + (e.getThrowableProxy() == null ? ""
                : ThrowableProxyUtil.asString(e.getThrowableProxy()));
    }

    @Test
    void a_normal_bridged_call_logs_no_error_not_even_from_asterisk_javas_bridge_bookkeeping() throws Exception {
        List<ILoggingEvent> logged = logsOf("12-originate-bridge-agent-nonlocal-name", false);

        assertThat(logged).isNotEmpty();
        assertThat(logged).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.ERROR)).extracting(e -> text(e))
                .isEmpty();
        assertThat(logged).extracting(e -> text(e)).noneMatch(t -> t.contains("Cant find bridge"));
    }

    @Test
    void the_adapters_log_lines_never_carry_the_customers_number_in_clear() throws Exception {
        List<ILoggingEvent> logged = logsOf("13b-asterisk-killed-during-bridged-call", true);

        List<String> ours = logged.stream().filter(e -> e.getLoggerName().startsWith("com.evscallpro"))
                .map(AsteriskAmiPbxLogsReplayTest::text).toList();
        assertThat(ours).as("the outage names the channels it found gone")
                .anyMatch(t -> t.contains("ended while AMI was down") && t.contains("Local/+33•••••••01@fx2-answer"));
        assertThat(ours).noneMatch(t -> t.contains(NUMBER_DIGITS));
    }
}
