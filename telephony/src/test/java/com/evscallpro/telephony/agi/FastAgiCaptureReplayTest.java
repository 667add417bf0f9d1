package com.evscallpro.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.evscallpro.telephony.CallEvent;

/**
 * Our FastAGI server against the real Asterisk 22.10 bytes of captures 08a-08d (both runs): a fake Asterisk sends the
 * captured environment and, for each command, the captured reply bytes (HANGUP lines where they were on the wire).
 * The test handler issues the capture script's command sequence through the typed API; the bytes our server sends
 * must equal {@code *.agi.sent.raw}, the typed results must be what the replies mean, a hangup must become one
 * HUNG_UP event, and our server must close the socket when the handler ends.
 */
class FastAgiCaptureReplayTest {

    private FastAgiServer server;
    private final RecordingEvents events = new RecordingEvents();
    private final List<String> results = new CopyOnWriteArrayList<>();
    private final CompletableFuture<AgiChannel> channelSeen = new CompletableFuture<>();

    @BeforeEach
    void start() {
        server = new FastAgiServer(FastAgiSettings.defaults().withPort(0));
        server.addListener(events);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void register(AgiHandler script) {
        server.register("ivr", ch -> {
            channelSeen.complete(ch);
            script.handle(ch);
        });
        server.start();
    }

    private void step(String label, Supplier<Object> command) {
        try {
            results.add(label + "=" + command.get());
        } catch (AgiException e) {
            results.add(label + "!" + e.getClass().getSimpleName()
                    + (e.reply() != null ? "(" + e.reply().status() + ")" : ""));
        }
    }

    private ReplayAsterisk.Outcome replay(AgiCapture capture) throws Exception {
        ReplayAsterisk.Outcome outcome = ReplayAsterisk.run(capture, server.port(), 3000);
        assertThat(outcome.mismatch()).isNull();
        assertThat(outcome.sentByServer()).as("bytes sent, byte for byte").isEqualTo(capture.sent());
        assertThat(outcome.closedByServer()).as("our server closes the socket").isTrue();
        assertThat(outcome.closeDelayMs()).as("closed right after the script, no drain").isLessThan(1000);
        await().atMost(Duration.ofSeconds(15)).until(() -> server.openConnectionCount() == 0);
        assertThat(server.channels().size()).isZero();
        assertThat(server.availableChannelPermits()).isEqualTo(server.settings().maxChannels());
        return outcome;
    }

    private void assertOneHangupEvent(AgiCapture capture) {
        String uniqueId = capture.env("agi_uniqueid");
        await().atMost(Duration.ofSeconds(15)).until(() -> !events.of(uniqueId).isEmpty());
        List<CallEvent> got = events.of(uniqueId);
        assertThat(got).hasSize(1);
        CallEvent e = got.get(0);
        assertThat(e.type()).isEqualTo(CallEvent.Type.HUNG_UP);
        assertThat(e.leg()).isEqualTo(CallEvent.Leg.CUSTOMER);
        assertThat(e.channel()).isEqualTo(capture.env("agi_channel"));
        assertThat(e.uniqueId()).isEqualTo(uniqueId);
    }

    @ParameterizedTest(name = "run{0}")
    @ValueSource(ints = {1, 2})
    void capture_08a_hangup_mid_script_gives_typed_hangups_511_and_one_event(int run) throws Exception {
        AgiCapture capture = AgiCapture.load("08a-fastagi-senddtmf-app", run);
        register(ch -> {
            step("answer", () -> { ch.answer(); return "ok"; });
            step("stream", () -> ch.streamFile("test-tone", "0123456789*#"));
            step("getData", () -> ch.getData("test-tone", 3000, 4));
            step("waitForDigit", () -> ch.waitForDigit(3000));
            step("sayDigits", () -> ch.sayDigits("42", ""));
            step("setVariable", () -> { ch.setVariable("X", "1"); return "ok"; });
            step("getVariable", () -> ch.getVariable("X"));
            step("exec", () -> ch.exec("Playback", "test-tone"));
            step("hangup", () -> { ch.hangup(); return "ok"; });
            step("hungUp", ch::isHungUp);
        });
        replay(capture);
        long endpos = run == 1 ? 5280 : 5440;
        assertThat(results).containsExactly(
                "answer=ok",
                "stream=StreamResult[digit=1, endpos=" + endpos + ", failed=false]",
                "getData=GetDataResult[digits=2, timedOut=false]",
                "waitForDigit!AgiHangupException(200)",
                "sayDigits!AgiHangupException(511)",
                "setVariable=ok",
                "getVariable=Optional[1]",
                "exec=0",
                "hangup=ok",
                "hungUp=true");
        assertOneHangupEvent(capture);
        assertThat(channelSeen.get().completion().get()).isEqualTo(AgiEndReason.HUNG_UP);
    }

    @ParameterizedTest(name = "run{0}")
    @ValueSource(ints = {1, 2})
    void capture_08b_full_script_with_our_hangup_command(int run) throws Exception {
        AgiCapture capture = AgiCapture.load("08b-fastagi-full-script", run);
        register(ch -> {
            step("answer", () -> { ch.answer(); return "ok"; });
            step("stream", () -> ch.streamFile("test-tone", "0123456789*#"));
            step("getData", () -> ch.getData("test-tone", 3000, 4));
            step("waitForDigit", () -> ch.waitForDigit(3000));
            step("sayDigits", () -> ch.sayDigits("42", ""));
            step("setVariable", () -> { ch.setVariable("X", "1"); return "ok"; });
            step("getVariable", () -> ch.getVariable("X"));
            step("exec", () -> ch.exec("Playback", "test-tone"));
            step("hungUpBefore", ch::isHungUp);
            step("hangup", () -> { ch.hangup(); return "ok"; });
            step("hungUpAfter", ch::isHungUp);
        });
        replay(capture);
        assertThat(results).containsExactly(
                "answer=ok",
                "stream=StreamResult[digit=1, endpos=5600, failed=false]",
                "getData=GetDataResult[digits=2, timedOut=false]",
                "waitForDigit=Optional.empty",
                "sayDigits=Optional.empty",
                "setVariable=ok",
                "getVariable=Optional[1]",
                "exec=0",
                "hungUpBefore=false",
                "hangup=ok",
                "hungUpAfter=true");
        assertOneHangupEvent(capture);
        assertThat(events.events.get(0).detail()).isIn("agi:AGI HANGUP", "agi:HANGUP"); // whichever is seen first
    }

    @ParameterizedTest(name = "run{0}")
    @ValueSource(ints = {1, 2})
    void capture_08c_hangup_during_get_data_is_a_typed_hangup_and_dead_channel_rules_apply(int run)
            throws Exception {
        AgiCapture capture = AgiCapture.load("08c-fastagi-hangup-during-getdata", run);
        register(ch -> {
            step("answer", () -> { ch.answer(); return "ok"; });
            step("getData", () -> ch.getData("test-tone", 10000, 4));
            step("getVariable", () -> ch.getVariable("CHANNEL"));
            step("waitForDigit", () -> ch.waitForDigit(1000));
            step("setVariable", () -> { ch.setVariable("Y", "2"); return "ok"; });
            step("hangup", () -> { ch.hangup(); return "ok"; });
        });
        replay(capture);
        assertThat(results).containsExactly(
                "answer=ok",
                "getData!AgiHangupException(200)",
                "getVariable=Optional[" + capture.env("agi_channel") + "]",
                "waitForDigit!AgiHangupException(511)",
                "setVariable=ok",
                "hangup=ok");
        assertOneHangupEvent(capture);
        assertThat(events.events.get(0).detail()).isEqualTo("agi:GET DATA -1");
    }

    @ParameterizedTest(name = "run{0}")
    @ValueSource(ints = {1, 2})
    void capture_08d_every_reply_shape_gets_its_typed_result(int run) throws Exception {
        AgiCapture capture = AgiCapture.load("08d-fastagi-edge-responses", run);
        List<AgiReply> usage = new CopyOnWriteArrayList<>();
        register(ch -> {
            step("answer", () -> { ch.answer(); return "ok"; });
            step("getData", () -> ch.getData("test-tone", 1000, 4));
            step("stream", () -> ch.streamFile("no-such-file", ""));
            step("foobar", () -> ch.send("FOOBAR"));
            try {
                ch.send("GET DATA");
            } catch (AgiCommandException e) {
                usage.add(e.reply());
            }
            step("status", ch::channelStatus);
            step("fullVariable", () -> ch.getFullVariable("${CALLERID(num)}"));
            step("unset", () -> ch.getVariable("NO_SUCH_VAR"));
            step("database", () -> ch.send("DATABASE GET fx nokey").resultCode());
            step("verbose", () -> { ch.verbose("fixture says hello", 1); return "ok"; });
            step("hangup", () -> { ch.hangup(); return "ok"; });
        });
        replay(capture);
        assertThat(results).containsExactly(
                "answer=ok",
                "getData=GetDataResult[digits=, timedOut=true]",
                "stream=StreamResult[digit=\0, endpos=0, failed=true]",
                "foobar!AgiCommandException(510)",
                "status=UP",
                "fullVariable=Optional[5550126]",
                "unset=Optional.empty",
                "database=0",
                "verbose=ok",
                "hangup=ok");
        assertThat(usage).hasSize(1);
        AgiReply reply = usage.get(0);
        assertThat(reply.status()).isEqualTo(520);
        assertThat(reply.lines()).containsExactly(
                "520-Invalid command syntax.  Proper usage follows:",
                "Stream the given <replaceable>file</replaceable>, and receive DTMF data.",
                "Returns the digits received from the channel at the other end.",
                "520 End of proper usage.");
        assertOneHangupEvent(capture);
    }

    @ParameterizedTest(name = "run{0}")
    @ValueSource(ints = {1, 2})
    void capture_environment_is_read_into_the_request(int run) throws Exception {
        AgiCapture capture = AgiCapture.load("08d-fastagi-edge-responses", run);
        CompletableFuture<AgiRequest> seen = new CompletableFuture<>();
        register(ch -> {
            seen.complete(ch.request());
            ch.answer();
            ch.getData("test-tone", 1000, 4);
            ch.streamFile("no-such-file", "");
            try {
                ch.send("FOOBAR");
            } catch (AgiCommandException expected) {
                // 510
            }
            try {
                ch.send("GET DATA");
            } catch (AgiCommandException expected) {
                // 520
            }
            ch.channelStatus();
            ch.getFullVariable("${CALLERID(num)}");
            ch.getVariable("NO_SUCH_VAR");
            ch.send("DATABASE GET fx nokey");
            ch.verbose("fixture says hello", 1);
            ch.hangup();
        });
        replay(capture);
        AgiRequest r = seen.get();
        assertThat(r.script()).isEqualTo("ivr");
        assertThat(r.parameters()).isEmpty();
        assertThat(r.args()).isEmpty();
        assertThat(r.uniqueId()).isEqualTo(capture.env("agi_uniqueid"));
        assertThat(r.channel()).isEqualTo(capture.env("agi_channel"));
        assertThat(r.version()).isEqualTo("22.10.1");
        assertThat(r.type()).isEqualTo("Local");
        assertThat(r.language()).isEqualTo("en");
        assertThat(r.callerId()).isEqualTo("5550126");
        assertThat(r.callerIdName()).isEqualTo("AGI Caller");
        assertThat(r.dnid()).isNull();
        assertThat(r.did()).isEqualTo("126");
        assertThat(r.context()).isEqualTo("from-test");
        assertThat(r.priority()).isEqualTo("3");
        assertThat(r.accountCode()).isEmpty();
        assertThat(r.requestUrl()).isEqualTo("agi://127.0.0.1:4573/ivr");
        assertThat(r.environment()).hasSize(22).containsEntry("threadid", capture.env("agi_threadid"));
        assertThat(r.toString()).doesNotContain("5550126");
        assertThat(Map.copyOf(r.environment())).containsEntry("enhanced", "0.0");
    }
}
