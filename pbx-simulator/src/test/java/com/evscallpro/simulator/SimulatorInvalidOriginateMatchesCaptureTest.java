package com.evscallpro.simulator;

import static com.evscallpro.telephony.testing.CaptureComparison.indexOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.evscallpro.telephony.testing.AmiTestClient;
import com.evscallpro.telephony.testing.CaptureComparison;
import com.evscallpro.telephony.testing.Transcripts;
import com.evscallpro.telephony.testing.WireFrame;

/**
 * Capture 04c replayed against a simulator with a strict dialplan: an async Originate to a missing extension and to a
 * missing context (the Local pair is created and destroyed, Hangup cause 0, OriginateResponse Failure Reason 0), to an
 * unknown technology (no channel at all) and a synchronous Originate to a missing extension ({@code Response: Error},
 * {@code Originate failed}, before the channel events).
 */
class SimulatorInvalidOriginateMatchesCaptureTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SCENARIO = "04c-originate-invalid";

    /** The capture's dialplan: fx-unalloc only has extension 1000; no-such-context does not exist. */
    static SimulatorSettings strictDialplan() {
        return SimulatorSettings.defaults().withContext("fx-unalloc", "1000").withContext("customers", "_X.")
                .withAgentContext("agents", Set.of("fx-to-agent"));
    }

    @ParameterizedTest(name = "run{0}")
    @ValueSource(ints = {1, 2})
    void originates_to_missing_extension_context_or_technology_fail_like_capture_04c(int run) throws Exception {
        List<WireFrame> expected = Transcripts.receivedFrames(SCENARIO, run);
        expected = expected.subList(1, expected.size());
        List<WireFrame> actual = replay(run);

        Map<String, List<String>> want = CaptureComparison.perChannel(expected);
        Map<String, List<String>> got = CaptureComparison.perChannel(actual);
        assertThat(got.keySet()).containsExactlyInAnyOrderElementsOf(want.keySet());
        want.forEach((key, seq) -> assertThat(got.get(key)).as("events of %s", key).containsExactlyElementsOf(seq));
        assertThat(CaptureComparison.shapeMismatches(expected, actual)).as("header layouts").isEmpty();
        assertThat(CaptureComparison.channelDetails(actual).stream().sorted().toList())
                .containsExactlyElementsOf(CaptureComparison.channelDetails(expected).stream().sorted().toList());
        assertThat(CaptureComparison.linkedIdRelations(actual))
                .containsExactlyInAnyOrderEntriesOf(CaptureComparison.linkedIdRelations(expected));
        for (String id : List.of("orig-noexten-1", "orig-nocontext-1", "orig-badtech-1")) {
            WireFrame response = originateResponse(actual, id);
            assertThat(response.pairs()).as(id).usingRecursiveFieldByFieldElementComparator()
                    .isEqualTo(withoutTimestamp(originateResponse(expected, id), response.get("Timestamp")).pairs());
        }
        assertThat(actual.stream().filter(f -> "OriginateResponse".equals(f.event())
                && "orig-sync-noexten-1".equals(f.get("ActionID")))).as("sync: no OriginateResponse").isEmpty();
    }

    @Test
    void a_synchronous_originate_to_a_missing_extension_answers_error_before_the_channel_events() throws Exception {
        List<WireFrame> actual = replay(1);
        int error = indexOf(actual, f -> f.event() == null && "orig-sync-noexten-1".equals(f.get("ActionID")));
        assertThat(actual.get(error).response()).isEqualTo("Error");
        assertThat(actual.get(error).get("Message")).isEqualTo("Originate failed");
        int lastBadTech = indexOf(actual, f -> "OriginateResponse".equals(f.event())
                && "orig-badtech-1".equals(f.get("ActionID")));
        List<WireFrame> after = actual.subList(error, actual.size());
        assertThat(actual.subList(lastBadTech, error).stream().filter(f -> "Newchannel".equals(f.event())))
                .as("the unknown technology makes no channel").isEmpty();
        assertThat(after.stream().filter(f -> "Newchannel".equals(f.event()))).hasSize(2);
        assertThat(after.stream().filter(f -> "Hangup".equals(f.event())).map(f -> f.get("Cause")))
                .containsExactly("0", "0");
    }

    @Test
    void an_open_dialplan_still_dials_every_local_destination() {
        SimDialplan open = SimDialplan.open();
        assertThat(open.exists("no-such-context", "5555", SimulatorSettings.defaults())).isTrue();
        SimDialplan strict = strictDialplan().dialplan();
        SimulatorSettings s = strictDialplan();
        assertThat(strict.exists("fx-unalloc", "1000", s)).isTrue();
        assertThat(strict.exists("fx-unalloc", "5555", s)).isFalse();
        assertThat(strict.exists("no-such-context", "1000", s)).isFalse();
        assertThat(strict.exists("customers", "0612345678", s)).isTrue();
        assertThat(strict.exists("agents", "2000", s)).as("the agent context always exists").isTrue();
        assertThat(strict.exists("fx-to-agent", "2005", s)).as("connect contexts always exist").isTrue();
        assertThat(SimDialplan.matches("_NXX", "212")).isTrue();
        assertThat(SimDialplan.matches("_NXX", "112")).isFalse();
        assertThat(SimDialplan.matches("_[1-3]!", "3")).isTrue();
    }

    private static List<WireFrame> replay(int run) throws Exception {
        List<WireFrame> sent = Transcripts.sentFrames(SCENARIO, run);
        try (PbxSimulator sim = new PbxSimulator(strictDialplan()).start();
             AmiTestClient client = new AmiTestClient(sim.port())) {
            assertThat(client.banner(WAIT)).isEqualTo("Asterisk Call Manager/11.0.0");
            for (WireFrame action : sent) {
                String id = action.get("ActionID");
                if ("logoff-1".equals(id)) {
                    awaitNoChannels(sim);
                    Thread.sleep(100);
                }
                client.send(action);
                assertThat(client.await(f -> id.equals(f.get("ActionID")) && f.response() != null, WAIT))
                        .as("response to %s", id).isNotNull();
                if (id.startsWith("orig-") && !id.contains("sync")) {
                    assertThat(client.await(f -> "OriginateResponse".equals(f.event())
                            && id.equals(f.get("ActionID")), WAIT)).as("OriginateResponse %s", id).isNotNull();
                    awaitNoChannels(sim);
                }
            }
            assertThat(client.awaitClosed(WAIT)).isTrue();
            return client.allFrames();
        }
    }

    private static WireFrame originateResponse(List<WireFrame> frames, String id) {
        return frames.stream().filter(f -> "OriginateResponse".equals(f.event()) && id.equals(f.get("ActionID")))
                .findFirst().orElseThrow(() -> new AssertionError("no OriginateResponse " + id));
    }

    private static WireFrame withoutTimestamp(WireFrame f, String timestamp) {
        return WireFrame.of(f.pairs().stream()
                .map(p -> p[0].equals("Timestamp") ? new String[] {p[0], timestamp} : p).toList());
    }

    private static void awaitNoChannels(PbxSimulator sim) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (sim.activeChannelCount() > 0) {
            if (System.nanoTime() > end) {
                throw new AssertionError("channels still up: " + sim.channelNames());
            }
            Thread.sleep(5);
        }
    }
}
