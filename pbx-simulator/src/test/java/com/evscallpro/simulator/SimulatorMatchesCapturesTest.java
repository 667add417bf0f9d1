package com.evscallpro.simulator;

import static com.evscallpro.telephony.testing.CaptureComparison.indexOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.evscallpro.telephony.testing.AmiTestClient;
import com.evscallpro.telephony.testing.CaptureComparison;
import com.evscallpro.telephony.testing.Transcripts;
import com.evscallpro.telephony.testing.WireFrame;

/**
 * Drives the simulator with the action frames a client really sent to Asterisk 22.10 and compares what it answers
 * with what Asterisk answered: per-channel event sequences, causes, reasons, dial statuses, Linkedid relations,
 * bridge order, header layouts, and the exact bytes of the banner and of the login / logoff responses.
 */
class SimulatorMatchesCapturesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    static Stream<Arguments> scenarios() {
        List<Arguments> out = new ArrayList<>();
        for (String s : List.of("01-originate-answered", "02-originate-busy", "03-originate-noanswer",
                "04a-originate-congestion", "04b-originate-unallocated", "05-originate-bridge-agent",
                "05b-originate-bridge-customer-hangs-up")) {
            for (int run : new int[] {1, 2}) {
                out.add(Arguments.of(s, run));
            }
        }
        return out.stream();
    }

    /** The dialplan of the captures, as simulator settings. */
    static SimulatorSettings settingsFor(String scenario) {
        CustomerScript script = CustomerScript.random(1)
                .with("1001", CustomerBehaviour.answer(Duration.ZERO, Duration.ofMillis(300)))
                .with("1002", CustomerBehaviour.busy())
                .with("1003", CustomerBehaviour.noAnswer())
                .with("1004", CustomerBehaviour.congestion())
                .with("1000", scenario.startsWith("04b") ? CustomerBehaviour.failed()
                        : CustomerBehaviour.answer(Duration.ZERO, Duration.ofMillis(400)))
                .with("1005", CustomerBehaviour.answerAndStay(Duration.ZERO));
        SimulatorSettings s = SimulatorSettings.defaults().withCustomers(script)
                .withAgentContext("agents", Set.of("fx-to-agent")).withAgentAnswerDelay(Duration.ofMillis(5));
        return scenario.startsWith("05-") ? s.withAgentHangupAfter(Duration.ofMillis(300)) : s;
    }

    @ParameterizedTest(name = "{0} run{1}")
    @MethodSource("scenarios")
    void simulator_answers_the_captured_actions_like_asterisk(String scenario, int run) throws Exception {
        List<WireFrame> sent = Transcripts.sentFrames(scenario, run);
        List<WireFrame> expected = Transcripts.receivedFrames(scenario, run);
        List<WireFrame> expectedFrames = expected.subList(1, expected.size());
        long channels = expectedFrames.stream().filter(f -> "Newchannel".equals(f.event())).count();

        List<WireFrame> actual;
        byte[] bytes;
        try (PbxSimulator sim = new PbxSimulator(settingsFor(scenario)).start();
             AmiTestClient client = new AmiTestClient(sim.port())) {
            assertThat(client.banner(WAIT)).isEqualTo("Asterisk Call Manager/11.0.0");
            for (WireFrame action : sent) {
                String name = action.get("Action");
                if ("Logoff".equalsIgnoreCase(name)) {
                    awaitHangups(client, channels);
                    Thread.sleep(100);
                }
                client.send(action);
                String id = action.get("ActionID");
                assertThat(client.await(f -> id.equals(f.get("ActionID")) && f.response() != null, WAIT))
                        .as("response to %s", id).isNotNull();
            }
            assertThat(client.awaitClosed(WAIT)).as("closed after Logoff").isTrue();
            actual = client.allFrames();
            bytes = client.receivedBytes();
        }

        String wire = new String(bytes, StandardCharsets.UTF_8);
        String captured = new String(Transcripts.bytes(scenario, run, "recv.raw"), StandardCharsets.UTF_8);
        assertThat(wire).startsWith("Asterisk Call Manager/11.0.0\r\nResponse: Success\r\nActionID: login-1\r\n"
                + "Message: Authentication accepted\r\n\r\n");
        assertThat(captured).startsWith(wire.substring(0, wire.indexOf("\r\n\r\n") + 4));
        assertThat(wire).endsWith("Response: Goodbye\r\nActionID: logoff-1\r\nMessage: Thanks for all the fish.\r\n\r\n");
        assertThat(captured).endsWith(wire.substring(wire.lastIndexOf("Response: Goodbye")));

        Map<String, List<String>> want = CaptureComparison.perChannelWithoutOriginateDialBegin(expectedFrames);
        Map<String, List<String>> got = CaptureComparison.perChannelWithoutOriginateDialBegin(actual);
        assertThat(got.keySet()).containsExactlyInAnyOrderElementsOf(want.keySet());
        want.forEach((key, seq) -> assertThat(got.get(key)).as("events of %s", key).containsExactlyElementsOf(seq));
        // the originate's own DialBegin: once, on the originated ;1, before its DialEnd / DialState
        CaptureComparison.perChannel(actual).forEach((key, seq) -> {
            long expectedCount = CaptureComparison.perChannel(expectedFrames).getOrDefault(key, List.of()).stream()
                    .filter("DialBegin"::equals).count();
            assertThat(seq.stream().filter("DialBegin"::equals).count()).as("DialBegin of %s", key)
                    .isEqualTo(expectedCount);
            int begin = seq.indexOf("DialBegin");
            int end = indexOfFirst(seq, "DialEnd", "DialState");
            if (begin >= 0 && end >= 0) {
                assertThat(begin).as("DialBegin before DialEnd/DialState on %s", key).isLessThan(end);
            }
        });

        assertThat(CaptureComparison.linkedIdRelations(actual))
                .containsExactlyInAnyOrderEntriesOf(CaptureComparison.linkedIdRelations(expectedFrames));
        assertThat(CaptureComparison.bridgeOrder(actual)).containsExactlyElementsOf(
                CaptureComparison.bridgeOrder(expectedFrames));
        assertThat(CaptureComparison.shapeMismatches(expectedFrames, actual)).as("header layouts").isEmpty();
        assertThat(sorted(CaptureComparison.channelDetails(actual)))
                .containsExactlyElementsOf(sorted(CaptureComparison.channelDetails(expectedFrames)));

        // an action's Response comes before any event it causes
        int response = indexOf(actual, f -> f.response() != null && String.valueOf(f.get("ActionID")).startsWith("orig"));
        int firstChannel = indexOf(actual, f -> "Newchannel".equals(f.event()));
        assertThat(response).isLessThan(firstChannel);
    }

    private static List<String> sorted(List<String> l) {
        return l.stream().sorted().toList();
    }

    private static int indexOfFirst(List<String> seq, String... prefixes) {
        for (int i = 0; i < seq.size(); i++) {
            for (String p : prefixes) {
                if (seq.get(i).startsWith(p)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static void awaitHangups(AmiTestClient client, long channels) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < end) {
            long hangups = client.allFrames().stream().filter(f -> "Hangup".equals(f.event())).count();
            if (hangups >= channels) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("not all " + channels + " channels hung up: " + client.allFrames());
    }
}
