package com.evscallpro.simulator;

import static com.evscallpro.telephony.testing.CaptureComparison.indexOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.evscallpro.telephony.testing.AmiTestClient;
import com.evscallpro.telephony.testing.CaptureComparison;
import com.evscallpro.telephony.testing.Transcripts;
import com.evscallpro.telephony.testing.WireFrame;

/**
 * Captures 09 (a caller joins test-queue, member Local/2000@agents answers, hangs up) and 09b (the member is paused,
 * the caller waits and shows as a QueueEntry, QueuePause false connects them) replayed against a simulator with the
 * same queue. Compared: per-channel sequences, the queue events' key headers, the QueueStatus / QueueSummary lists per
 * ActionID (items, layouts with ActionID last, key values), QueuePause / QueueMemberPause / QueueMemberStatus, and the
 * stable queue order; AgentComplete, whose place in the teardown varies between runs, is checked apart.
 */
class SimulatorQueuesMatchCapturesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Set<String> LIST_ITEMS = Set.of("QueueParams", "QueueMember", "QueueEntry", "QueueSummary",
            "QueueStatusComplete", "QueueSummaryComplete");

    static Stream<Arguments> scenarios() {
        return Stream.of(Arguments.of("09-queue", 1), Arguments.of("09-queue", 2),
                Arguments.of("09b-queue-waiting-caller", 1), Arguments.of("09b-queue-waiting-caller", 2));
    }

    /** queues.conf of the captures: test-queue, member Local/2000@agents; [queue-test] runs Queue(test-queue). */
    static SimulatorSettings queueSettings() {
        return SimulatorSettings.defaults().withAgentContext("agents", Set.of())
                .withQueue("test-queue", "queue-test", List.of("2000"))
                .withAgentAnswerDelay(Duration.ofMillis(5)).withAgentHangupAfter(Duration.ofMillis(300));
    }

    @ParameterizedTest(name = "{0} run{1}")
    @MethodSource("scenarios")
    void a_queue_call_answers_the_captured_actions_like_asterisk(String scenario, int run) throws Exception {
        List<WireFrame> expected = Transcripts.receivedFrames(scenario, run);
        expected = expected.subList(1, expected.size());
        List<WireFrame> actual = replay(scenario, run);

        Map<String, List<String>> want = CaptureComparison.perChannelWithoutOriginateDialBegin(calls(expected));
        Map<String, List<String>> got = CaptureComparison.perChannelWithoutOriginateDialBegin(calls(actual));
        assertThat(got.keySet()).containsExactlyInAnyOrderElementsOf(want.keySet());
        want.forEach((key, seq) -> assertThat(got.get(key)).as("events of %s", key).containsExactlyElementsOf(seq));
        assertThat(queueHeaders(expected)).isNotEmpty();
        assertThat(queueHeaders(actual)).isEqualTo(queueHeaders(expected));
        assertThat(CaptureComparison.shapeMismatches(expected, actual)).as("header layouts").isEmpty();
        assertThat(CaptureComparison.channelDetails(actual).stream().sorted().toList())
                .containsExactlyElementsOf(CaptureComparison.channelDetails(expected).stream().sorted().toList());
        assertThat(CaptureComparison.linkedIdRelations(actual))
                .containsExactlyInAnyOrderEntriesOf(CaptureComparison.linkedIdRelations(expected));
        assertThat(CaptureComparison.bridgeOrder(actual))
                .containsExactlyElementsOf(CaptureComparison.bridgeOrder(expected));

        // the lists, per ActionID: the same items with the same layouts and key values
        assertThat(lists(expected)).hasSizeGreaterThanOrEqualTo(3);
        assertThat(lists(actual)).isEqualTo(lists(expected));

        // the stable queue order, and AgentComplete after the member's HangupRequest, before the caller's Hangup
        for (List<WireFrame> frames : List.of(expected, actual)) {
            int join = indexOf(frames, e("QueueCallerJoin"));
            int called = indexOf(frames, e("AgentCalled"));
            int leave = indexOf(frames, e("QueueCallerLeave"));
            int connect = indexOf(frames, e("AgentConnect"));
            int complete = indexOf(frames, e("AgentComplete"));
            assertThat(List.of(join, called, leave, connect, complete)).isSorted().doesNotContain(-1);
            assertThat(frames.stream().filter(e("AgentComplete"))).hasSize(1);
            int memberHangupRequest = indexOf(frames, f -> "HangupRequest".equals(f.event())
                    && f.get("Channel").startsWith("Local/2000@agents-") && f.get("Channel").endsWith(";1"));
            int callerHangup = indexOf(frames, f -> "Hangup".equals(f.event())
                    && f.get("Channel").startsWith("Local/30") && f.get("Channel").endsWith(";2"));
            assertThat(memberHangupRequest).isLessThan(complete);
            assertThat(complete).isLessThan(callerHangup);
        }
        WireFrame complete = actual.stream().filter(e("AgentComplete")).findFirst().orElseThrow();
        assertThat(complete.get("Reason")).isEqualTo("agent");
        assertThat(complete.get("TalkTime")).matches("\\d+");

        // QueueMemberStatus / QueueMemberPause: the capture's layout; the member in a call, then free again
        assertThat(layouts(actual, "QueueMemberStatus")).isEqualTo(layouts(expected, "QueueMemberStatus"));
        assertThat(layouts(actual, "QueueMemberPause")).isEqualTo(layouts(expected, "QueueMemberPause"));
        List<WireFrame> statuses = actual.stream().filter(e("QueueMemberStatus")).toList();
        WireFrame last = statuses.getLast();
        assertThat(last.get("InCall") + "/" + last.get("Status")).isEqualTo("0/1");
        assertThat(Integer.parseInt(last.get("CallsTaken"))).isEqualTo(1);
        assertThat(pauses(actual)).isEqualTo(pauses(expected));
    }

    @Test
    void queue_status_lists_nothing_for_an_unknown_queue_and_queue_pause_refuses_an_unknown_interface()
            throws Exception {
        try (PbxSimulator sim = new PbxSimulator(queueSettings()).start();
             AmiTestClient c = new AmiTestClient(sim.port())) {
            c.banner(WAIT);
            c.sendAction("Action", "Login", "ActionID", "login-1", "Username", "evs", "Secret", "evs-secret");
            c.await(f -> "login-1".equals(f.get("ActionID")), WAIT);
            c.sendAction("Action", "QueueStatus", "ActionID", "q1", "Queue", "no-such-queue");
            WireFrame done = c.await(f -> "QueueStatusComplete".equals(f.event()), WAIT);
            assertThat(done.get("ListItems")).isEqualTo("0");
            c.sendAction("Action", "QueuePause", "ActionID", "p1", "Interface", "Local/9999@agents", "Paused", "true");
            WireFrame refused = c.await(f -> "p1".equals(f.get("ActionID")), WAIT);
            assertThat(refused.response()).isEqualTo("Error");
            assertThat(refused.get("Message")).isEqualTo("Interface not found");
        }
    }

    @Test
    void a_caller_hanging_up_while_bridged_completes_with_reason_caller() throws Exception {
        try (PbxSimulator sim = new PbxSimulator(queueSettings().withAgentHangupAfter(null)).start();
             AmiTestClient c = new AmiTestClient(sim.port())) {
            c.banner(WAIT);
            c.sendAction("Action", "Login", "ActionID", "login-1", "Username", "evs", "Secret", "evs-secret");
            c.await(f -> "login-1".equals(f.get("ActionID")), WAIT);
            c.sendAction("Action", "Originate", "ActionID", "o1", "Channel", "Local/3009@queue-test",
                    "Application", "Wait", "Data", "60", "Async", "true");
            assertThat(c.await(e("AgentConnect"), WAIT)).isNotNull();
            String callerPartner = sim.channelNames().stream().filter(n -> n.startsWith("Local/3009@queue-test-")
                    && n.endsWith(";1")).findFirst().orElseThrow();
            c.sendAction("Action", "Hangup", "ActionID", "h1", "Channel", callerPartner);
            WireFrame complete = c.await(e("AgentComplete"), WAIT);
            assertThat(complete.get("Reason")).isEqualTo("caller");
            awaitNoChannels(sim);
            assertThat(c.await(e("QueueMemberStatus"), WAIT).get("InCall")).isEqualTo("0");
        }
    }

    @Test
    void an_originate_with_application_queue_puts_the_answered_customer_in_the_queue() throws Exception {
        SimulatorSettings settings = queueSettings().withAgentHangupAfter(null).withCustomers(CustomerScript.random(1)
                .with("0612345678", CustomerBehaviour.answer(Duration.ZERO, Duration.ofMillis(300))));
        try (PbxSimulator sim = new PbxSimulator(settings).start();
             AmiTestClient c = new AmiTestClient(sim.port())) {
            c.banner(WAIT);
            c.sendAction("Action", "Login", "ActionID", "login-1", "Username", "evs", "Secret", "evs-secret");
            c.await(f -> "login-1".equals(f.get("ActionID")), WAIT);
            c.sendAction("Action", "Originate", "ActionID", "o1", "Channel", "Local/0612345678@customers",
                    "Application", "Queue", "Data", "test-queue", "Async", "true");
            WireFrame join = c.await(e("QueueCallerJoin"), WAIT);
            assertThat(join.get("Channel")).startsWith("Local/0612345678@customers-").endsWith(";1");
            WireFrame connect = c.await(e("AgentConnect"), WAIT);
            assertThat(connect.get("Interface")).isEqualTo("Local/2000@agents");
            WireFrame complete = c.await(e("AgentComplete"), WAIT);
            assertThat(complete.get("Reason")).as("the customer hung up first").isEqualTo("caller");
            awaitNoChannels(sim);
        }
    }

    @Test
    void a_caller_hanging_up_while_waiting_abandons_the_queue() throws Exception {
        try (PbxSimulator sim = new PbxSimulator(queueSettings()).start();
             AmiTestClient c = new AmiTestClient(sim.port())) {
            c.banner(WAIT);
            c.sendAction("Action", "Login", "ActionID", "login-1", "Username", "evs", "Secret", "evs-secret");
            c.await(f -> "login-1".equals(f.get("ActionID")), WAIT);
            c.sendAction("Action", "QueuePause", "ActionID", "p1", "Interface", "Local/2000@agents", "Paused", "1");
            c.sendAction("Action", "Originate", "ActionID", "o1", "Channel", "Local/3019@queue-test",
                    "Application", "Wait", "Data", "60", "Async", "true");
            assertThat(c.await(e("QueueCallerJoin"), WAIT)).isNotNull();
            String caller = sim.channelNames().stream().filter(n -> n.endsWith(";2")).findFirst().orElseThrow();
            c.sendAction("Action", "Hangup", "ActionID", "h1", "Channel", caller);
            assertThat(c.await(e("QueueCallerAbandon"), WAIT).get("Position")).isEqualTo("1");
            assertThat(c.await(e("QueueCallerLeave"), WAIT).get("Count")).isEqualTo("0");
            awaitNoChannels(sim);
            c.sendAction("Action", "QueueStatus", "ActionID", "s1", "Queue", "test-queue");
            WireFrame params = c.await(e("QueueParams"), WAIT);
            assertThat(params.get("Abandoned")).isEqualTo("1");
            assertThat(params.get("Calls")).isEqualTo("0");
        }
    }

    // ------------------------------------------------------------------ replay

    private static List<WireFrame> replay(String scenario, int run) throws Exception {
        List<WireFrame> sent = Transcripts.sentFrames(scenario, run);
        try (PbxSimulator sim = new PbxSimulator(queueSettings()).start();
             AmiTestClient client = new AmiTestClient(sim.port())) {
            assertThat(client.banner(WAIT)).isEqualTo("Asterisk Call Manager/11.0.0");
            for (WireFrame action : sent) {
                String id = action.get("ActionID");
                switch (id) {
                    case "qstatus-during" -> client.awaitCount("BridgeEnter", 2, WAIT);
                    case "qstatus-waiting" -> client.awaitCount("MusicOnHoldStart", 1, WAIT);
                    case "qsummary-after", "logoff-1" -> {
                        client.awaitCount("BridgeEnter", 2, WAIT);
                        awaitNoChannels(sim);
                        Thread.sleep(50);
                    }
                    default -> {
                    }
                }
                client.send(action);
                assertThat(client.await(f -> id.equals(f.get("ActionID")) && f.response() != null, WAIT))
                        .as("response to %s", id).isNotNull();
            }
            assertThat(client.awaitClosed(WAIT)).isTrue();
            return client.allFrames();
        }
    }

    // ------------------------------------------------------------------ views

    /** The frames of the calls: without list items and without AgentComplete (checked apart). */
    private static List<WireFrame> calls(List<WireFrame> frames) {
        return frames.stream().filter(f -> f.event() == null
                || !LIST_ITEMS.contains(f.event()) && !"AgentComplete".equals(f.event())).toList();
    }

    /** Per channel, the key headers of the queue events in order (AgentComplete apart). */
    private static Map<String, List<String>> queueHeaders(List<WireFrame> frames) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (WireFrame f : frames) {
            String e = f.event();
            if (e == null || !(e.startsWith("QueueCaller") || e.startsWith("Agent") || e.startsWith("MusicOnHold"))
                    || e.equals("AgentComplete")) {
                continue;
            }
            out.computeIfAbsent(CaptureComparison.norm(f.get("Channel")), k -> new ArrayList<>())
                    .add(e + " queue=" + f.get("Queue") + " position=" + f.get("Position") + " count=" + f.get("Count")
                            + " dest=" + CaptureComparison.norm(f.get("DestChannel")) + " interface="
                            + f.get("Interface") + " member=" + f.get("MemberName") + " class=" + f.get("Class")
                            + " holdTimeSet=" + (f.get("HoldTime") != null) + " ringTimeSet="
                            + (f.get("RingTime") != null));
        }
        return out;
    }

    /** Per list ActionID: item kind, layout and the values that do not depend on time or on earlier runs. */
    private static Map<String, List<String>> lists(List<WireFrame> frames) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (WireFrame f : frames) {
            String id = f.get("ActionID");
            if (id == null || !id.startsWith("q")) {
                continue;
            }
            String e = f.event();
            String sig;
            if (e == null) {
                sig = "Response:" + f.response() + " " + f.get("Message") + " " + f.keys();
            } else {
                sig = e + " " + f.keys() + switch (e) {
                    case "QueueParams" -> " " + f.get("Queue") + " calls=" + f.get("Calls") + " " + f.get("Strategy");
                    case "QueueMember" -> " " + f.get("Name") + " " + f.get("Location") + " inCall=" + f.get("InCall")
                            + " status=" + f.get("Status") + " paused=" + f.get("Paused") + " reason="
                            + f.get("PausedReason");
                    case "QueueEntry" -> " " + f.get("Position") + " " + CaptureComparison.norm(f.get("Channel"))
                            + " " + f.get("CallerIDNum") + "/" + f.get("CallerIDName");
                    case "QueueSummary" -> " loggedIn=" + f.get("LoggedIn") + " available=" + f.get("Available")
                            + " callers=" + f.get("Callers");
                    default -> " items=" + f.get("ListItems");
                };
            }
            out.computeIfAbsent(id, k -> new ArrayList<>()).add(sig);
        }
        return out;
    }

    private static List<String> pauses(List<WireFrame> frames) {
        return frames.stream().filter(e("QueueMemberPause"))
                .map(f -> f.get("Interface") + " paused=" + f.get("Paused") + " reason=" + f.get("PausedReason"))
                .toList();
    }

    private static Set<List<String>> layouts(List<WireFrame> frames, String event) {
        Set<List<String>> out = new java.util.HashSet<>();
        frames.stream().filter(e(event)).forEach(f -> out.add(f.keys()));
        return out;
    }

    private static Predicate<WireFrame> e(String event) {
        return f -> event.equals(f.event());
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
