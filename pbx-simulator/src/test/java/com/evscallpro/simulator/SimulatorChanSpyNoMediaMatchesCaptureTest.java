package com.evscallpro.simulator;

import static com.evscallpro.telephony.testing.CaptureComparison.indexOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.evscallpro.telephony.testing.AmiTestClient;
import com.evscallpro.telephony.testing.CaptureComparison;
import com.evscallpro.telephony.testing.Transcripts;
import com.evscallpro.telephony.testing.WireFrame;

/**
 * Capture 07x (ChanSpy {@code q} on the agent leg of a call that carries no media; the supervisor's far end hangs up
 * first) replayed against a simulator with {@link SimulatorSettings#withNoMedia}: ChanSpyStop and the spyer's Hangup
 * wait until the spyee hangs up (Asterisk issue #978). Without the setting the spyer stops at once, as in 07.
 */
class SimulatorChanSpyNoMediaMatchesCaptureTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SCENARIO = "07x-chanspy-no-media-quirk";
    private static final String SPYER_1 = "Local/3011@fx-supervisor-N;1";
    private static final String SPYER_2 = "Local/3011@fx-supervisor-N;2";
    private static final String CUSTOMER_2 = "Local/1217@fx-customer-N;2";
    private static final String SPYEE = "Local/2217@fx-agent-long-N;1";

    /** The capture's dialplan: the customer stays 12 s (here 1.2 s), the supervisor's ;2 4 s (here 0.4 s). */
    static SimulatorSettings settings(boolean noMedia) {
        return SimulatorSettings.defaults().withAgentContext("fx-agent-long", Set.of("fx-to-agent-long"))
                .withAgentAnswerDelay(Duration.ofMillis(5))
                .withCustomers(CustomerScript.random(1)
                        .with("1217", CustomerBehaviour.answer(Duration.ZERO, Duration.ofMillis(1200)))
                        .with("3011", CustomerBehaviour.answer(Duration.ZERO, Duration.ofMillis(400))))
                .withNoMedia(noMedia);
    }

    @ParameterizedTest(name = "run{0}")
    @ValueSource(ints = {1, 2})
    void without_media_chanspy_stops_only_when_the_spyee_hangs_up_like_capture_07x(int run) throws Exception {
        List<WireFrame> expected = Transcripts.receivedFrames(SCENARIO, run);
        expected = expected.subList(1, expected.size());
        List<WireFrame> actual = replay(run, true);

        Map<String, List<String>> want = CaptureComparison.perChannelWithoutOriginateDialBegin(expected);
        Map<String, List<String>> got = CaptureComparison.perChannelWithoutOriginateDialBegin(actual);
        assertThat(got.keySet()).containsExactlyInAnyOrderElementsOf(want.keySet());
        want.forEach((key, seq) -> assertThat(got.get(key)).as("events of %s", key).containsExactlyElementsOf(seq));
        assertThat(CaptureComparison.shapeMismatches(expected, actual)).as("header layouts").isEmpty();
        assertThat(CaptureComparison.channelDetails(actual).stream().sorted().toList())
                .containsExactlyElementsOf(CaptureComparison.channelDetails(expected).stream().sorted().toList());
        assertThat(CaptureComparison.linkedIdRelations(actual))
                .containsExactlyInAnyOrderEntriesOf(CaptureComparison.linkedIdRelations(expected));
        assertThat(CaptureComparison.bridgeOrder(actual))
                .containsExactlyElementsOf(CaptureComparison.bridgeOrder(expected));
        assertThat(spyEvents(actual)).isEqualTo(spyEvents(expected)).hasSize(2);
        for (List<WireFrame> frames : List.of(expected, actual)) {
            assertThat(quirkOrder(frames)).as("spyer ;2 gone < customer ;2 gone < ChanSpyStop < spyee gone < spyer ;1 "
                    + "gone").isSorted().doesNotContain(-1);
        }
    }

    @Test
    void with_media_the_spyer_stops_as_soon_as_its_far_end_hangs_up() throws Exception {
        List<WireFrame> actual = replay(1, false);
        List<Integer> order = quirkOrder(actual);
        int spyerFarGone = order.get(0);
        int customerGone = order.get(1);
        int stop = order.get(2);
        int spyerGone = order.get(4);
        assertThat(spyerFarGone).isLessThan(stop);
        assertThat(stop).isLessThan(spyerGone);
        assertThat(spyerGone).as("the spyer does not wait for the spyee").isLessThan(customerGone);
    }

    /** Indexes of: spyer ;2 Hangup, customer ;2 Hangup, ChanSpyStop, spyee Hangup, spyer ;1 Hangup. */
    private static List<Integer> quirkOrder(List<WireFrame> frames) {
        return List.of(indexOf(frames, hangupOf(SPYER_2)), indexOf(frames, hangupOf(CUSTOMER_2)),
                indexOf(frames, f -> "ChanSpyStop".equals(f.event())), indexOf(frames, hangupOf(SPYEE)),
                indexOf(frames, hangupOf(SPYER_1)));
    }

    private static List<WireFrame> replay(int run, boolean noMedia) throws Exception {
        List<WireFrame> sent = Transcripts.sentFrames(SCENARIO, run);
        try (PbxSimulator sim = new PbxSimulator(settings(noMedia)).start();
             AmiTestClient c = new AmiTestClient(sim.port())) {
            assertThat(c.banner(WAIT)).isEqualTo("Asterisk Call Manager/11.0.0");
            for (WireFrame action : sent) {
                String id = action.get("ActionID");
                if (id.equals("spy-nomedia")) {
                    c.awaitCount("BridgeEnter", 2, WAIT);
                }
                if (id.equals("logoff-1")) {
                    c.awaitCount("Hangup", 6, WAIT);
                    Thread.sleep(50);
                }
                c.send(CaptureComparison.withLiveChannels(action, sim.channelNames(), Set.of("Data")));
                assertThat(c.await(f -> f.event() == null && id.equals(f.get("ActionID")), WAIT))
                        .as("response to %s", id).isNotNull();
            }
            assertThat(c.awaitClosed(WAIT)).isTrue();
            return c.allFrames();
        }
    }

    private static Predicate<WireFrame> hangupOf(String normalizedChannel) {
        return f -> "Hangup".equals(f.event()) && normalizedChannel.equals(CaptureComparison.norm(f.get("Channel")));
    }

    private static List<String> spyEvents(List<WireFrame> frames) {
        List<String> out = new ArrayList<>();
        for (WireFrame f : frames) {
            if (f.event() != null && f.event().startsWith("ChanSpy")) {
                out.add(f.event() + " " + CaptureComparison.norm(f.get("SpyerChannel")) + " -> "
                        + CaptureComparison.norm(f.get("SpyeeChannel")) + " [" + f.get("SpyerChannelState") + " "
                        + f.get("SpyerContext") + "," + f.get("SpyerExten") + "," + f.get("SpyerPriority") + " / "
                        + f.get("SpyeeChannelState") + " " + f.get("SpyeeContext") + "," + f.get("SpyeeExten") + ","
                        + f.get("SpyeePriority") + "]");
            }
        }
        return out;
    }
}
