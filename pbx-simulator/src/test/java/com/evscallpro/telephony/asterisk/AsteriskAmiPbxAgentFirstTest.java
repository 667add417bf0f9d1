package com.evscallpro.telephony.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.evscallpro.simulator.CustomerBehaviour;
import com.evscallpro.simulator.CustomerScript;
import com.evscallpro.simulator.PbxSimulator;
import com.evscallpro.simulator.SimulatorSettings;
import com.evscallpro.telephony.CallEvent;
import com.evscallpro.telephony.CallOutcome;
import com.evscallpro.telephony.OriginateRequest;
import com.evscallpro.telephony.OriginateResult;
import com.evscallpro.telephony.testing.RecordingListener;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A call the agent places (manual dialling): the agent's phone is originated into {@code evs-phone} with the number
 * as {@code Exten}; once it answers, the number is dialled through the trunk. The phone is the AGENT leg (the
 * originate's result is its answer), the number the CUSTOMER leg.
 */
class AsteriskAmiPbxAgentFirstTest {

    private static final String ANSWERS = "+33612000001";
    private static final String BUSY = "+33612000002";

    private PbxSimulator sim;
    private AutoCloseable port;
    private final RecordingListener events = new RecordingListener();

    @AfterEach
    void stop() throws Exception {
        if (port != null) {
            port.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private AsteriskAmiPbx connect() throws Exception {
        CustomerScript customers = CustomerScript.alwaysAnswer(Duration.ofMillis(200), Duration.ofSeconds(30))
                .with(ANSWERS, CustomerBehaviour.answerAndStay(Duration.ofMillis(300)))
                .with(BUSY, CustomerBehaviour.busy());
        sim = new PbxSimulator(SimulatorSettings.defaults().withAgentAnswerDelay(Duration.ofMillis(200))
                .withCustomers(customers)).start();
        AsteriskAmiPbx pbx = new AsteriskAmiPbx(AsteriskAmiPbxAgainstSimulatorTest.settings(sim.port()));
        port = pbx;
        pbx.addListener(events);
        pbx.start();
        assertThat(pbx.awaitConnected(Duration.ofSeconds(10))).isTrue();
        return pbx;
    }

    @Test
    void the_phone_rings_first_then_the_number_which_answers_and_is_bridged_with_the_phone() throws Exception {
        AsteriskAmiPbx pbx = connect();

        OriginateResult phone = pbx.originateAgentFirst(new OriginateRequest("md-1", ANSWERS, "+33170000001", "2839",
                Duration.ofSeconds(20), Map.of("EVS_CALL_ID", "md-1"))).get(15, TimeUnit.SECONDS);

        assertThat(phone.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(phone.channel()).startsWith("Local/2839@agents-");
        assertThat(sim.originates()).containsExactly(
                "Local/2839@" + SimulatorSettings.defaults().agentContext() + " evs-phone," + ANSWERS);
        await().atMost(Duration.ofSeconds(10)).until(() -> events.summary("md-1").contains("BRIDGED/CUSTOMER"));
        assertThat(events.summary("md-1")).containsSubsequence("RINGING/AGENT", "ANSWERED/AGENT",
                "ANSWERED/CUSTOMER", "BRIDGED/CUSTOMER");
        assertThat(sim.channelNames()).anyMatch(n -> n.startsWith("PJSIP/trunk-"));

        pbx.hangup("md-1", 16).get(15, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> events.summary("md-1").contains("HUNG_UP/CUSTOMER")
                && events.summary("md-1").contains("HUNG_UP/AGENT"));
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.activeChannelCount() == 0);
    }

    @Test
    void a_busy_number_hangs_up_the_customer_leg_with_17_then_the_phone() throws Exception {
        AsteriskAmiPbx pbx = connect();

        pbx.originateAgentFirst(new OriginateRequest("md-2", BUSY, null, "2839", Duration.ofSeconds(20), Map.of()))
                .get(15, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(10)).until(() -> events.summary("md-2").contains("HUNG_UP/AGENT"));
        CallEvent customerGone = events.of("md-2").stream()
                .filter(e -> e.type() == CallEvent.Type.HUNG_UP && e.leg() == CallEvent.Leg.CUSTOMER)
                .findFirst().orElseThrow();
        assertThat(customerGone.cause()).isEqualTo(17);
        assertThat(events.summary("md-2")).doesNotContain("ANSWERED/CUSTOMER", "BRIDGED/CUSTOMER");
        assertThat(events.summary("md-2").indexOf("HUNG_UP/CUSTOMER"))
                .isLessThan(events.summary("md-2").indexOf("HUNG_UP/AGENT"));
    }
}
