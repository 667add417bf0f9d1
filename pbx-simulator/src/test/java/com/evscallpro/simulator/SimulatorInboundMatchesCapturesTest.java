package com.evscallpro.simulator;

import static com.evscallpro.simulator.SimulatorInboundCallsTest.WAIT;
import static com.evscallpro.simulator.SimulatorInboundCallsTest.awaitHangup;
import static com.evscallpro.simulator.SimulatorInboundCallsTest.login;
import static com.evscallpro.simulator.SimulatorInboundCallsTest.newChannel;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.evscallpro.telephony.agi.AgiCapture;
import com.evscallpro.telephony.testing.AmiTestClient;
import com.evscallpro.telephony.testing.CaptureComparison;
import com.evscallpro.telephony.testing.Transcripts;
import com.evscallpro.telephony.testing.WireFrame;

/**
 * Inbound calls compared with what Asterisk 22.10 sent: capture 08c (an AMI Hangup of a channel while its AGI runs
 * GET DATA) for the AGI channel's AMI events from its first AGIExecStart on and for the AGI bytes, and capture 12 (a
 * Dial to an agent phone bridged, the phone hanging up) for the phone's events and the bridge order; frame layouts
 * against those captures (and 09 for music on hold).
 */
class SimulatorInboundMatchesCapturesTest {

    /** The AGI channel's events from its first AGIExecStart: name, command, result code and text, variable, cause. */
    private static List<String> agiTail(List<WireFrame> frames, String channel) {
        List<String> out = new ArrayList<>();
        boolean on = false;
        for (WireFrame f : frames) {
            if (f.event() == null || !channel.equals(f.get("Channel")) || f.event().equals("DeviceStateChange")) {
                continue;
            }
            on |= f.event().equals("AGIExecStart");
            if (on) {
                out.add(String.join(" ", f.event(), String.valueOf(f.get("Command")), String.valueOf(f.get("ResultCode")),
                        String.valueOf(f.get("Result")), f.get("Variable") + "=" + f.get("Value"),
                        String.valueOf(f.get("Cause"))));
            }
        }
        return out;
    }

    private static List<WireFrame> kindsOf(List<WireFrame> frames, Set<String> events) {
        return frames.stream().filter(f -> f.event() != null && events.contains(f.event())).toList();
    }

    @ParameterizedTest(name = "08c run{0}")
    @ValueSource(ints = {1, 2})
    void ami_hangup_during_get_data_gives_the_agi_lines_and_the_channel_events_of_08c(int run) throws Exception {
        AgiCapture capture = AgiCapture.load("08c-fastagi-hangup-during-getdata", run);
        List<WireFrame> expected = Transcripts.receivedFrames("08c-fastagi-hangup-during-getdata", run);
        String capturedChannel = capture.env("agi_channel");
        List<String> got = new CopyOnWriteArrayList<>();
        try (PbxSimulator sim = new PbxSimulator(SimulatorSettings.defaults()).start();
             AmiTestClient ami = login(sim);
             ScriptedAgiServer agi = new ScriptedAgiServer(conn -> {
                 for (String command : capture.commands()) {
                     conn.send(command);
                 }
                 conn.readLine(Duration.ofMillis(200));
                 got.addAll(conn.received);
             })) {
            PlacedInboundCall call = sim.placeInbound(SimAgiCall.toDid("125").callerId("5550125", "AGI Caller")
                    .sound("test-tone", Duration.ofSeconds(1)).answeredBeforeAgi(), "127.0.0.1", agi.port());
            assertThat(ami.await(f -> "AGIExecStart".equals(f.event())
                    && String.valueOf(f.get("Command")).startsWith("GET DATA"), WAIT)).isNotNull();
            Thread.sleep(1500); // as the capture client did
            ami.sendAction("Action", "Hangup", "ActionID", "hangup-agi", "Channel", call.channel());
            call.await(WAIT);
            awaitHangup(ami, call.channel());
            assertThat(agi.failures).isEmpty();

            String wantAgi = new String(capture.recv(), StandardCharsets.UTF_8);
            wantAgi = wantAgi.substring(wantAgi.indexOf("\n\n") + 2).replace(capturedChannel, call.channel());
            assertThat(String.join("\n", got) + "\n").isEqualTo(wantAgi);

            List<WireFrame> actual = ami.allFrames();
            assertThat(agiTail(actual, call.channel())).containsExactlyElementsOf(agiTail(expected, capturedChannel));
            assertThat(actual).anyMatch(f -> "hangup-agi".equals(f.get("ActionID"))
                    && "Channel Hungup".equals(f.get("Message")));
            Set<String> kinds = Set.of("AGIExecStart", "AGIExecEnd", "SoftHangupRequest", "Hangup", "Newchannel",
                    "Newstate");
            assertThat(CaptureComparison.shapeMismatches(expected, kindsOf(actual, kinds))).isEmpty();
        }
    }

    @ParameterizedTest(name = "12 run{0}")
    @ValueSource(ints = {1, 2})
    void dial_to_an_agent_phone_gives_the_phone_events_and_bridge_order_of_12(int run) throws Exception {
        List<WireFrame> expected = Transcripts.receivedFrames("12-originate-bridge-agent-nonlocal-name", run);
        String capturedPhone = expected.stream().filter(f -> "Newchannel".equals(f.event()))
                .map(f -> f.get("Channel")).filter(n -> n.startsWith("Local/2001@") && n.endsWith(";1")).findFirst()
                .orElseThrow();
        String capturedCaller = expected.stream().filter(f -> "BridgeEnter".equals(f.event()))
                .map(f -> f.get("Channel")).filter(n -> !n.equals(capturedPhone)).findFirst().orElseThrow();
        try (PbxSimulator sim = new PbxSimulator(SimulatorSettings.defaults()
                .withPhoneBehaviour("2001", CustomerBehaviour.answer(Duration.ofMillis(100), Duration.ofMillis(300))))
                .start();
             AmiTestClient ami = login(sim);
             ScriptedAgiServer agi = new ScriptedAgiServer(conn -> {
                 conn.send("ANSWER");
                 conn.send("SET MUSIC ON default");
                 conn.send("SET MUSIC OFF");
                 conn.send("EXEC Dial PJSIP/2001,10");
             })) {
            PlacedInboundCall call = sim.placeInbound(SimAgiCall.toDid("0140000000"), "127.0.0.1", agi.port());
            call.await(WAIT);
            awaitHangup(ami, call.channel());
            String phone = newChannel(ami, "PJSIP/2001-");
            List<WireFrame> actual = ami.allFrames();

            Map<String, List<String>> want = CaptureComparison.perChannel(expected);
            Map<String, List<String>> have = CaptureComparison.perChannel(actual);
            assertThat(withoutCaller(have.get(phone))).containsExactlyElementsOf(
                    withoutCaller(want.get(CaptureComparison.norm(capturedPhone))));
            assertThat(CaptureComparison.bridgeOrder(actual).stream().map(s -> s.replace(phone, "PHONE")
                    .replace(call.channel(), "CALLER")).toList()).containsExactlyElementsOf(
                    CaptureComparison.bridgeOrder(expected).stream().map(s -> s.replace(CaptureComparison.norm(capturedPhone), "PHONE")
                            .replace(CaptureComparison.norm(capturedCaller), "CALLER")).toList());
            // the DialBegin / DialEnd of a Dial() carry Channel* and Dest*, the phone's Linkedid is the caller's
            assertThat(actual).filteredOn(f -> "DialEnd".equals(f.event())).singleElement()
                    .satisfies(f -> assertThat(f.get("Linkedid")).isEqualTo(f.get("DestLinkedid")));
            // 12 was captured without timestampevents: layouts compared without Timestamp (as the site tests do)
            List<WireFrame> layouts = new ArrayList<>(expected);
            layouts.addAll(Transcripts.receivedFrames("05-originate-bridge-agent", run));
            layouts.addAll(Transcripts.receivedFrames("09-queue", run));
            Set<String> kinds = new HashSet<>(Set.of("DialBegin", "DialState", "DialEnd", "BridgeCreate",
                    "BridgeEnter", "BridgeLeave", "BridgeDestroy", "Newchannel", "Newstate", "HangupRequest",
                    "SoftHangupRequest", "Hangup", "MusicOnHoldStart", "MusicOnHoldStop"));
            assertThat(actual).anyMatch(f -> "MusicOnHoldStart".equals(f.event()));
            assertThat(CaptureComparison.shapeMismatches(withoutTimestamp(layouts),
                    withoutTimestamp(kindsOf(actual, kinds)))).isEmpty();
        }
    }

    private static List<WireFrame> withoutTimestamp(List<WireFrame> frames) {
        return frames.stream().map(f -> WireFrame.of(f.pairs().stream().filter(p -> !p[0].equals("Timestamp"))
                .toList())).toList();
    }

    private static List<String> withoutCaller(List<String> signatures) {
        // a PJSIP phone is one channel: no LocalBridge (as the simulator's withPjsipPhones against 12)
        return signatures.stream().filter(s -> !s.startsWith("LocalBridge"))
                .map(s -> s.replaceAll(" from=\\S+", "")).toList();
    }
}
