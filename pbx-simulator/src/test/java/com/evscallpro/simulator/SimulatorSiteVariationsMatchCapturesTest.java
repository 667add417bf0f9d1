package com.evscallpro.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * What real sites vary, against the captures 11-14 of Asterisk 22.10: customers reached through a trunk Dial()
 * (11a-11d), an agent phone that cannot be reached (14), a clean restart (13a) and a crash (13b). Compared like the
 * other capture tests: per-channel event sequences (the originate's own DialBegin, whose place varies, apart), the
 * OriginateResponse, and the DIALSTATUS / CHANLOCALSTATUS values each channel gets.
 */
class SimulatorSiteVariationsMatchCapturesTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    static Stream<Arguments> scenarios() {
        List<Arguments> out = new ArrayList<>();
        for (String s : List.of("11a-originate-via-trunk-busy", "11b-originate-via-trunk-congestion",
                "11c-originate-via-trunk-noanswer", "11d-originate-via-trunk-unallocated",
                "14-originate-agent-unreachable")) {
            for (int run : new int[] {1, 2}) {
                out.add(Arguments.of(s, run));
            }
        }
        return out.stream();
    }

    /** The fx2-* dialplan of the captures, as simulator settings. */
    static SimulatorSettings settingsFor(String scenario) {
        CustomerScript script = CustomerScript.random(1)
                .with("+33612340017", CustomerBehaviour.busy())
                .with("+33612340034", CustomerBehaviour.congestion())
                .with("+33612340019", CustomerBehaviour.noAnswer())
                .with("+33612340001", scenario.startsWith("11d") ? CustomerBehaviour.failed()
                        : CustomerBehaviour.answerAndStay(Duration.ZERO));
        String phones = scenario.startsWith("14") ? "fx2-nowhere"
                : scenario.startsWith("13") ? "fx2-phone-long" : "fx2-phone";
        SimulatorSettings s = SimulatorSettings.defaults().withCredentials("evscallpro", "evs-secret")
                .withCustomers(script)
                .withAgentContext(phones, Set.of("fx2-to-agent", "fx2-to-agent-long", "fx2-to-nowhere"))
                .withAgentAnswerDelay(Duration.ofMillis(20)).withTrunk("fx2-trunk");
        return scenario.startsWith("14") ? s.withUnreachablePhones("2001") : s;
    }

    @ParameterizedTest(name = "{0} run{1}")
    @MethodSource("scenarios")
    void simulator_answers_like_the_site_captured(String scenario, int run) throws Exception {
        List<WireFrame> sent = Transcripts.sentFrames(scenario, run);
        List<WireFrame> expected = Transcripts.receivedFrames(scenario, run);
        expected = expected.subList(1, expected.size());
        long channels = expected.stream().filter(f -> "Newchannel".equals(f.event())).count();

        List<WireFrame> actual;
        try (PbxSimulator sim = new PbxSimulator(settingsFor(scenario)).start();
             AmiTestClient client = new AmiTestClient(sim.port())) {
            client.banner(WAIT);
            for (WireFrame action : sent) {
                if ("Logoff".equalsIgnoreCase(action.get("Action"))) {
                    client.awaitCount("Hangup", (int) channels, WAIT);
                    Thread.sleep(100);
                }
                client.send(action);
                String id = action.get("ActionID");
                assertThat(client.await(f -> id.equals(f.get("ActionID")) && f.response() != null, WAIT))
                        .as("response to %s", id).isNotNull();
            }
            assertThat(client.awaitClosed(WAIT)).isTrue();
            actual = client.allFrames();
        }

        Map<String, List<String>> want = CaptureComparison.perChannelWithoutOriginateDialBegin(expected);
        Map<String, List<String>> got = CaptureComparison.perChannelWithoutOriginateDialBegin(actual);
        assertThat(got.keySet()).containsExactlyInAnyOrderElementsOf(want.keySet());
        want.forEach((key, seq) -> assertThat(got.get(key)).as("events of %s", key).containsExactlyElementsOf(seq));
        assertThat(dialStatuses(actual)).isEqualTo(dialStatuses(expected));
        assertThat(CaptureComparison.linkedIdRelations(actual))
                .containsExactlyInAnyOrderEntriesOf(CaptureComparison.linkedIdRelations(expected));
    }

    @Test
    void a_pjsip_agent_phone_has_the_structure_of_12_under_a_production_name() throws Exception {
        String scenario = "12-originate-bridge-agent-nonlocal-name";
        for (int run : new int[] {1, 2}) {
            List<WireFrame> expected = Transcripts.receivedFrames(scenario, run);
            SimulatorSettings settings = settingsFor(scenario).withPjsipPhones(true)
                    .withAgentHangupAfter(Duration.ofMillis(300));
            List<WireFrame> actual;
            try (PbxSimulator sim = new PbxSimulator(settings).start();
                 AmiTestClient client = new AmiTestClient(sim.port())) {
                client.banner(WAIT);
                for (WireFrame action : Transcripts.sentFrames(scenario, run)) {
                    if ("Logoff".equalsIgnoreCase(action.get("Action"))) {
                        client.awaitCount("Hangup", 3, WAIT);
                    }
                    client.send(action);
                }
                assertThat(client.awaitClosed(WAIT)).isTrue();
                actual = client.allFrames();
            }
            // the capture's phone is a Local pair: its ;1 is what a PJSIP phone is, its ;2 does not exist
            Map<String, List<String>> want = new LinkedHashMap<>();
            CaptureComparison.perChannelWithoutOriginateDialBegin(expected).forEach((k, v) -> {
                if (k.equals("Local/2001@fx2-phone-N;1")) {
                    want.put("PJSIP/2001-N", v.stream().filter(e -> !e.startsWith("LocalBridge")).toList());
                } else if (!k.equals("Local/2001@fx2-phone-N;2")) {
                    want.put(k, v);
                }
            });
            Map<String, List<String>> got = new LinkedHashMap<>();
            CaptureComparison.perChannelWithoutOriginateDialBegin(actual)
                    .forEach((k, v) -> got.put(k.replaceAll("^PJSIP/2001-[0-9a-f]{8}$", "PJSIP/2001-N"), v));
            assertThat(got.keySet()).containsExactlyInAnyOrderElementsOf(want.keySet());
            want.forEach((key, seq) -> assertThat(got.get(key)).as("events of %s", key).containsExactlyElementsOf(seq));
            WireFrame dialBegin = actual.stream()
                    .filter(f -> "DialBegin".equals(f.event()) && f.get("Channel") != null).findFirst().orElseThrow();
            assertThat(dialBegin.get("DestChannel")).matches("PJSIP/2001-[0-9a-f]{8}");
            assertThat(dialBegin.get("Channel")).startsWith("Local/+33612340001@fx2-answer-").endsWith(";1");
            assertThat(actual).noneMatch(f -> "LocalBridge".equals(f.event())
                    && String.valueOf(f.get("LocalOneChannel")).startsWith("PJSIP"));
            assertThat(dialStatuses(actual)).isEqualTo(dialStatuses(expected));
        }
    }

    @Test
    void a_clean_restart_tears_the_bridged_call_down_then_says_shutdown_like_13a() throws Exception {
        for (int run : new int[] {1, 2}) {
            String scenario = "13a-asterisk-restart-during-bridged-call";
            List<WireFrame> expected = Transcripts.receivedFrames(scenario, run);
            try (PbxSimulator sim = new PbxSimulator(settingsFor(scenario)).start()) {
                List<WireFrame> actual = bridgedCallThen(sim, scenario, run, () -> sim.simulateRestart(
                        Duration.ofMillis(300)));
                assertThat(fromRestart(CaptureComparison.perChannel(actual)))
                        .isEqualTo(fromRestart(CaptureComparison.perChannel(expected)));
                assertThat(dialStatuses(actual)).isEqualTo(dialStatuses(expected));
                WireFrame last = actual.get(actual.size() - 1);
                assertThat(last.keys()).containsExactly("Event", "Privilege", "Timestamp", "Shutdown", "Restart");
                assertThat(last.get("Shutdown")).isEqualTo("Cleanly");
                assertThat(last.get("Restart")).isEqualTo("True");
                assertNoChannelsAfter(sim);
            }
        }
    }

    @Test
    void a_crash_sends_nothing_at_all_like_13b() throws Exception {
        String scenario = "13b-asterisk-killed-during-bridged-call";
        try (PbxSimulator sim = new PbxSimulator(settingsFor(scenario)).start()) {
            List<WireFrame> actual = bridgedCallThen(sim, scenario, 1, () -> sim.simulateCrash(
                    Duration.ofMillis(300)));
            assertThat(actual.get(actual.size() - 1).event()).as("nothing after the bridge").isEqualTo("BridgeEnter");
            assertThat(actual).noneMatch(f -> "Hangup".equals(f.event()) || "Shutdown".equals(f.event()));
            assertNoChannelsAfter(sim);
        }
    }

    /** Logs in, sends the capture's originate, waits for the bridge, runs {@code outage}, reads until EOF. */
    private static List<WireFrame> bridgedCallThen(PbxSimulator sim, String scenario, int run, Runnable outage)
            throws Exception {
        try (AmiTestClient client = new AmiTestClient(sim.port())) {
            client.banner(WAIT);
            for (WireFrame action : Transcripts.sentFrames(scenario, run)) {
                if ("Logoff".equalsIgnoreCase(action.get("Action"))) {
                    break;
                }
                client.send(action);
            }
            client.awaitCount("BridgeEnter", 2, WAIT);
            outage.run();
            assertThat(client.awaitClosed(WAIT)).as("EOF").isTrue();
            return client.allFrames();
        }
    }

    /** The simulator accepts logins again, with no channel left (the second session of 13a / 13b). */
    private static void assertNoChannelsAfter(PbxSimulator sim) throws Exception {
        long end = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try (AmiTestClient client = new AmiTestClient(sim.port())) {
                client.banner(WAIT);
                client.sendAction("Action", "Login", "ActionID", "login-1", "Username", "evscallpro", "Secret",
                        "evs-secret");
                client.sendAction("Action", "CoreShowChannels", "ActionID", "resync-1");
                WireFrame done = client.await(f -> "CoreShowChannelsComplete".equals(f.event()), WAIT);
                assertThat(done.get("ListItems")).isEqualTo("0");
                return;
            } catch (java.io.IOException refused) {
                if (System.nanoTime() > end) {
                    throw refused;
                }
                Thread.sleep(50);
            }
        }
    }

    /** Per channel, its events from the restart's SoftHangupRequest (cause 4) on (BridgeLeave without its count). */
    private static Map<String, List<String>> fromRestart(Map<String, List<String>> perChannel) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        perChannel.forEach((k, seq) -> {
            int from = seq.indexOf("SoftHangupRequest cause=4");
            if (from >= 0) {
                // which of the two leaves the bridge first varies between the runs, so the count each sees does too
                out.put(k, seq.subList(from, seq.size()).stream()
                        .map(e -> e.replaceAll("^BridgeLeave n=\\d+", "BridgeLeave")).toList());
            }
        });
        return out;
    }

    /** channel → the non-empty DIALSTATUS / CHANLOCALSTATUS values it was given, in order. */
    private static Map<String, List<String>> dialStatuses(List<WireFrame> frames) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (WireFrame f : frames) {
            if ("VarSet".equals(f.event()) && Set.of("DIALSTATUS", "CHANLOCALSTATUS").contains(f.get("Variable"))
                    && !f.get("Value").isEmpty()) {
                out.computeIfAbsent(CaptureComparison.norm(f.get("Channel")), k -> new ArrayList<>())
                        .add(f.get("Variable") + "=" + f.get("Value"));
            }
        }
        return out;
    }
}
