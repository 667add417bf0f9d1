package com.evscallpro.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.evscallpro.telephony.asterisk.AsteriskAmiPbx;
import com.evscallpro.telephony.testing.AmiTestClient;
import com.evscallpro.telephony.testing.WireFrame;

/** {@code Action: Filter}: per-session whitelist / {@code !} blacklist regexes, evaluated as Asterisk does. */
class SimulatorEventFilterTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private PbxSimulator sim;

    @BeforeEach
    void start() {
        sim = new PbxSimulator(SimulatorSettings.defaults().withCustomers(CustomerScript.random(1)
                .with("+33100000000", CustomerBehaviour.answer(Duration.ZERO, Duration.ofMillis(300)))
                .with("+33100000001", CustomerBehaviour.answer(Duration.ZERO, Duration.ofMillis(1500))))).start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private AmiTestClient loggedIn(String... filters) throws Exception {
        AmiTestClient c = new AmiTestClient(sim.port());
        c.sendAction("Action", "Login", "ActionID", "login-1", "Username", "evs", "Secret", "evs-secret");
        assertThat(c.await(f -> "login-1".equals(f.get("ActionID")), WAIT)).isNotNull();
        int n = 0;
        for (String filter : filters) {
            String id = "filter-" + n++;
            c.sendAction("Action", "Filter", "ActionID", id, "Operation", "Add", "Filter", filter);
            WireFrame r = c.await(f -> id.equals(f.get("ActionID")), WAIT);
            assertThat(r.response()).isEqualTo("Success");
            assertThat(r.get("Message")).isEqualTo("Success");
        }
        return c;
    }

    /** Originates a call that ends by itself, and waits until every client saw the end of it. */
    private void oneCall(AmiTestClient origin, AmiTestClient... others) throws Exception {
        origin.sendAction("Action", "Originate", "ActionID", "o1", "Channel", "Local/+33100000000@customers",
                "Application", "Wait", "Data", "1", "Async", "true");
        assertThat(origin.await(f -> "o1".equals(f.get("ActionID")) && f.response() != null, WAIT)).isNotNull();
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> sim.activeChannelCount() == 0);
        Thread.sleep(200);
    }

    /** Event names received, without the two sent at login, before any filter (FullyBooted, SuccessfulAuth). */
    private static Set<String> eventNames(AmiTestClient c) {
        Set<String> names = c.allFrames().stream().map(WireFrame::event).filter(e -> e != null)
                .collect(Collectors.toSet());
        names.remove("FullyBooted");
        names.remove("SuccessfulAuth");
        return names;
    }

    @Test
    void the_adapters_whitelist_lets_only_the_tracked_events_through_and_responses_always() throws Exception {
        try (AmiTestClient filtered = loggedIn(AsteriskAmiPbx.EVENT_FILTER); AmiTestClient all = loggedIn()) {
            oneCall(filtered);
            assertThat(eventNames(all)).contains("LocalBridge", "DialBegin", "DialEnd", "HangupRequest",
                    "SoftHangupRequest", "Newchannel", "Hangup", "OriginateResponse");
            Set<String> seen = eventNames(filtered);
            assertThat(seen).isNotEmpty().isSubsetOf(AsteriskAmiPbx.TRACKED_EVENTS.keySet())
                    .contains("Newchannel", "Hangup", "OriginateResponse");
            // "Hangup" must not let HangupRequest through
            assertThat(seen).doesNotContain("HangupRequest", "SoftHangupRequest");
            long hangups = all.allFrames().stream().filter(f -> "Hangup".equals(f.event())).count();
            assertThat(filtered.allFrames().stream().filter(f -> "Hangup".equals(f.event())).count())
                    .isEqualTo(hangups);
        }
    }

    @Test
    void list_actions_still_get_their_items_through_a_filter_that_excludes_them() throws Exception {
        try (AmiTestClient c = loggedIn("Event: Hangup[[:space:]]")) {
            c.sendAction("Action", "Originate", "ActionID", "o1", "Channel", "Local/+33100000001@customers",
                    "Application", "Wait", "Data", "2", "Async", "true");
            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> sim.activeChannelCount() > 0);
            c.sendAction("Action", "CoreShowChannels", "ActionID", "list-1");
            assertThat(c.await(f -> "CoreShowChannelsComplete".equals(f.event())
                    && "list-1".equals(f.get("ActionID")), WAIT)).isNotNull();
            assertThat(c.allFrames()).anyMatch(f -> "CoreShowChannel".equals(f.event())
                    && "list-1".equals(f.get("ActionID")));
            c.sendAction("Action", "Status", "ActionID", "status-1");
            assertThat(c.await(f -> "StatusComplete".equals(f.event()), WAIT)).isNotNull();
            assertThat(c.allFrames()).anyMatch(f -> "Status".equals(f.event()));
            // the POSIX class works, and nothing but Hangup came as an event
            assertThat(c.await(f -> "Hangup".equals(f.event()), WAIT)).isNotNull();
            assertThat(eventNames(c)).containsOnly("CoreShowChannel", "CoreShowChannelsComplete",
                    "Status", "StatusComplete", "Hangup");
        }
    }

    @Test
    void blacklist_only_drops_what_matches_and_white_plus_black_applies_both() throws Exception {
        try (AmiTestClient black = loggedIn("!Event: (LocalBridge|HangupRequest)[^A-Za-z]");
             AmiTestClient both = loggedIn("Event: (Newchannel|Hangup)[^A-Za-z]",
                     "!Channel: Local/[^[:space:]]*;2[[:space:]]");
             AmiTestClient all = loggedIn()) {
            oneCall(black);
            assertThat(eventNames(all)).contains("LocalBridge", "HangupRequest", "SoftHangupRequest");
            assertThat(eventNames(black)).doesNotContain("LocalBridge", "HangupRequest")
                    .contains("SoftHangupRequest", "Newchannel", "Hangup", "OriginateResponse");
            assertThat(eventNames(both)).containsOnly("Newchannel", "Hangup");
            assertThat(both.allFrames()).filteredOn(f -> f.event() != null && f.get("Channel") != null)
                    .isNotEmpty().allMatch(f -> f.get("Channel").endsWith(";1"));
            assertThat(all.allFrames()).anyMatch(f -> "Hangup".equals(f.event()) && f.get("Channel").endsWith(";2"));
        }
    }

    @Test
    void filters_belong_to_the_session() throws Exception {
        try (AmiTestClient c = loggedIn("Event: Newchannel[^A-Za-z]")) {
            oneCall(c);
            assertThat(eventNames(c)).containsOnly("Newchannel");
        }
        try (AmiTestClient again = loggedIn()) {
            oneCall(again);
            assertThat(eventNames(again)).contains("LocalBridge", "Hangup");
        }
    }

    @Test
    void bad_filter_and_unknown_operation_are_errors() throws Exception {
        try (AmiTestClient c = loggedIn()) {
            c.sendAction("Action", "Filter", "ActionID", "bad", "Operation", "Add", "Filter", "Event: (");
            WireFrame bad = c.await(f -> "bad".equals(f.get("ActionID")), WAIT);
            assertThat(bad.response()).isEqualTo("Error");
            assertThat(bad.get("Message")).startsWith("Filter did not compile");
            c.sendAction("Action", "Filter", "ActionID", "op", "Operation", "Remove", "Filter", "Event: Hangup");
            WireFrame op = c.await(f -> "op".equals(f.get("ActionID")), WAIT);
            assertThat(op.response()).isEqualTo("Error");
            assertThat(op.get("Message")).isEqualTo("Unknown operation");
            // nothing was installed: still every event
            oneCall(c);
            assertThat(eventNames(c)).contains("LocalBridge", "HangupRequest");
        }
    }
}
