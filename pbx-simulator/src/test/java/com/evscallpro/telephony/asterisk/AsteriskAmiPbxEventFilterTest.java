package com.evscallpro.telephony.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.evscallpro.telephony.CallOutcome;
import com.evscallpro.telephony.OriginateRequest;
import com.evscallpro.telephony.OriginateResult;
import com.evscallpro.simulator.CustomerBehaviour;
import com.evscallpro.simulator.CustomerScript;
import com.evscallpro.simulator.PbxSimulator;
import com.evscallpro.simulator.SimulatorSettings;
import com.evscallpro.telephony.testing.RecordingListener;
import com.evscallpro.telephony.testing.Transcripts;

/** Source-side event filtering: the adapter asks Asterisk (AMI {@code Filter}) for the events it translates only. */
class AsteriskAmiPbxEventFilterTest {

    static final String ANSWERS = "+33612340001";
    static final String BUSY = "+33612340002";

    private PbxSimulator sim;
    private AsteriskAmiPbx pbx;
    private final RecordingListener events = new RecordingListener();

    private void startBoth(boolean filter) throws InterruptedException {
        sim = new PbxSimulator(SimulatorSettings.defaults().withAgentAnswerDelay(Duration.ofMillis(50))
                .withCustomers(CustomerScript.random(5)
                        .with(ANSWERS, CustomerBehaviour.answer(Duration.ofMillis(50), Duration.ofMillis(300)))
                        .with(BUSY, CustomerBehaviour.busy()))).start();
        pbx = new AsteriskAmiPbx(AsteriskAmiPbxAgainstSimulatorTest.settings(sim.port()).withEventFilter(filter));
        pbx.addListener(events);
        pbx.start();
        assertThat(pbx.awaitConnected(Duration.ofSeconds(10))).isTrue();
    }

    @AfterEach
    void tearDown() {
        if (pbx != null) {
            pbx.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    /** An answered call (bridged to the agent, then hung up) and a busy one, both to the end. */
    private void twoCalls(String prefix) throws Exception {
        OriginateResult answered = pbx.originate(new OriginateRequest(prefix + "-a", ANSWERS, null, "2000",
                Duration.ofSeconds(5), Map.of())).get(15, TimeUnit.SECONDS);
        OriginateResult busy = pbx.originate(new OriginateRequest(prefix + "-b", BUSY, null, "2000",
                Duration.ofSeconds(5), Map.of())).get(15, TimeUnit.SECONDS);
        assertThat(answered.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(busy.outcome()).isEqualTo(CallOutcome.BUSY);
        assertThat(busy.q850Cause()).isEqualTo(17);
        await().atMost(Duration.ofSeconds(15)).until(() -> events.summary(prefix + "-a").contains("HUNG_UP/CUSTOMER")
                && events.summary(prefix + "-b").contains("HUNG_UP/CUSTOMER"));
        assertThat(events.summary(prefix + "-a")).containsExactly("CREATED/CUSTOMER", "RINGING/CUSTOMER",
                "ANSWERED/CUSTOMER", "ANSWERED/AGENT", "BRIDGED/CUSTOMER", "HUNG_UP/AGENT", "HUNG_UP/CUSTOMER");
        await().atMost(Duration.ofSeconds(15)).until(() -> sim.activeChannelCount() == 0);
        Thread.sleep(100);
    }

    @Test
    void the_filter_is_installed_at_login_and_only_tracked_events_are_then_received() throws Exception {
        startBoth(true);
        await().atMost(Duration.ofSeconds(15)).until(() -> pbx.eventFilterInstalls() == 1);
        Thread.sleep(200); // the post-login resync's list items are decoded (and ignored) too
        long ignoredBefore = pbx.ignoredEvents();

        twoCalls("filtered");

        assertThat(pbx.ignoredEvents() - ignoredBefore)
                .as("no Newexten, LocalBridge, HangupRequest... crossed the wire").isZero();
        assertThat(pbx.eventFilterRefusals()).isZero();
    }

    @Test
    void without_the_filter_the_untracked_events_are_received_and_dropped_by_the_adapter() throws Exception {
        startBoth(false);
        Thread.sleep(300);
        long ignoredBefore = pbx.ignoredEvents();

        twoCalls("unfiltered");

        assertThat(pbx.ignoredEvents() - ignoredBefore).isPositive();
        assertThat(pbx.eventFilterInstalls()).isZero();
    }

    @Test
    void the_filter_is_installed_again_after_every_reconnect() throws Exception {
        startBoth(true);
        await().atMost(Duration.ofSeconds(15)).until(() -> pbx.eventFilterInstalls() == 1);

        sim.dropConnections(Duration.ofMillis(300));
        await().atMost(Duration.ofSeconds(15)).until(() -> !pbx.isConnected());
        await().atMost(Duration.ofSeconds(15)).until(pbx::isConnected);
        await().atMost(Duration.ofSeconds(15)).until(() -> pbx.eventFilterInstalls() == 2);
        Thread.sleep(200);
        long ignoredBefore = pbx.ignoredEvents();

        twoCalls("after-reconnect");

        assertThat(pbx.reconnectCount()).isEqualTo(1);
        assertThat(pbx.ignoredEvents() - ignoredBefore).isZero();
    }

    @Test
    void a_refused_filter_is_reported_and_the_adapter_works_unfiltered() throws Exception {
        try (ReplayAmiServer server = new ReplayAmiServer(Transcripts.bytes("01-originate-answered", 1,
                "recv.raw"))) {
            pbx = new AsteriskAmiPbx(AmiSettings.of("127.0.0.1", server.port(), "evs", "evs-secret"));
            pbx.start();
            assertThat(pbx.awaitConnected(Duration.ofSeconds(10))).isTrue();
            await().atMost(Duration.ofSeconds(15)).until(() -> pbx.eventFilterRefusals() == 1);
            assertThat(server.receivedActions()).contains("filter");
            assertThat(pbx.eventFilterInstalls()).isZero();
            assertThat(pbx.isConnected()).isTrue();
        }
    }

    @Test
    void the_filter_is_derived_from_the_tracked_events_and_does_not_match_longer_names() {
        assertThat(AsteriskAmiPbx.EVENT_FILTER).startsWith("Event: (Newchannel|Newstate|Hangup|")
                .endsWith(")[^A-Za-z0-9]");
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(AsteriskAmiPbx.EVENT_FILTER);
        for (String name : AsteriskAmiPbx.TRACKED_EVENTS.keySet()) {
            if (!name.equals("VarSet") && !name.equals("UserEvent")) { // requested in part, by their own filters
                assertThat(p.matcher("Event: " + name + "\r\nPrivilege: call,all\r\n").find()).as(name).isTrue();
            }
        }
        for (String name : new String[] {"HangupRequest", "SoftHangupRequest", "HangupHandlerRun", "ParkedCallGiveUp",
                "ParkedCallTimeOut", "VarSet", "Newexten", "DeviceStateChange", "NewCallerid", "DTMFBegin",
                "LocalBridge", "DialBeginX"}) {
            assertThat(p.matcher("Event: " + name + "\r\nPrivilege: call,all\r\n").find()).as(name).isFalse();
        }
        java.util.regex.Pattern amd = java.util.regex.Pattern.compile(AsteriskAmiPbx.AMD_FILTER);
        assertThat(amd.matcher("Event: UserEvent\r\nChannel: x\r\nUserEvent: EvsAmd\r\nAMDSTATUS: MACHINE\r\n")
                .find()).as("the AMD verdict").isTrue();
        assertThat(amd.matcher("Event: UserEvent\r\nUserEvent: EvsAmdOther\r\n").find()).isFalse();
        assertThat(p.matcher("Event: UserEvent\r\nUserEvent: SomethingElse\r\n").find())
                .as("other user events stay on the PBX").isFalse();
        java.util.regex.Pattern dialStatus = java.util.regex.Pattern.compile(AsteriskAmiPbx.DIALSTATUS_FILTER);
        assertThat(dialStatus.matcher("Event: VarSet\r\nChannel: x\r\nVariable: DIALSTATUS\r\nValue: BUSY\r\n")
                .find()).isTrue();
        for (String other : new String[] {"Variable: DIALSTATUS2\r\n", "Variable: BRIDGEPEER\r\n",
                "ChanVariable: DIALSTATUS=BUSY\r\n"}) {
            assertThat(dialStatus.matcher("Event: VarSet\r\n" + other).find()).as(other).isFalse();
        }
    }
}
