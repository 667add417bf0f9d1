package com.evscallpro.telephony.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.evscallpro.simulator.CustomerBehaviour;
import com.evscallpro.simulator.CustomerScript;
import com.evscallpro.simulator.PbxSimulator;
import com.evscallpro.simulator.SimulatorSettings;
import com.evscallpro.telephony.CallEvent.Leg;
import com.evscallpro.telephony.CallOutcome;
import com.evscallpro.telephony.OriginateRequest;
import com.evscallpro.telephony.OriginateResult;
import com.evscallpro.telephony.PbxActionException;
import com.evscallpro.telephony.testing.AmiTestClient;
import com.evscallpro.telephony.testing.RecordingListener;
import com.evscallpro.telephony.testing.WireFrame;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recording through the port against the simulator over AMI: MixMonitor on the customer's channel writes a real WAV
 * where Asterisk would (the sounds directory), MixMonitorMute pauses and resumes it, StopMixMonitor ends it; the
 * wire answers and events are Asterisk 22's (app_mixmonitor), errors included.
 */
class AsteriskAmiPbxRecordingTest {

    static final String STAYS = "+33612345679";
    static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path sounds;

    private PbxSimulator sim;
    private AsteriskAmiPbx pbx;
    private AmiTestClient wire;
    private final RecordingListener events = new RecordingListener();

    private void start() throws Exception {
        CustomerScript script = CustomerScript.random(7)
                .with(STAYS, CustomerBehaviour.answerAndStay(Duration.ofMillis(50)));
        sim = new PbxSimulator(SimulatorSettings.defaults().withCustomers(script)
                .withAgentAnswerDelay(Duration.ofMillis(50)).withRecordingsDir(sounds)).start();
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

    private WireFrame seen(java.util.function.Predicate<WireFrame> match) {
        await().atMost(WAIT).until(() -> wire.allFrames().stream().anyMatch(match));
        return wire.allFrames().stream().filter(match).findFirst().orElseThrow();
    }

    @Test
    void mixmonitor_records_the_call_into_a_wav_that_pauses_resumes_and_is_complete_after_stop() throws Exception {
        start();
        String customer = bridgedCall("rec-1");
        String file = "/var/lib/asterisk/sounds/evs-recordings/rec-1.wav";

        pbx.startRecording("rec-1", Leg.CUSTOMER, file).get(5, TimeUnit.SECONDS);
        WireFrame started = seen(f -> "MixMonitorStart".equals(f.get("Event")));
        assertThat(started.get("Channel")).isEqualTo(customer);

        pbx.muteRecording("rec-1", Leg.CUSTOMER, true).get(5, TimeUnit.SECONDS);
        WireFrame muted = seen(f -> "MixMonitorMute".equals(f.get("Event")) && "1".equals(f.get("State")));
        assertThat(muted.get("Direction")).isEqualTo("both");
        pbx.muteRecording("rec-1", Leg.CUSTOMER, false).get(5, TimeUnit.SECONDS);
        seen(f -> "MixMonitorMute".equals(f.get("Event")) && "0".equals(f.get("State")));
        Thread.sleep(120);
        pbx.stopRecording("rec-1", Leg.CUSTOMER).get(5, TimeUnit.SECONDS);
        seen(f -> "MixMonitorStop".equals(f.get("Event")));

        assertThat(sim.recordingActions()).containsExactly(
                "MixMonitor " + customer + " " + file,
                "MixMonitorMute " + customer + " both 1",
                "MixMonitorMute " + customer + " both 0",
                "StopMixMonitor " + customer);
        Path wav = sounds.resolve("evs-recordings/rec-1.wav");
        assertThat(wav).exists();
        byte[] b = Files.readAllBytes(wav);
        ByteBuffer h = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(b, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(new String(b, 8, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("WAVE");
        assertThat(h.getShort(22)).as("mono").isEqualTo((short) 1);
        assertThat(h.getInt(24)).as("8 kHz").isEqualTo(8000);
        assertThat(h.getShort(34)).as("16-bit").isEqualTo((short) 16);
        assertThat(b.length).isGreaterThan(44 + 1000);
    }

    @Test
    void a_recording_still_running_at_hangup_is_written_and_the_pbx_refusals_are_asterisks() throws Exception {
        start();
        bridgedCall("rec-2");
        pbx.startRecording("rec-2", Leg.CUSTOMER, "/var/lib/asterisk/sounds/evs-recordings/rec-2.wav")
                .get(5, TimeUnit.SECONDS);
        assertThatThrownBy(() -> pbx.startRecording("rec-2", Leg.CUSTOMER,
                "/var/lib/asterisk/sounds/evs-recordings/again.wav").get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(PbxActionException.class)
                .hasMessageContaining("Could not start monitoring channel");

        pbx.hangup("rec-2", 16).get(5, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> Files.exists(sounds.resolve("evs-recordings/rec-2.wav")));

        wire.sendAction("Action", "MixMonitorMute", "ActionID", "m1", "Channel", "PJSIP/nobody-0001",
                "Direction", "sideways", "State", "1");
        assertThat(wire.await(f -> "m1".equals(f.get("ActionID")), WAIT).get("Message"))
                .isEqualTo("Invalid direction specified. Must be read, write or both");
        wire.sendAction("Action", "StopMixMonitor", "ActionID", "s1", "Channel", "PJSIP/nobody-0001");
        WireFrame noChannel = wire.await(f -> "s1".equals(f.get("ActionID")), WAIT);
        assertThat(noChannel.get("Response")).isEqualTo("Error");
        assertThat(noChannel.get("Message")).isEqualTo("No such channel");
        wire.sendAction("Action", "MixMonitor", "ActionID", "x1");
        assertThat(wire.await(f -> "x1".equals(f.get("ActionID")), WAIT).get("Message"))
                .isEqualTo("No channel specified");
        assertThatThrownBy(() -> pbx.muteRecording("no-such-call", Leg.CUSTOMER, true).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(PbxActionException.class);
    }
}
