package com.evscallpro.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.evscallpro.telephony.testing.AmiTestClient;
import com.evscallpro.telephony.testing.CaptureComparison;
import com.evscallpro.telephony.testing.Transcripts;
import com.evscallpro.telephony.testing.WireFrame;

/**
 * Capture 06: two calls (A bridged customer ↔ agent, B alone), Status (all, one with Variables), CoreShowChannels,
 * Redirect of A's customer out of the bridge, Hangup of B. Channel names in the captured actions are mapped to the
 * simulator's live channels.
 */
class SimulatorStatusAndRedirectTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @ParameterizedTest(name = "run{0}")
    @ValueSource(ints = {1, 2})
    void status_lists_redirect_and_hangup_answer_like_capture_06(int run) throws Exception {
        List<WireFrame> sent = Transcripts.sentFrames("06-redirect-hangup-status", run);
        List<WireFrame> expected = Transcripts.receivedFrames("06-redirect-hangup-status", run);
        expected = expected.subList(1, expected.size());
        SimulatorSettings settings = SimulatorSettings.defaults()
                .withAgentContext("fx-agent-long", Set.of("fx-to-agent-long"))
                .withAgentAnswerDelay(Duration.ofMillis(5))
                .withCustomers(CustomerScript.random(1)
                        .with("1106", CustomerBehaviour.answerAndStay(Duration.ZERO))
                        .with("1116", CustomerBehaviour.answerAndStay(Duration.ZERO)));

        List<WireFrame> actual;
        try (PbxSimulator sim = new PbxSimulator(settings).start(); AmiTestClient c = new AmiTestClient(sim.port())) {
            c.banner(WAIT);
            for (WireFrame action : sent) {
                String id = action.get("ActionID");
                if (id.equals("status-all")) {
                    c.awaitCount("BridgeEnter", 2, WAIT);
                    c.awaitCount("OriginateResponse", 2, WAIT);
                }
                if (id.equals("logoff-1")) {
                    c.awaitCount("Hangup", 4, WAIT); // the agent pair after the redirect, and call B
                }
                c.send(mapChannels(action, sim.channelNames()));
                assertThat(c.await(f -> f.event() == null && id.equals(f.get("ActionID")), WAIT))
                        .as("response to %s", id).isNotNull();
            }
            c.awaitClosed(WAIT);
            actual = c.allFrames();
        }

        assertThat(CaptureComparison.shapeMismatches(expected, actual)).as("header layouts").isEmpty();
        for (String list : List.of("status-all", "status-one", "csc-1")) {
            assertThat(items(actual, list)).as("items of %s", list).isEqualTo(items(expected, list));
            assertThat(complete(actual, list).keys()).isEqualTo(complete(expected, list).keys());
            assertThat(complete(actual, list).get("ListItems")).isEqualTo(complete(expected, list).get("ListItems"));
        }
        WireFrame one = actual.stream().filter(f -> "Status".equals(f.event()) && "status-one".equals(f.get("ActionID")))
                .findFirst().orElseThrow();
        assertThat(one.pairs().stream().filter(p -> p[0].equals("Variable")).map(p -> p[1].replaceAll("-[0-9a-f]{8};", "-N;")))
                .containsExactly("FX_TAG=(null)", "CHANNEL=Local/1106@fx-customer-long-N;1");
        assertThat(one.get("Privilege")).isEqualTo("Call");

        // between the Redirect's response and the Hangup's: A's bridge torn down, its agent pair hung up
        Map<String, List<String>> afterRedirect = CaptureComparison.perChannel(between(expected, "redirect-1",
                "hangup-1"));
        assertThat(afterRedirect).containsKeys("bridge", "Local/2106@fx-agent-long-N;1",
                "Local/2106@fx-agent-long-N;2");
        assertThat(CaptureComparison.perChannel(between(actual, "redirect-1", "hangup-1"))).isEqualTo(afterRedirect);
        // after the Hangup action: call B's pair
        Map<String, List<String>> afterHangup = CaptureComparison.perChannel(between(expected, "hangup-1", null));
        Map<String, List<String>> got = CaptureComparison.perChannel(between(actual, "hangup-1", null));
        for (String channel : List.of("Local/1116@fx-customer-long-N;1", "Local/1116@fx-customer-long-N;2")) {
            assertThat(got.get(channel)).as(channel).isEqualTo(afterHangup.get(channel));
        }
    }

    private static WireFrame mapChannels(WireFrame action, List<String> live) {
        List<String[]> pairs = new ArrayList<>();
        for (String[] p : action.pairs()) {
            String value = p[1];
            if (p[0].equals("Channel") && value.matches(".*-[0-9a-f]{8};[12]")) {
                String wanted = CaptureComparison.norm(value);
                value = live.stream().filter(n -> CaptureComparison.norm(n).equals(wanted)).findFirst()
                        .orElseThrow(() -> new AssertionError("no live " + wanted + " in " + live));
            }
            pairs.add(new String[] {p[0], value});
        }
        return WireFrame.of(pairs);
    }

    private static List<String> items(List<WireFrame> frames, String actionId) {
        return frames.stream().filter(f -> f.event() != null && actionId.equals(f.get("ActionID"))
                        && !f.event().endsWith("Complete"))
                .map(f -> f.event() + " " + CaptureComparison.norm(f.get("Channel")) + " " + f.get("ChannelStateDesc"))
                .sorted().toList();
    }

    private static WireFrame complete(List<WireFrame> frames, String actionId) {
        return frames.stream().filter(f -> f.event() != null && f.event().endsWith("Complete")
                && actionId.equals(f.get("ActionID"))).findFirst().orElseThrow();
    }

    private static List<WireFrame> between(List<WireFrame> frames, String fromResponse, String toResponse) {
        int from = -1;
        int to = frames.size();
        for (int i = 0; i < frames.size(); i++) {
            WireFrame f = frames.get(i);
            if (f.event() == null && fromResponse.equals(f.get("ActionID"))) {
                from = i;
            }
            if (toResponse != null && f.event() == null && toResponse.equals(f.get("ActionID"))) {
                to = i;
            }
        }
        return frames.subList(from + 1, to).stream()
                .filter(f -> f.event() != null && !f.event().startsWith("Response")).toList();
    }
}
