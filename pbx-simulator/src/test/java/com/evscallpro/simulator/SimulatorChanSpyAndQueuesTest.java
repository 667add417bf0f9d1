package com.evscallpro.simulator;

import static com.evscallpro.telephony.testing.CaptureComparison.indexOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
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
 * Capture 07 (ChanSpy listen / whisper / barge on the agent leg of a bridged call, then a Hangup of the customer)
 * replayed against the simulator, and the list framing of capture 09's QueueSummary.
 */
class SimulatorChanSpyAndQueuesTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @ParameterizedTest(name = "run{0}")
    @ValueSource(ints = {1, 2})
    void chanspy_in_the_three_modes_answers_like_capture_07(int run) throws Exception {
        List<WireFrame> sent = Transcripts.sentFrames("07-chanspy", run);
        List<WireFrame> expected = Transcripts.receivedFrames("07-chanspy", run);
        expected = expected.subList(1, expected.size());
        CustomerBehaviour supervisor = CustomerBehaviour.answer(Duration.ZERO, Duration.ofMillis(300));
        SimulatorSettings settings = SimulatorSettings.defaults()
                .withAgentContext("fx-agent-media", Set.of("fx-to-agent-media"))
                .withAgentAnswerDelay(Duration.ofMillis(5))
                .withCustomers(CustomerScript.random(1)
                        .with("1207", CustomerBehaviour.answerAndStay(Duration.ZERO))
                        .with("3001", supervisor).with("3002", supervisor).with("3003", supervisor));

        List<WireFrame> actual;
        try (PbxSimulator sim = new PbxSimulator(settings).start(); AmiTestClient c = new AmiTestClient(sim.port())) {
            c.banner(WAIT);
            int spies = 0;
            for (WireFrame action : sent) {
                String id = action.get("ActionID");
                if (id.startsWith("spy-")) {
                    c.awaitCount("BridgeEnter", 2, WAIT);
                    c.awaitCount("ChanSpyStop", spies, WAIT);
                    awaitSupervisorsGone(sim);
                    spies++;
                }
                if (id.equals("hangup-cust")) {
                    c.awaitCount("ChanSpyStop", 3, WAIT);
                    awaitSupervisorsGone(sim);
                }
                if (id.equals("logoff-1")) {
                    c.awaitCount("Hangup", 3 * 2 + 4, WAIT);
                }
                c.send(CaptureComparison.withLiveChannels(action, sim.channelNames(), Set.of("Channel", "Data")));
                assertThat(c.await(f -> f.event() == null && id.equals(f.get("ActionID")), WAIT))
                        .as("response to %s", id).isNotNull();
            }
            c.awaitClosed(WAIT);
            actual = c.allFrames();
        }

        assertThat(CaptureComparison.shapeMismatches(expected, actual)).as("header layouts").isEmpty();
        assertThat(spyEvents(actual)).isEqualTo(spyEvents(expected)).hasSize(6);
        Map<String, List<String>> want = CaptureComparison.perChannelWithoutOriginateDialBegin(expected);
        Map<String, List<String>> got = CaptureComparison.perChannelWithoutOriginateDialBegin(actual);
        for (String sup : List.of("3001", "3002", "3003")) {
            for (String half : List.of(";1", ";2")) {
                String key = "Local/" + sup + "@fx-supervisor-N" + half;
                assertThat(got.get(key)).as(key).isEqualTo(want.get(key));
            }
            assertThat(got.get("originate spy-" + List.of("listen", "whisper", "barge")
                    .get(Integer.parseInt(sup) - 3001))).isNotNull();
        }
        for (List<WireFrame> frames : List.of(expected, actual)) {
            assertThat(spyOrder(frames)).as("per supervisor: answered, ChanSpyStart, ;2 gone, ChanSpyStop, ;1 gone")
                    .containsExactly("3001", "3002", "3003");
            assertThat(bridgeLeavesBefore(frames, "hangup-cust")).as("the spied call is untouched").isZero();
        }
        WireFrame originate = actual.stream().filter(f -> "OriginateResponse".equals(f.event())
                && "spy-whisper".equals(f.get("ActionID"))).findFirst().orElseThrow();
        assertThat(originate.get("Application")).isEqualTo("ChanSpy");
        assertThat(CaptureComparison.norm(originate.get("Data"))).isEqualTo("Local/2207@fx-agent-media-N;1,qw");
    }

    @Test
    void queue_summary_and_status_use_the_list_framing_of_capture_09() throws Exception {
        List<WireFrame> expected = Transcripts.receivedFrames("09-queue", 1);
        try (PbxSimulator sim = new PbxSimulator(SimulatorSettings.defaults()).start();
             AmiTestClient c = new AmiTestClient(sim.port())) {
            c.banner(WAIT);
            c.sendAction("Action", "Login", "ActionID", "login-1", "Username", "evs", "Secret", "evs-secret");
            c.await(f -> "login-1".equals(f.get("ActionID")), WAIT);
            for (String[] a : List.of(new String[] {"QueueSummary", "qsummary-after"},
                    new String[] {"QueueStatus", "qstatus-before"})) {
                c.sendAction("Action", a[0], "ActionID", a[1], "Queue", "test-queue");
                WireFrame response = c.await(f -> f.event() == null && a[1].equals(f.get("ActionID")), WAIT);
                WireFrame complete = c.await(f -> f.event() != null && f.event().endsWith("Complete")
                        && a[1].equals(f.get("ActionID")), WAIT);
                WireFrame wantResponse = expected.stream().filter(f -> f.event() == null
                        && a[1].equals(f.get("ActionID"))).findFirst().orElseThrow();
                WireFrame wantComplete = expected.stream().filter(f -> f.event() != null
                        && f.event().endsWith("Complete") && a[1].equals(f.get("ActionID"))).findFirst().orElseThrow();
                assertThat(response.pairs()).usingRecursiveFieldByFieldElementComparator()
                        .isEqualTo(wantResponse.pairs());
                assertThat(complete.keys()).isEqualTo(wantComplete.keys());
                assertThat(complete.event()).isEqualTo(wantComplete.event());
                assertThat(complete.get("ListItems")).isEqualTo("0"); // no queues are simulated
            }
        }
    }

    private static List<String> spyEvents(List<WireFrame> frames) {
        List<String> out = new ArrayList<>();
        for (WireFrame f : frames) {
            if (f.event() != null && f.event().startsWith("ChanSpy")) {
                out.add(f.event() + " " + CaptureComparison.norm(f.get("SpyerChannel")) + " -> "
                        + CaptureComparison.norm(f.get("SpyeeChannel")) + " [" + f.get("SpyerContext") + ","
                        + f.get("SpyerExten") + "," + f.get("SpyerPriority") + " / " + f.get("SpyeeContext") + ","
                        + f.get("SpyeeExten") + "," + f.get("SpyeePriority") + " " + f.get("SpyeeChannelState") + "]");
            }
        }
        return out;
    }

    /** Supervisors whose events come in the stable order of 07. */
    private static List<String> spyOrder(List<WireFrame> frames) {
        List<String> out = new ArrayList<>();
        for (String sup : List.of("3001", "3002", "3003")) {
            String one = "Local/" + sup + "@fx-supervisor-N;1";
            String two = "Local/" + sup + "@fx-supervisor-N;2";
            int answered = indexOf(frames, f -> "OriginateResponse".equals(f.event())
                    && one.equals(CaptureComparison.norm(f.get("Channel"))));
            int start = indexOf(frames, f -> "ChanSpyStart".equals(f.event())
                    && one.equals(CaptureComparison.norm(f.get("SpyerChannel"))));
            int farGone = indexOf(frames, f -> "Hangup".equals(f.event())
                    && two.equals(CaptureComparison.norm(f.get("Channel"))));
            int stop = indexOf(frames, f -> "ChanSpyStop".equals(f.event())
                    && one.equals(CaptureComparison.norm(f.get("SpyerChannel"))));
            int gone = indexOf(frames, f -> "Hangup".equals(f.event())
                    && one.equals(CaptureComparison.norm(f.get("Channel"))));
            if (answered >= 0 && answered < start && start < farGone && farGone < stop && stop < gone) {
                out.add(sup);
            }
        }
        return out;
    }

    private static long bridgeLeavesBefore(List<WireFrame> frames, String actionId) {
        int end = indexOf(frames, f -> f.event() == null && actionId.equals(f.get("ActionID")));
        return frames.subList(0, end).stream().filter(f -> "BridgeLeave".equals(f.event())).count();
    }

    private static void awaitSupervisorsGone(PbxSimulator sim) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (sim.channelNames().stream().anyMatch(n -> n.contains("@fx-supervisor-"))) {
            if (System.nanoTime() > end) {
                throw new AssertionError("supervisor channels still up: " + sim.channelNames());
            }
            Thread.sleep(5);
        }
    }
}
