package com.evscallpro.telephony.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.evscallpro.simulator.CustomerBehaviour;
import com.evscallpro.simulator.CustomerScript;
import com.evscallpro.simulator.PbxSimulator;
import com.evscallpro.simulator.SimulatorSettings;
import com.evscallpro.telephony.CallEvent.Leg;
import com.evscallpro.telephony.CallOutcome;
import com.evscallpro.telephony.OriginateRequest;
import com.evscallpro.telephony.OriginateResult;
import com.evscallpro.telephony.testing.AmiTestClient;
import com.evscallpro.telephony.testing.RecordingListener;
import com.evscallpro.telephony.testing.WireFrame;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Predictive dialing's telephony over the real AMI wire: the customer is originated into the holding context and
 * waits there once answered; the agent's phone is nailed up in its own holding context; the dialer's AMI Bridge puts
 * them together (BridgeEnter of both, as capture 05 shows for a bridge), or its Redirect sends the customer to the
 * abandon message.
 */
class PredictiveHoldAndBridgeTest {

    static final String LIVE = "+33612345690";
    static final String MACHINE = "+33612345691";
    static final Duration WAIT = Duration.ofSeconds(5);

    private PbxSimulator sim;
    private AsteriskAmiPbx pbx;
    private AmiTestClient wire;
    private final RecordingListener events = new RecordingListener();

    @BeforeEach
    void start() throws Exception {
        sim = new PbxSimulator(SimulatorSettings.defaults()
                .withCustomers(CustomerScript.random(7).with(LIVE, CustomerBehaviour.answerAndStay(Duration.ofMillis(50)))
                        .with(MACHINE, CustomerBehaviour.answeringMachine(Duration.ofMillis(50), Duration.ofSeconds(20))))
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
    void stop() throws Exception {
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

    private WireFrame seen(java.util.function.Predicate<WireFrame> match) {
        await().atMost(WAIT).until(() -> wire.allFrames().stream().anyMatch(match));
        return wire.allFrames().stream().filter(match).findFirst().orElseThrow();
    }

    private OriginateResult customerInHold(String callId) throws Exception {
        OriginateResult r = pbx.originateToHold(new OriginateRequest(callId, LIVE, null, "s", Duration.ofSeconds(5),
                Map.of("EVS_AMD", "OFF")), "evs-predictive-hold").get(15, TimeUnit.SECONDS);
        assertThat(r.outcome()).isEqualTo(CallOutcome.ANSWERED);
        return r;
    }

    @Test
    void an_answered_customer_waits_in_the_holding_context_until_bridged_to_a_nailed_up_agent() throws Exception {
        OriginateResult agent = pbx.originatePhoneToHold("nailed-2000", "2000", "evs-agent-hold",
                Duration.ofSeconds(5)).get(15, TimeUnit.SECONDS);
        assertThat(agent.outcome()).isEqualTo(CallOutcome.ANSWERED);
        OriginateResult customer = customerInHold("pd-1");

        WireFrame response = wire.await(f -> "OriginateResponse".equals(f.event())
                && customer.channel().equals(f.get("Channel")), WAIT);
        assertThat(response.get("Context")).isEqualTo("evs-predictive-hold");
        assertThat(response.get("Exten")).isEqualTo("s");
        assertThat(events.summary("pd-1")).as("answered, in no bridge yet").contains("ANSWERED/CUSTOMER")
                .doesNotContain("BRIDGED/CUSTOMER");

        pbx.bridge(customer.channel(), agent.channel()).get(15, TimeUnit.SECONDS);

        WireFrame customerIn = wire.await(f -> "BridgeEnter".equals(f.event())
                && customer.channel().equals(f.get("Channel")), WAIT);
        WireFrame agentIn = wire.await(f -> "BridgeEnter".equals(f.event())
                && agent.channel().equals(f.get("Channel")), WAIT);
        assertThat(customerIn.get("BridgeUniqueid")).isNotBlank().isEqualTo(agentIn.get("BridgeUniqueid"));
        await().atMost(WAIT).until(() -> events.summary("pd-1").contains("BRIDGED/CUSTOMER"));
    }

    @Test
    void an_answered_customer_no_agent_takes_is_redirected_to_the_abandon_message() throws Exception {
        OriginateResult customer = customerInHold("pd-2");

        pbx.blindTransfer("pd-2", Leg.CUSTOMER, "s", "evs-abandon").get(15, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> events.summary("pd-2").contains("TRANSFERRED/CUSTOMER"));
        assertThat(events.of("pd-2")).filteredOn(e -> e.type() == com.evscallpro.telephony.CallEvent.Type.TRANSFERRED)
                .singleElement().satisfies(e -> {
                    assertThat(e.channel()).isEqualTo(customer.channel());
                    assertThat(e.detail()).isEqualTo("evs-abandon,s");
                });
        assertThat(events.summary("pd-2")).doesNotContain("BRIDGED/CUSTOMER");
    }

    @Test
    void amd_in_the_holding_context_reports_its_verdict_and_hangs_up_a_machine_when_asked() throws Exception {
        OriginateResult machine = pbx.originateToHold(new OriginateRequest("amd-1", MACHINE, null, "s",
                Duration.ofSeconds(5), Map.of("EVS_AMD", "HANGUP")), "evs-predictive-hold").get(15, TimeUnit.SECONDS);
        OriginateResult person = pbx.originateToHold(new OriginateRequest("amd-2", LIVE, null, "s",
                Duration.ofSeconds(5), Map.of("EVS_AMD", "HANGUP")), "evs-predictive-hold").get(15, TimeUnit.SECONDS);
        assertThat(machine.outcome()).as("a machine answers like a person").isEqualTo(CallOutcome.ANSWERED);

        WireFrame verdict = seen(f -> "UserEvent".equals(f.event()) && "EvsAmd".equals(f.get("UserEvent"))
                && machine.channel().equals(f.get("Channel")));
        assertThat(verdict.get("AMDSTATUS")).isEqualTo("MACHINE");
        assertThat(verdict.get("AMDCAUSE")).startsWith("LONGGREETING");
        assertThat(seen(f -> "Hangup".equals(f.event()) && machine.channel().equals(f.get("Channel"))))
                .as("HANGUP: the machine is hung up").isNotNull();
        WireFrame human = seen(f -> "UserEvent".equals(f.event()) && "EvsAmd".equals(f.get("UserEvent"))
                && person.channel().equals(f.get("Channel")));
        assertThat(human.get("AMDSTATUS")).isEqualTo("HUMAN");
        assertThat(events.summary("amd-2")).doesNotContain("HUNG_UP/CUSTOMER");
    }

    @Test
    void the_amd_verdict_passes_the_event_filter_and_reaches_listeners_as_a_call_event() throws Exception {
        pbx.originateToHold(new OriginateRequest("amd-3", MACHINE, null, "s", Duration.ofSeconds(5),
                Map.of("EVS_AMD", "AGENT")), "evs-predictive-hold").get(15, TimeUnit.SECONDS);
        pbx.originateToHold(new OriginateRequest("amd-4", LIVE, null, "s", Duration.ofSeconds(5),
                Map.of("EVS_AMD", "AGENT")), "evs-predictive-hold").get(15, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> events.summary("amd-3").contains("AMD/CUSTOMER")
                && events.summary("amd-4").contains("AMD/CUSTOMER"));
        assertThat(pbx.eventFilterInstalls()).as("the AMI Filters (EvsAmd among them) were accepted").isPositive();
        assertThat(events.of("amd-3")).filteredOn(e -> e.type() == com.evscallpro.telephony.CallEvent.Type.AMD)
                .singleElement().satisfies(e -> {
                    assertThat(e.detail()).isEqualTo("MACHINE");
                    assertThat(e.causeText()).startsWith("LONGGREETING");
                });
        assertThat(events.of("amd-4")).filteredOn(e -> e.type() == com.evscallpro.telephony.CallEvent.Type.AMD)
                .singleElement().satisfies(e -> assertThat(e.detail()).isEqualTo("HUMAN"));
        assertThat(events.summary("amd-3")).as("AGENT: the machine is left to the dialer")
                .doesNotContain("HUNG_UP/CUSTOMER");
    }
}
