package com.evscallpro.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.evscallpro.telephony.testing.AmiTestClient;
import com.evscallpro.telephony.testing.CaptureComparison;
import com.evscallpro.telephony.testing.WireFrame;

/**
 * Inbound calls in the simulator's world: one trunk channel that AMI sees while it runs AGI against a FastAGI server
 * (a test server speaking the wire), whose commands act on the world (VarSet, Dial to agent phones and customers,
 * music on hold, recordings) and which AMI Hangup / Redirect act on.
 */
class SimulatorInboundCallsTest {

    static final Duration WAIT = Duration.ofSeconds(15);

    static AmiTestClient login(PbxSimulator sim) throws Exception {
        AmiTestClient c = new AmiTestClient(sim.port());
        c.sendAction("Action", "Login", "ActionID", "login-1", "Username", "evs", "Secret", "evs-secret");
        assertThat(c.await(f -> "login-1".equals(f.get("ActionID")), WAIT)).isNotNull();
        return c;
    }

    static List<WireFrame> of(AmiTestClient c, String channel) {
        return c.allFrames().stream().filter(f -> f.event() != null && (f.event().startsWith("Dial")
                ? channel.equals(f.get("DestChannel")) : channel.equals(f.get("Channel")))).toList();
    }

    /** Event signatures of a channel without the AGI / dialplan bookkeeping (AGIExec*, VarSet, Newexten). */
    static List<String> events(AmiTestClient c, String channel) {
        List<String> out = new ArrayList<>();
        for (WireFrame f : of(c, channel)) {
            String e = f.event();
            if (e == null || e.startsWith("AGIExec") || e.equals("VarSet") || e.equals("Newexten")
                    || e.equals("CoreShowChannel")) {
                continue;
            }
            String sig = e;
            if (channel.equals(f.get("DestChannel")) && f.get("DialStatus") != null) {
                sig += " " + f.get("DialStatus");
            }
            if (f.get("Cause") != null) {
                sig += " cause=" + f.get("Cause");
            }
            if (e.equals("Newstate") || e.equals("Newchannel")) {
                sig += " " + f.get("ChannelStateDesc");
            }
            out.add(sig);
        }
        return out;
    }

    static List<String> varSets(AmiTestClient c, String channel) {
        return of(c, channel).stream().filter(f -> "VarSet".equals(f.event()))
                .map(f -> f.get("Variable") + "=" + f.get("Value")).toList();
    }

    static String newChannel(AmiTestClient c, String prefix) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            for (WireFrame f : c.allFrames()) {
                if ("Newchannel".equals(f.event()) && f.get("Channel").startsWith(prefix)) {
                    return f.get("Channel");
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no channel " + prefix + " in " + c.allFrames());
    }

    /** A FastAGI server whose script answers, dials {@code dial}, then reads DIALSTATUS. */
    static ScriptedAgiServer answeringAndDialling(String dial) throws Exception {
        return new ScriptedAgiServer(conn -> {
            conn.send("ANSWER");
            conn.send("EXEC Dial " + dial);
            conn.send("GET VARIABLE DIALSTATUS");
        });
    }

    static void awaitHangup(AmiTestClient c, String channel) {
        await().atMost(WAIT).until(() -> of(c, channel).stream().anyMatch(f -> "Hangup".equals(f.event())));
    }

    @Test
    void inbound_call_runs_its_agi_as_a_channel_sets_variables_with_inheritance_and_is_bridged_to_the_agent()
            throws Exception {
        List<String> replies = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (PbxSimulator sim = new PbxSimulator(SimulatorSettings.defaults()
                .withAgentAnswerDelay(Duration.ofMillis(100))).start();
             AmiTestClient ami = login(sim);
             ScriptedAgiServer agi = new ScriptedAgiServer(conn -> {
                 for (String cmd : List.of("ANSWER", "SET VARIABLE __EVS_CALL_ID call-42",
                         "SET VARIABLE _EVS_FLOW sales", "SET VARIABLE LOCAL_ONLY x", "EXEC Dial PJSIP/1001,20",
                         "GET VARIABLE DIALSTATUS", "HANGUP")) {
                     replies.add(conn.send(cmd));
                 }
             })) {
            PlacedInboundCall call = sim.placeInbound(SimAgiCall.toDid("0140000000").callerId("0612345678", "Alice")
                    .dialOutcome("ANSWER", Duration.ofMillis(400)), "127.0.0.1", agi.port());
            SimAgiCallResult result = call.await(WAIT);
            assertThat(agi.failures).isEmpty();
            assertThat(result.failure()).isNull();
            assertThat(result.closedByServer()).isTrue();
            assertThat(replies).containsExactly("200 result=0", "200 result=1", "200 result=1", "200 result=1",
                    "200 result=0", "200 result=1 (ANSWER)", "200 result=1");
            assertThat(call.channel()).matches("PJSIP/trunk-[0-9a-f]{8}");
            assertThat(agi.connections.getFirst().env).containsEntry("agi_channel", call.channel())
                    .containsEntry("agi_uniqueid", call.uniqueId()).containsEntry("agi_dnid", "0140000000");
            assertThat(call.bridgedTo()).contains("1001");
            awaitHangup(ami, call.channel());
            assertThat(call.channelHangup().get(5, TimeUnit.SECONDS)).isZero();

            String phone = newChannel(ami, "PJSIP/1001-");
            assertThat(phone).matches("PJSIP/1001-[0-9a-f]{8}");
            assertThat(events(ami, call.channel())).containsExactly("Newchannel Ring", "Newstate Up", "BridgeEnter",
                    "BridgeLeave", "SoftHangupRequest cause=32", "SoftHangupRequest cause=16", "Hangup cause=0");
            assertThat(events(ami, phone)).containsExactly("Newchannel Down", "DialBegin", "Newstate Ringing",
                    "DialState RINGING", "Newstate Up", "DialEnd ANSWER", "BridgeEnter", "HangupRequest cause=16",
                    "BridgeLeave", "Hangup cause=16");
            assertThat(varSets(ami, call.channel())).containsExactly("__EVS_CALL_ID=call-42", "_EVS_FLOW=sales",
                    "LOCAL_ONLY=x", "DIALSTATUS=ANSWER", "DIALSTATUS=ANSWER", "AGISTATUS=HANGUP");
            // inherited like Asterisk: __X keeps its name, _X loses the underscore, X stays on the caller
            assertThat(varSets(ami, phone)).containsExactly("__EVS_CALL_ID=call-42", "EVS_FLOW=sales");

            WireFrame dialBegin = ami.allFrames().stream().filter(f -> "DialBegin".equals(f.event())).findFirst()
                    .orElseThrow();
            assertThat(dialBegin.get("Channel")).isEqualTo(call.channel());
            assertThat(dialBegin.get("Uniqueid")).isEqualTo(call.uniqueId());
            assertThat(dialBegin.get("DestUniqueid")).isNotEqualTo(call.uniqueId());
            assertThat(dialBegin.get("DestLinkedid")).isEqualTo(call.uniqueId());
            assertThat(dialBegin.get("DialString")).isEqualTo("1001");
            assertThat(CaptureComparison.bridgeOrder(ami.allFrames())).containsExactly("BridgeCreate",
                    "BridgeEnter " + phone, "BridgeEnter " + call.channel(), "BridgeLeave " + phone,
                    "BridgeLeave " + call.channel(), "BridgeDestroy");
            // every AGI command is an AGIExecStart / AGIExecEnd pair with the same CommandId
            List<WireFrame> exec = of(ami, call.channel()).stream().filter(f -> f.event().startsWith("AGIExec"))
                    .toList();
            assertThat(exec).hasSize(14);
            for (int i = 0; i < exec.size(); i += 2) {
                assertThat(exec.get(i).event()).isEqualTo("AGIExecStart");
                assertThat(exec.get(i + 1).get("CommandId")).isEqualTo(exec.get(i).get("CommandId"));
                assertThat(exec.get(i + 1).get("Result")).isEqualTo("Success");
            }
            // the channel was listed by CoreShowChannels-backed registry while alive, and is gone now
            assertThat(sim.channelNames()).isEmpty();
        }
    }

    @Test
    void dial_to_an_unanswered_busy_or_unregistered_phone_and_to_customers_through_a_trunk() throws Exception {
        Map<String, String> status = new java.util.concurrent.ConcurrentHashMap<>();
        SimulatorSettings settings = SimulatorSettings.defaults()
                .withPhoneBehaviour("1002", CustomerBehaviour.noAnswer())
                .withPhoneBehaviour("1004", CustomerBehaviour.busy())
                .withUnreachablePhones("1003")
                .withCustomers(CustomerScript.random(1)
                        .with("0611111111", CustomerBehaviour.answer(Duration.ofMillis(50), Duration.ofMillis(200)))
                        .with("0622222222", CustomerBehaviour.busy()));
        try (PbxSimulator sim = new PbxSimulator(settings).start();
             AmiTestClient ami = login(sim);
             ScriptedAgiServer agi = new ScriptedAgiServer(conn -> {
                 conn.send("ANSWER");
                 for (String dial : List.of("PJSIP/1002,1", "PJSIP/1003,5", "PJSIP/1004,5",
                         "PJSIP/0611111111@trunk-out,30", "PJSIP/0622222222@trunk-out,30")) {
                     conn.send("EXEC Dial " + dial);
                     String v = conn.send("GET VARIABLE DIALSTATUS");
                     status.put(dial, v);
                 }
             })) {
            PlacedInboundCall call = sim.placeInbound(SimAgiCall.toDid("0140000000"), "127.0.0.1", agi.port());
            call.await(WAIT);
            assertThat(agi.failures).isEmpty();
            assertThat(status).containsEntry("PJSIP/1002,1", "200 result=1 (NOANSWER)")
                    .containsEntry("PJSIP/1003,5", "200 result=1 (CHANUNAVAIL)")
                    .containsEntry("PJSIP/1004,5", "200 result=1 (BUSY)")
                    .containsEntry("PJSIP/0611111111@trunk-out,30", "200 result=1 (ANSWER)")
                    .containsEntry("PJSIP/0622222222@trunk-out,30", "200 result=1 (BUSY)");
            awaitHangup(ami, call.channel());
            String unanswered = newChannel(ami, "PJSIP/1002-");
            assertThat(events(ami, unanswered)).containsExactly("Newchannel Down", "DialBegin", "Newstate Ringing",
                    "DialState RINGING", "DialEnd NOANSWER", "Hangup cause=16");
            assertThat(ami.allFrames()).noneMatch(f -> String.valueOf(f.get("Channel")).startsWith("PJSIP/1003-"));
            String busy = newChannel(ami, "PJSIP/1004-");
            assertThat(events(ami, busy)).containsExactly("Newchannel Down", "DialBegin", "Newstate Busy",
                    "DialEnd BUSY", "Hangup cause=17");
            List<String> trunkLegs = ami.allFrames().stream().filter(f -> "Newchannel".equals(f.event()))
                    .map(f -> f.get("Channel")).filter(n -> n.startsWith("PJSIP/trunk-out-")).toList();
            assertThat(trunkLegs).hasSize(2);
            assertThat(events(ami, trunkLegs.get(0))).containsExactly("Newchannel Down", "DialBegin",
                    "Newstate Ringing", "DialState RINGING", "Newstate Up", "DialEnd ANSWER", "BridgeEnter",
                    "HangupRequest cause=16", "BridgeLeave", "Hangup cause=16");
            assertThat(events(ami, trunkLegs.get(1))).containsExactly("Newchannel Down", "DialBegin",
                    "Newstate Busy", "DialEnd BUSY", "Hangup cause=17");
            assertThat(varSets(ami, call.channel())).containsSubsequence("DIALSTATUS=NOANSWER",
                    "DIALSTATUS=CHANUNAVAIL", "DIALSTATUS=BUSY", "DIALSTATUS=ANSWER", "DIALSTATUS=BUSY");
            // the AGI ended normally (the server closed without HANGUP): AGISTATUS=SUCCESS, then Hangup() → 16
            assertThat(events(ami, call.channel())).endsWith("SoftHangupRequest cause=16", "Hangup cause=16");
            assertThat(varSets(ami, call.channel())).endsWith("AGISTATUS=SUCCESS");
        }
    }

    @Test
    void caller_hanging_up_while_the_agent_rings_cancels_the_dial_and_ends_the_agi_with_hangup() throws Exception {
        List<String> replies = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (PbxSimulator sim = new PbxSimulator(SimulatorSettings.defaults()
                .withPhoneBehaviour("1002", CustomerBehaviour.noAnswer())).start();
             AmiTestClient ami = login(sim);
             ScriptedAgiServer agi = new ScriptedAgiServer(conn -> {
                 replies.add(conn.send("ANSWER"));
                 replies.add(conn.send("EXEC Dial PJSIP/1002,30"));
                 replies.add(conn.send("GET VARIABLE DIALSTATUS"));
                 replies.add(conn.send("STREAM FILE goodbye \"\""));
                 replies.add(String.valueOf(conn.hangupLine));
             })) {
            PlacedInboundCall call = sim.placeInbound(SimAgiCall.toDid("0140000000")
                    .hangUpDuring(2, Duration.ofMillis(300)), "127.0.0.1", agi.port());
            SimAgiCallResult result = call.await(WAIT);
            assertThat(agi.failures).isEmpty();
            assertThat(result.callerHungUp()).isTrue();
            assertThat(result.replies()).containsExactly("200 result=0", "200 result=-1", "HANGUP",
                    "200 result=1 (CANCEL)", SimAgiSession.DEAD);
            assertThat(replies).endsWith("true");
            assertThat(call.bridgedTo()).isEmpty();
            awaitHangup(ami, call.channel());
            String phone = newChannel(ami, "PJSIP/1002-");
            assertThat(events(ami, phone)).containsExactly("Newchannel Down", "DialBegin", "Newstate Ringing",
                    "DialState RINGING", "DialEnd CANCEL", "Hangup cause=16");
            assertThat(events(ami, call.channel())).containsExactly("Newchannel Ring", "Newstate Up",
                    "HangupRequest cause=16", "SoftHangupRequest cause=16", "Hangup cause=16");
            assertThat(varSets(ami, call.channel())).containsExactly("DIALSTATUS=CANCEL", "AGISTATUS=HANGUP");
        }
    }

    @Test
    void caller_hanging_up_during_a_prompt_or_while_talking_to_the_agent() throws Exception {
        try (PbxSimulator sim = new PbxSimulator(SimulatorSettings.defaults()
                .withAgentAnswerDelay(Duration.ofMillis(50))).start();
             AmiTestClient ami = login(sim);
             ScriptedAgiServer agi = new ScriptedAgiServer(conn -> {
                 conn.send("ANSWER");
                 if (conn.env.get("agi_dnid").equals("0140000001")) {
                     conn.send("STREAM FILE welcome \"\"");
                 } else {
                     conn.send("EXEC Dial PJSIP/1001,20");
                 }
                 conn.send("GET VARIABLE DIALSTATUS");
             })) {
            PlacedInboundCall prompt = sim.placeInbound(SimAgiCall.toDid("0140000001")
                    .hangUpDuring(2, Duration.ofMillis(200)), "127.0.0.1", agi.port());
            PlacedInboundCall talk = sim.placeInbound(SimAgiCall.toDid("0140000002")
                    .hangUpDuring(2, Duration.ofMillis(600)), "127.0.0.1", agi.port());
            assertThat(prompt.await(WAIT).replies()).containsExactly("200 result=0", "200 result=-1 endpos=1600",
                    "HANGUP", "200 result=0");
            assertThat(talk.await(WAIT).replies()).containsExactly("200 result=0", "200 result=-1", "HANGUP",
                    "200 result=1 (ANSWER)");
            awaitHangup(ami, prompt.channel());
            awaitHangup(ami, talk.channel());
            assertThat(events(ami, prompt.channel())).containsExactly("Newchannel Ring", "Newstate Up",
                    "HangupRequest cause=16", "SoftHangupRequest cause=16", "Hangup cause=16");
            assertThat(talk.bridgedTo()).contains("1001");
            assertThat(events(ami, talk.channel())).containsExactly("Newchannel Ring", "Newstate Up", "BridgeEnter",
                    "HangupRequest cause=16", "BridgeLeave", "SoftHangupRequest cause=16", "Hangup cause=16");
            String phone = newChannel(ami, "PJSIP/1001-");
            assertThat(events(ami, phone)).endsWith("BridgeEnter", "BridgeLeave", "Hangup cause=16");
            // 05b: the hanging-up side leaves the bridge first
            assertThat(CaptureComparison.bridgeOrder(ami.allFrames())).containsExactly("BridgeCreate",
                    "BridgeEnter " + phone, "BridgeEnter " + talk.channel(), "BridgeLeave " + talk.channel(),
                    "BridgeLeave " + phone, "BridgeDestroy");
        }
    }

    @Test
    void caller_hanging_up_on_music_on_hold_gets_the_hangup_line_and_stops_the_music() throws Exception {
        try (PbxSimulator sim = new PbxSimulator(SimulatorSettings.defaults()).start();
             AmiTestClient ami = login(sim);
             ScriptedAgiServer agi = new ScriptedAgiServer(conn -> {
                 conn.send("ANSWER");
                 conn.send("SET MUSIC ON default");
                 conn.readLine(WAIT); // HANGUP, while idle on hold (our ACD keeps callers so)
             })) {
            PlacedInboundCall call = sim.placeInbound(SimAgiCall.toDid("0140000000")
                    .hangUpAfter(Duration.ofMillis(400)), "127.0.0.1", agi.port());
            SimAgiCallResult result = call.await(WAIT);
            assertThat(agi.failures).isEmpty();
            assertThat(agi.connections.getFirst().hangupLine).isTrue();
            assertThat(result.replies()).containsExactly("200 result=0", "200 result=0", "HANGUP");
            awaitHangup(ami, call.channel());
            assertThat(events(ami, call.channel())).containsExactly("Newchannel Ring", "Newstate Up",
                    "MusicOnHoldStart", "HangupRequest cause=16", "MusicOnHoldStop", "SoftHangupRequest cause=16",
                    "Hangup cause=16");
            WireFrame start = of(ami, call.channel()).stream().filter(f -> "MusicOnHoldStart".equals(f.event()))
                    .findFirst().orElseThrow();
            assertThat(start.get("Class")).isEqualTo("default");
        }
    }

    @Test
    void record_file_writes_a_wav_of_8khz_mono_16_bit_under_the_recordings_directory(@TempDir Path dir)
            throws Exception {
        try (PbxSimulator sim = new PbxSimulator(SimulatorSettings.defaults().withRecordingsDir(dir)).start();
             ScriptedAgiServer agi = new ScriptedAgiServer(conn -> {
                 conn.send("ANSWER");
                 conn.send("RECORD FILE voicemail/0140000000/msg-1 wav \"#\" 20000 BEEP s=3");
             })) {
            PlacedInboundCall call = sim.placeInbound(SimAgiCall.toDid("0140000000")
                    .pressDuring(2, "#", Duration.ofSeconds(4), Duration.ofMillis(250)).timeScale(0.05),
                    "127.0.0.1", agi.port());
            SimAgiCallResult result = call.await(WAIT);
            assertThat(result.replies()).contains("200 result=35 (dtmf) endpos=32000");
            Path wav = dir.resolve("voicemail/0140000000/msg-1.wav");
            assertThat(call.recordings()).containsExactly(wav);
            assertThat(Files.exists(wav)).isTrue();
            try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
                AudioFormat f = in.getFormat();
                assertThat(f.getSampleRate()).isEqualTo(8000f);
                assertThat(f.getChannels()).isEqualTo(1);
                assertThat(f.getSampleSizeInBits()).isEqualTo(16);
                assertThat(f.getEncoding()).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
                assertThat(in.getFrameLength()).isEqualTo(8000 * 400 / 1000); // 4 s recorded → 400 ms
            }
        }
    }

    @Test
    void redirect_of_the_inbound_channel_ends_its_agi_and_continues_in_the_target_context() throws Exception {
        try (PbxSimulator sim = new PbxSimulator(SimulatorSettings.defaults()
                .withAgentAnswerDelay(Duration.ofMillis(50))).start();
             AmiTestClient ami = login(sim);
             ScriptedAgiServer agi = new ScriptedAgiServer(conn -> {
                 conn.send("ANSWER");
                 conn.send("WAIT FOR DIGIT -1");
                 conn.send("NOOP");
             })) {
            PlacedInboundCall call = sim.placeInbound(SimAgiCall.toDid("0140000000"), "127.0.0.1", agi.port());
            assertThat(ami.await(f -> "AGIExecStart".equals(f.event())
                    && String.valueOf(f.get("Command")).startsWith("WAIT FOR DIGIT"), WAIT)).isNotNull();
            ami.sendAction("Action", "Redirect", "ActionID", "redir-1", "Channel", call.channel(),
                    "Context", "agents", "Exten", "1001", "Priority", "1");
            SimAgiCallResult result = call.await(WAIT);
            assertThat(result.replies()).containsExactly("200 result=0", "200 result=-1", "HANGUP", "200 result=0");
            assertThat(result.callerHungUp()).isFalse();
            String phone = newChannel(ami, "PJSIP/1001-");
            await().atMost(WAIT).until(() -> call.bridgedTo().isPresent());
            assertThat(sim.channelNames()).contains(call.channel(), phone);
            // the same registry AMI lists: both channels, bridged, the caller in its Dial after the redirect
            ami.sendAction("Action", "CoreShowChannels", "ActionID", "list-1");
            assertThat(ami.await(f -> "CoreShowChannelsComplete".equals(f.event()), WAIT)).isNotNull();
            List<WireFrame> items = ami.allFrames().stream().filter(f -> "CoreShowChannel".equals(f.event()))
                    .toList();
            assertThat(items).extracting(f -> f.get("Channel")).containsExactlyInAnyOrder(call.channel(), phone);
            WireFrame callerItem = items.stream().filter(f -> call.channel().equals(f.get("Channel"))).findFirst()
                    .orElseThrow();
            assertThat(callerItem.get("Application")).isEqualTo("Dial");
            assertThat(callerItem.get("Context")).isEqualTo("agents");
            assertThat(callerItem.get("BridgeId")).isNotEmpty();
            assertThat(sim.agentHangsUp("1001")).isEqualTo(1);
            assertThat(call.channelHangup().get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(16);
            awaitHangup(ami, call.channel());
            assertThat(ami.allFrames()).anyMatch(f -> "redir-1".equals(f.get("ActionID"))
                    && "Redirect successful".equals(f.get("Message")));
            assertThat(varSets(ami, call.channel())).containsSubsequence("AGISTATUS=HANGUP", "DIALSTATUS=ANSWER");
            assertThat(events(ami, call.channel())).containsExactly("Newchannel Ring", "Newstate Up", "BridgeEnter",
                    "BridgeLeave", "SoftHangupRequest cause=16", "Hangup cause=16");
            WireFrame quirk = of(ami, call.channel()).stream().filter(f -> "Newexten".equals(f.event())
                    && "agents".equals(f.get("Context"))).findFirst().orElseThrow();
            assertThat(quirk.get("Application")).isEqualTo("AGI"); // 06: new place, old application
        }
    }

    @Test
    void atxfer_from_the_agent_of_an_agi_dial_needs_option_t_keeps_the_caller_in_its_dial_and_completes_on_hangup()
            throws Exception {
        try (PbxSimulator sim = new PbxSimulator(SimulatorSettings.defaults()
                .withAgentAnswerDelay(Duration.ofMillis(50))).start();
             AmiTestClient ami = login(sim);
             ScriptedAgiServer agi = answeringAndDialling("PJSIP/1001,20,t");
             ScriptedAgiServer agiWithoutT = answeringAndDialling("PJSIP/1003,20")) {
            // without option t the agent's bridge has no atxfer hook: the digits reach the caller, nothing moves
            PlacedInboundCall plain = sim.placeInbound(SimAgiCall.toDid("0140000009"), "127.0.0.1",
                    agiWithoutT.port());
            await().atMost(WAIT).until(() -> plain.bridgedTo().isPresent());
            String plainPhone = newChannel(ami, "PJSIP/1003-");
            ami.sendAction("Action", "Atxfer", "ActionID", "atx-0", "Channel", plainPhone, "Exten", "1002",
                    "Context", "evs-agents");
            assertThat(ami.await(f -> "atx-0".equals(f.get("ActionID")), WAIT).get("Response")).isEqualTo("Success");
            await().atMost(WAIT).until(() -> of(ami, plainPhone).stream().filter(f -> "DTMFEnd".equals(f.event()))
                    .count() == 6);
            assertThat(sim.bridgedWith(plain.channel())).containsExactly(plainPhone);
            assertThat(sim.channelNames()).noneMatch(n -> n.startsWith("PJSIP/1002-"));
            plain.hangUp();

            PlacedInboundCall call = sim.placeInbound(SimAgiCall.toDid("0140000000"), "127.0.0.1", agi.port());
            await().atMost(WAIT).until(() -> call.bridgedTo().filter("1001"::equals).isPresent());
            String phone = newChannel(ami, "PJSIP/1001-");
            ami.sendAction("Action", "Atxfer", "ActionID", "atx-1", "Channel", phone, "Exten", "1002",
                    "Context", "evs-agents");
            assertThat(ami.await(f -> "atx-1".equals(f.get("ActionID")), WAIT).get("Response")).isEqualTo("Success");
            String target = newChannel(ami, "PJSIP/1002-");
            await().atMost(WAIT).until(() -> sim.bridgedWith(phone).equals(List.of(target)));
            assertThat(sim.bridgedWith(call.channel())).as("the caller waits alone in its Dial's bridge").isEmpty();
            assertThat(events(ami, call.channel())).contains("Hold");
            assertThat(call.isDone()).as("the AGI's Dial goes on").isFalse();

            // the transferer hangs up: the target joins the caller in the caller's bridge, AttendedTransfer Success
            ami.sendAction("Action", "Hangup", "ActionID", "done-1", "Channel", phone, "Cause", "16");
            awaitHangup(ami, phone);
            await().atMost(WAIT).until(() -> sim.bridgedWith(call.channel()).equals(List.of(target)));
            WireFrame transfer = ami.await(f -> "AttendedTransfer".equals(f.event()), WAIT);
            assertThat(transfer.get("Result")).isEqualTo("Success");
            assertThat(transfer.get("TransfereeChannel")).isEqualTo(call.channel());
            assertThat(transfer.get("TransferTargetChannel")).isEqualTo(target);
            assertThat(events(ami, call.channel())).containsSubsequence("Hold", "Unhold");
            assertThat(call.isDone()).isFalse();
            assertThat(call.bridgedTo()).contains("1002");

            // the target hangs up: the Dial returns ANSWER to the AGI, the caller is hung up after it
            ami.sendAction("Action", "Hangup", "ActionID", "end-1", "Channel", target, "Cause", "16");
            SimAgiCallResult result = call.await(WAIT);
            assertThat(result.variables()).containsEntry("DIALSTATUS", "ANSWER");
            assertThat(result.callerHungUp()).isFalse();
            await().atMost(WAIT).until(() -> sim.channelNames().isEmpty());
        }
    }

    @Test
    void dual_redirect_of_the_inbound_channel_and_its_agent_ends_the_agi_like_a_single_one_and_keeps_the_agent()
            throws Exception {
        try (PbxSimulator sim = new PbxSimulator(SimulatorSettings.defaults()
                .withAgentAnswerDelay(Duration.ofMillis(50))).start();
             AmiTestClient ami = login(sim);
             ScriptedAgiServer agi = answeringAndDialling("PJSIP/1001,20")) {
            PlacedInboundCall call = sim.placeInbound(SimAgiCall.toDid("0140000000"), "127.0.0.1", agi.port());
            await().atMost(WAIT).until(() -> call.bridgedTo().isPresent());
            String phone = newChannel(ami, "PJSIP/1001-");
            // our hold: the caller to evs-hold (music), the agent's phone to evs-hold-agent, in one action
            ami.sendAction("Action", "Redirect", "ActionID", "hold-1", "Channel", call.channel(),
                    "ExtraChannel", phone, "Context", "evs-hold", "Exten", "s", "Priority", "1",
                    "ExtraContext", "evs-hold-agent", "ExtraExten", "s", "ExtraPriority", "1");
            SimAgiCallResult result = call.await(WAIT);
            // run_agi saw the ASYNCGOTO soft hangup: the Dial returned -1, the HANGUP line, dead-channel rules
            assertThat(result.replies()).containsExactly("200 result=0", "200 result=-1", "HANGUP",
                    "200 result=1 (ANSWER)");
            assertThat(result.callerHungUp()).isFalse();
            await().atMost(WAIT).until(() -> of(ami, call.channel()).stream()
                    .anyMatch(f -> "MusicOnHoldStart".equals(f.event())));
            assertThat(sim.channelNames()).contains(call.channel(), phone); // nobody hung up
            assertThat(sim.placeOf(call.channel())).startsWith("evs-hold,");
            assertThat(sim.placeOf(phone)).startsWith("evs-hold-agent,");
            assertThat(varSets(ami, call.channel())).containsSubsequence("DIALSTATUS=ANSWER", "AGISTATUS=HANGUP");
            assertThat(events(ami, phone)).doesNotContain("Hangup cause=16");
            // the music starts once the AGI returned and the dialplan went on at the new place
            List<String> callerEvents = events(ami, call.channel());
            assertThat(callerEvents).containsSubsequence("BridgeEnter", "BridgeLeave", "MusicOnHoldStart");
            assertThat(callerEvents).doesNotContain("Hangup cause=16");

            // resume: an AMI Bridge takes both back; the caller hanging up then ends the agent's leg too
            ami.sendAction("Action", "Bridge", "ActionID", "resume-1", "Channel1", call.channel(), "Channel2", phone,
                    "Tone", "no");
            assertThat(ami.await(f -> "resume-1".equals(f.get("ActionID")), WAIT).get("Response"))
                    .isEqualTo("Success");
            await().atMost(WAIT).until(() -> of(ami, call.channel()).stream()
                    .anyMatch(f -> "MusicOnHoldStop".equals(f.event())));
            call.hangUp();
            assertThat(call.channelHangup().get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(16);
            awaitHangup(ami, phone);
            await().atMost(WAIT).until(() -> sim.channelNames().isEmpty());
        }
    }

    @Test
    void inbound_load_places_calls_at_its_rate_within_its_concurrency_with_seeded_digits() throws Exception {
        java.util.concurrent.atomic.AtomicInteger live = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger maxLive = new java.util.concurrent.atomic.AtomicInteger();
        List<String> digits = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (PbxSimulator sim = new PbxSimulator(SimulatorSettings.defaults()).start();
             ScriptedAgiServer agi = new ScriptedAgiServer(conn -> {
                 maxLive.accumulateAndGet(live.incrementAndGet(), Math::max);
                 try {
                     conn.send("ANSWER");
                     digits.add(conn.send("GET DATA menu 1000 1"));
                     Thread.sleep(300);
                 } finally {
                     live.decrementAndGet();
                 }
             })) {
            InboundLoad load = InboundLoad.on(sim, "0140000000", "127.0.0.1", agi.port()).callsPerMinute(1200)
                    .maxConcurrent(3).seed(7).press("1", 0.5).press("2", 0.3).press("", 0.2)
                    .template(SimAgiCall.toDid("0140000000").timeScale(0.2)).start();
            await().atMost(WAIT).until(() -> load.completed() >= 12);
            load.stop();
            await().atMost(WAIT).until(() -> load.active() == 0
                    && load.completed() + load.failed() == load.placed());
            assertThat(agi.failures).isEmpty();
            assertThat(load.failed()).isZero();
            assertThat(load.placed()).isEqualTo(load.completed());
            assertThat(maxLive.get()).isBetween(1, 3);
            assertThat(digits).allMatch(d -> d.equals("200 result=1") || d.equals("200 result=2")
                    || d.equals("200 result= (timeout)"));
            assertThat(digits).contains("200 result=1", "200 result=2");
            long placedAtStop = load.placed();
            Thread.sleep(200);
            assertThat(load.placed()).isEqualTo(placedAtStop);
        }
    }

    @Test
    void inbound_load_rate_bounds_the_number_of_calls() throws Exception {
        try (PbxSimulator sim = new PbxSimulator(SimulatorSettings.defaults()).start();
             ScriptedAgiServer agi = new ScriptedAgiServer(conn -> conn.send("ANSWER"))) {
            InboundLoad load = InboundLoad.on(sim, "0140000000", "127.0.0.1", agi.port()).callsPerMinute(300)
                    .maxConcurrent(50).start();
            long start = System.nanoTime();
            Thread.sleep(2000);
            load.stop();
            double seconds = (System.nanoTime() - start) / 1e9;
            // 5 calls per second: never more than the schedule allows, and not starved
            assertThat(load.placed()).isBetween(2L, (long) Math.ceil(seconds * 5) + 1);
            await().atMost(WAIT).until(() -> load.active() == 0
                    && load.completed() + load.failed() == load.placed());
            assertThat(load.completed()).isEqualTo(load.placed());
        }
    }
}
