package com.evscallpro.telephony.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.evscallpro.simulator.CustomerBehaviour;
import com.evscallpro.simulator.CustomerScript;
import com.evscallpro.simulator.PbxSimulator;
import com.evscallpro.simulator.SimulatorSettings;
import com.evscallpro.telephony.CallEvent.Type;
import com.evscallpro.telephony.CallOutcome;
import com.evscallpro.telephony.OriginateRequest;
import com.evscallpro.telephony.OriginateResult;
import com.evscallpro.telephony.SpyMode;
import com.evscallpro.telephony.SpySession;
import com.evscallpro.telephony.testing.AmiTestClient;
import com.evscallpro.telephony.testing.RecordingListener;
import com.evscallpro.telephony.testing.WireFrame;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A supervisor's call control on the agent leg, end to end against the simulator, on the channel names real sites
 * have: Local pairs (capture 07), PJSIP phones, and the customer reached through a trunk Dial() (captures 11a-d).
 * Switching mode is a DTMF the spyer channel receives (ChanSpy option d); taking over is an AMI Bridge of the
 * customer's channel with the spyer's.
 */
class SupervisorCallControlAgainstSimulatorTest {

    static final String STAYS = "+33612345679";
    static final Duration WAIT = Duration.ofSeconds(5);

    /** The site variants the adapter must not care about. */
    enum Site {
        LOCAL_PAIRS(s -> s),
        PJSIP_PHONES_AND_TRUNK(s -> s.withPjsipPhones(true).withTrunk("fx-trunk"));

        final UnaryOperator<SimulatorSettings> shape;

        Site(UnaryOperator<SimulatorSettings> shape) {
            this.shape = shape;
        }
    }

    private PbxSimulator sim;
    private AsteriskAmiPbx pbx;
    private AmiTestClient wire;
    private final RecordingListener events = new RecordingListener();

    private void start(Site site) throws Exception {
        CustomerScript script = CustomerScript.random(7)
                .with(STAYS, CustomerBehaviour.answerAndStay(Duration.ofMillis(50)));
        sim = new PbxSimulator(site.shape.apply(SimulatorSettings.defaults().withCustomers(script)
                .withAgentAnswerDelay(Duration.ofMillis(50)))).start();
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

    private WireFrame seen(Predicate<WireFrame> match) {
        await().atMost(WAIT).until(() -> wire.allFrames().stream().anyMatch(match));
        return wire.allFrames().stream().filter(match).reduce((a, b) -> b).orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(Site.class)
    void listen_then_whisper_then_barge_switches_the_running_chanspy_without_ringing_again(Site site)
            throws Exception {
        start(site);
        bridgedCall("sup-1");
        String agent = events.of("sup-1").stream().filter(e -> e.type() == Type.BRIDGED).reduce((a, b) -> b)
                .orElseThrow().detail();

        SpySession s = pbx.spy("3001", "sup-1", SpyMode.LISTEN).get(15, TimeUnit.SECONDS);
        assertThat(s.spyeeChannel()).isEqualTo(agent);
        assertThat(sim.spyMode(s.spyerChannel())).contains("listen");
        int originates = (int) wire.allFrames().stream().filter(f -> "OriginateResponse".equals(f.event())).count();

        pbx.switchSpyMode(s, SpyMode.WHISPER).get(15, TimeUnit.SECONDS);
        WireFrame digit = seen(f -> "DTMFEnd".equals(f.event()) && s.spyerChannel().equals(f.get("Channel")));
        assertThat(digit.get("Digit")).isEqualTo("5");
        assertThat(digit.get("Direction")).isEqualTo("Received");
        assertThat(sim.spyMode(s.spyerChannel())).contains("whisper");

        pbx.switchSpyMode(s, SpyMode.BARGE).get(15, TimeUnit.SECONDS);
        assertThat(sim.spyMode(s.spyerChannel())).contains("barge");
        pbx.switchSpyMode(s, SpyMode.LISTEN).get(15, TimeUnit.SECONDS);
        assertThat(sim.spyMode(s.spyerChannel())).contains("listen");

        assertThat(wire.allFrames().stream().filter(f -> "OriginateResponse".equals(f.event())).count())
                .as("the supervisor's phone is not rung again").isEqualTo(originates);
        assertThat(events.summary("sup-1")).doesNotContain("HUNG_UP/AGENT", "HUNG_UP/CUSTOMER");

        pbx.hangup(s.spyId(), 16).get(15, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> events.summary("sup-1").contains("SPY_STOPPED/AGENT"));
        assertThat(sim.spyMode(s.spyerChannel())).isEmpty();
        assertThat(events.summary("sup-1")).doesNotContain("HUNG_UP/AGENT", "HUNG_UP/CUSTOMER");
    }

    @ParameterizedTest
    @EnumSource(Site.class)
    void take_over_puts_the_supervisor_with_the_customer_and_the_agent_leaves(Site site) throws Exception {
        start(site);
        String customer = bridgedCall("sup-2");
        SpySession s = pbx.spy("3001", "sup-2", SpyMode.BARGE).get(15, TimeUnit.SECONDS);

        pbx.takeOver(s).get(15, TimeUnit.SECONDS);

        seen(f -> "ChanSpyStop".equals(f.event()) && s.spyerChannel().equals(f.get("SpyerChannel")));
        await().atMost(WAIT).until(() -> events.summary("sup-2").contains("HUNG_UP/AGENT"));
        await().atMost(WAIT).until(() -> sim.bridgedWith(customer).contains(s.spyerChannel()));
        assertThat(sim.bridgedWith(customer)).containsExactly(s.spyerChannel());
        assertThat(sim.channelNames()).noneMatch(n -> n.equals(s.spyeeChannel()));
        assertThat(events.summary("sup-2")).doesNotContain("HUNG_UP/CUSTOMER");

        // the supervisor ends the call: the customer goes too
        pbx.hangup(s.spyId(), 16).get(15, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> !sim.channelNames().contains(customer));
    }

    @ParameterizedTest
    @EnumSource(Site.class)
    void refused_switches_carry_the_pbx_message(Site site) throws Exception {
        start(site);
        SpySession gone = new SpySession("x", "sup-3", SpyMode.LISTEN, "Local/3001@agents-00000099;1", "y");
        assertThat(pbx.switchSpyMode(gone, SpyMode.BARGE)).failsWithin(Duration.ofSeconds(15))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withMessageContaining("Channel not found");
        assertThat(pbx.takeOver(gone)).failsWithin(Duration.ofSeconds(15))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withMessageContaining("No live CUSTOMER channel");
        List<String> none = sim.channelNames();
        assertThat(none).isEmpty();
    }
}
