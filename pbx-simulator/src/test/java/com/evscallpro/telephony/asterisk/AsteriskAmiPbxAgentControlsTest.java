package com.evscallpro.telephony.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.evscallpro.simulator.CustomerBehaviour;
import com.evscallpro.simulator.CustomerScript;
import com.evscallpro.simulator.PbxSimulator;
import com.evscallpro.simulator.SimulatorSettings;
import com.evscallpro.telephony.CallEvent.Leg;
import com.evscallpro.telephony.CallOutcome;
import com.evscallpro.telephony.ChannelStatus;
import com.evscallpro.telephony.OriginateRequest;
import com.evscallpro.telephony.OriginateResult;
import com.evscallpro.telephony.PbxActionException;
import com.evscallpro.telephony.testing.AmiTestClient;
import com.evscallpro.telephony.testing.RecordingListener;
import com.evscallpro.telephony.testing.WireFrame;

/**
 * The agent's call controls of the port (hold / resume, mute, DTMF) against the simulator over AMI: the actions on
 * the wire, the answers Asterisk 22 gives, and the channels and bridges that result.
 */
class AsteriskAmiPbxAgentControlsTest {

    static final String STAYS = "+33612345679";
    static final Duration WAIT = Duration.ofSeconds(5);

    private PbxSimulator sim;
    private AsteriskAmiPbx pbx;
    private AmiTestClient wire;
    private final RecordingListener events = new RecordingListener();

    @BeforeEach
    void start() throws Exception {
        CustomerScript script = CustomerScript.random(7)
                .with(STAYS, CustomerBehaviour.answerAndStay(Duration.ofMillis(50)));
        sim = new PbxSimulator(SimulatorSettings.defaults().withCustomers(script)
                .withAgentAnswerDelay(Duration.ofMillis(50))).start();
        pbx = new AsteriskAmiPbx(AsteriskAmiPbxAgainstSimulatorTest.settings(sim.port()));
        pbx.addListener(events);
        pbx.start();
        assertThat(pbx.awaitConnected(Duration.ofSeconds(10))).isTrue();
        wire = new AmiTestClient(sim.port());
        wire.banner(WAIT);
        wire.sendAction("Action", "Login", "ActionID", "l", "Username", "evs", "Secret", "evs-secret");
        assertThat(wire.await(f -> "l".equals(f.get("ActionID")), WAIT)).isNotNull();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (wire != null) {
            wire.close();
        }
        if (pbx != null) {
            pbx.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private String bridgedCall(String callId) throws Exception {
        OriginateResult r = pbx.originate(new OriginateRequest(callId, STAYS, "\"EVS\" <0100000000>", "2000",
                Duration.ofSeconds(5), Map.of())).get(15, TimeUnit.SECONDS);
        assertThat(r.outcome()).isEqualTo(CallOutcome.ANSWERED);
        await().atMost(WAIT).until(() -> events.summary(callId).contains("BRIDGED/CUSTOMER"));
        return r.channel();
    }

    private ChannelStatus agentChannel(String callId) throws Exception {
        return pbx.channelStatus(callId).get(15, TimeUnit.SECONDS).stream()
                .filter(c -> c.leg() == Leg.AGENT && c.channel().endsWith(";1")).findFirst().orElseThrow();
    }

    private ChannelStatus channel(String callId, String name) throws Exception {
        return pbx.channelStatus(callId).get(15, TimeUnit.SECONDS).stream()
                .filter(c -> c.channel().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void hold_moves_both_legs_out_of_the_bridge_with_music_for_the_customer_and_resume_bridges_them_back()
            throws Exception {
        String customer = bridgedCall("hold-1");
        String agent = agentChannel("hold-1").channel();
        String bridgeBefore = channel("hold-1", customer).bridgeId();
        assertThat(bridgeBefore).isNotEmpty();

        pbx.hold("hold-1").get(15, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> "evs-hold,s,MusicOnHold".equals(sim.placeOf(customer)));
        assertThat(sim.placeOf(agent)).isEqualTo("evs-hold-agent,s,Wait");
        await().atMost(WAIT).until(() -> wire.allFrames().stream().anyMatch(f -> "MusicOnHoldStart".equals(f.event())
                && customer.equals(f.get("Channel"))));
        assertThat(wire.allFrames()).anyMatch(f -> "BridgeDestroy".equals(f.event())
                && bridgeBefore.equals(f.get("BridgeUniqueid")));
        assertThat(channel("hold-1", customer).bridgeId()).isNullOrEmpty();
        Thread.sleep(200); // nobody is hung up by leaving the Dial() bridge together
        assertThat(events.summary("hold-1")).doesNotContain("HUNG_UP/CUSTOMER", "HUNG_UP/AGENT");

        pbx.resume("hold-1").get(15, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> events.summary("hold-1").stream()
                .filter(s -> s.equals("BRIDGED/CUSTOMER")).count() == 2);
        assertThat(wire.allFrames()).anyMatch(f -> "MusicOnHoldStop".equals(f.event())
                && customer.equals(f.get("Channel")));
        String bridgeAfter = channel("hold-1", customer).bridgeId();
        assertThat(bridgeAfter).isNotEmpty().isNotEqualTo(bridgeBefore).isEqualTo(channel("hold-1", agent).bridgeId());

        sim.customerHangsUp(STAYS);
        await().atMost(WAIT).until(() -> events.summary("hold-1").contains("HUNG_UP/CUSTOMER")
                && events.summary("hold-1").contains("HUNG_UP/AGENT"));
        await().atMost(WAIT).until(() -> sim.activeChannelCount() == 0);
    }

    @Test
    void mute_suppresses_the_audio_read_from_the_agent_channel_and_unmute_restores_it() throws Exception {
        bridgedCall("mute-1");
        String agent = agentChannel("mute-1").channel();
        assertThat(sim.muteState(agent)).isEmpty();

        pbx.mute("mute-1", Leg.AGENT, true).get(15, TimeUnit.SECONDS);
        assertThat(sim.muteState(agent)).isEqualTo("in");

        pbx.mute("mute-1", Leg.AGENT, false).get(15, TimeUnit.SECONDS);
        assertThat(sim.muteState(agent)).isEmpty();
    }

    @Test
    void dtmf_digits_reach_the_customer_one_playdtmf_each_in_order() throws Exception {
        String customer = bridgedCall("dtmf-1");

        pbx.sendDtmf("dtmf-1", Leg.CUSTOMER, "12#*9").get(15, TimeUnit.SECONDS);

        assertThat(sim.dtmfSent(customer)).isEqualTo("12#*9");
        assertThatThrownBy(() -> pbx.sendDtmf("dtmf-1", Leg.CUSTOMER, "12x").get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(PbxActionException.class).hasMessageContaining("Invalid DTMF");
        assertThat(sim.dtmfSent(customer)).isEqualTo("12#*9");
    }

    @Test
    void the_simulator_answers_muteaudio_playdtmf_and_dual_redirect_errors_as_asterisk_22_does() throws Exception {
        String customer = bridgedCall("err-1");
        List<String[]> cases = List.of(
                new String[] {"Action", "MuteAudio", "ActionID", "m1", "State", "on", "Direction", "in"},
                new String[] {"Action", "MuteAudio", "ActionID", "m2", "Channel", customer, "Direction", "in"},
                new String[] {"Action", "MuteAudio", "ActionID", "m3", "Channel", customer, "State", "on"},
                new String[] {"Action", "MuteAudio", "ActionID", "m4", "Channel", "PJSIP/nobody-1", "State", "on",
                        "Direction", "in"},
                new String[] {"Action", "MuteAudio", "ActionID", "m5", "Channel", customer, "State", "on",
                        "Direction", "sideways"},
                new String[] {"Action", "PlayDTMF", "ActionID", "d1", "Channel", "PJSIP/nobody-1", "Digit", "1"},
                new String[] {"Action", "PlayDTMF", "ActionID", "d2", "Channel", customer},
                new String[] {"Action", "PlayDTMF", "ActionID", "d3", "Channel", customer, "Digit", "1",
                        "Duration", "long"},
                new String[] {"Action", "Redirect", "ActionID", "r1", "Channel", customer, "Context", "evs-hold",
                        "Exten", "s", "Priority", "1", "ExtraChannel", "PJSIP/nobody-1"});
        Map<String, String> expected = Map.of("m1", "Channel not specified", "m2", "State not specified",
                "m3", "Direction not specified", "m4", "No such channel", "m5", "Failed to mute/unmute stream",
                "d1", "Channel not found", "d2", "No digit specified", "d3", "Could not convert Duration parameter",
                "r1", "ExtraChannel does not exist: PJSIP/nobody-1");
        for (String[] c : cases) {
            wire.sendAction(c);
        }
        await().atMost(WAIT).until(() -> wire.allFrames().stream().filter(f -> f.get("ActionID") != null)
                .map(f -> f.get("ActionID")).filter(expected::containsKey).count() == expected.size());
        for (Map.Entry<String, String> e : expected.entrySet()) {
            WireFrame r = wire.allFrames().stream().filter(f -> e.getKey().equals(f.get("ActionID"))).findFirst()
                    .orElse(null);
            assertThat(r).as(e.getKey()).isNotNull();
            assertThat(r.get("Response")).as(e.getKey()).isEqualTo("Error");
            assertThat(r.get("Message")).as(e.getKey()).isEqualTo(e.getValue());
        }
        wire.sendAction("Action", "MuteAudio", "ActionID", "ok1", "Channel", customer, "State", "on",
                "Direction", "all");
        WireFrame ok = wire.await(f -> "ok1".equals(f.get("ActionID")), WAIT);
        assertThat(ok.get("Response")).isEqualTo("Success");
        assertThat(ok.get("Message")).isNull();
        assertThat(sim.muteState(customer)).isEqualTo("all");
        assertThat(events.summary("err-1")).doesNotContain("HUNG_UP/CUSTOMER");
    }

    @Test
    void a_cancelled_attended_transfer_hangs_the_target_up_and_brings_the_agent_back_to_the_customer()
            throws Exception {
        String customer = bridgedCall("atx-c");
        String agent = agentChannel("atx-c").channel();
        String original = channel("atx-c", customer).bridgeId();

        pbx.attendedTransfer("atx-c", Leg.AGENT, "2002").get(15, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> wire.allFrames().stream().anyMatch(f -> "BridgeEnter".equals(f.event())
                && f.get("Channel").startsWith("Local/2002@agents-")));
        assertThat(channel("atx-c", agent).bridgeId()).isNotEqualTo(original);

        pbx.cancelAttendedTransfer("atx-c", Leg.AGENT).get(15, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> sim.channelNames().stream().noneMatch(n -> n.startsWith("Local/2002@")));
        assertThat(wire.allFrames()).anyMatch(f -> "Unhold".equals(f.event()) && customer.equals(f.get("Channel")));
        await().atMost(WAIT).until(() -> original.equals(channel("atx-c", agent).bridgeId()));
        assertThat(channel("atx-c", customer).bridgeId()).isEqualTo(original);
        assertThat(events.summary("atx-c")).doesNotContain("HUNG_UP/CUSTOMER", "TRANSFERRED/CUSTOMER");
    }

    @Test
    void hanging_up_the_agent_leg_completes_an_attended_transfer() throws Exception {
        String customer = bridgedCall("atx-h");
        pbx.attendedTransfer("atx-h", Leg.AGENT, "2002").get(15, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> wire.allFrames().stream().anyMatch(f -> "BridgeEnter".equals(f.event())
                && f.get("Channel").startsWith("Local/2002@agents-")));

        pbx.hangupLeg("atx-h", Leg.AGENT, 16).get(15, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> events.summary("atx-h").contains("TRANSFERRED/CUSTOMER"));
        List<ChannelStatus> live = pbx.channelStatus("atx-h").get(15, TimeUnit.SECONDS);
        ChannelStatus target = live.stream().filter(c -> c.channel().startsWith("Local/2002@agents-")
                && c.channel().endsWith(";1")).findFirst().orElseThrow();
        assertThat(target.bridgeId()).isEqualTo(channel("atx-h", customer).bridgeId());
        assertThat(events.summary("atx-h")).doesNotContain("HUNG_UP/CUSTOMER");
    }

    @Test
    void controls_on_an_unknown_call_fail_with_a_clear_message() {
        assertThatThrownBy(() -> pbx.hold("nope").get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(PbxActionException.class).hasMessageContaining("No live CUSTOMER channel");
        assertThatThrownBy(() -> pbx.mute("nope", Leg.AGENT, true).get(5, TimeUnit.SECONDS))
                .hasMessageContaining("No live AGENT channel");
    }
}
