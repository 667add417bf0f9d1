package com.evscallpro.telephony.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.evscallpro.telephony.CallEvent;
import com.evscallpro.telephony.CallEvent.Leg;
import com.evscallpro.telephony.CallEvent.Type;
import com.evscallpro.telephony.CallEventListener;
import com.evscallpro.telephony.CallOutcome;
import com.evscallpro.telephony.ChannelStatus;
import com.evscallpro.telephony.OriginateRequest;
import com.evscallpro.telephony.OriginateResult;
import com.evscallpro.telephony.ParkedCall;
import com.evscallpro.telephony.PbxActionException;
import com.evscallpro.telephony.PbxPort;
import com.evscallpro.telephony.SpyMode;
import com.evscallpro.telephony.SpySession;
import com.evscallpro.simulator.CustomerBehaviour;
import com.evscallpro.simulator.CustomerScript;
import com.evscallpro.simulator.PbxSimulator;
import com.evscallpro.simulator.SimulatorSettings;
import com.evscallpro.telephony.testing.AmiTestClient;
import com.evscallpro.telephony.testing.RecordingListener;
import com.evscallpro.telephony.testing.WireFrame;

/** The call-control actions of the port (transfers, bridge, park, message, spy, status) against the simulator. */
class AsteriskAmiPbxCallControlTest {

    static final String STAYS = "+33612345679";
    static final String STAYS_TOO = "+33612345680";
    static final String MACHINE = "+33612345681";
    static final Duration WAIT = Duration.ofSeconds(5);

    private PbxSimulator sim;
    private AsteriskAmiPbx pbx;
    private AmiTestClient wire;
    private final RecordingListener events = new RecordingListener();

    private void startBoth() throws Exception {
        CustomerScript script = CustomerScript.random(7)
                .with(STAYS, CustomerBehaviour.answerAndStay(Duration.ofMillis(50)))
                .with(STAYS_TOO, CustomerBehaviour.answerAndStay(Duration.ofMillis(50)))
                .with(MACHINE, CustomerBehaviour.answeringMachine(Duration.ofMillis(100), Duration.ofMillis(600)));
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

    private String bridgedCall(String callId, String number) throws Exception {
        OriginateResult r = pbx.originate(new OriginateRequest(callId, number, "\"EVS\" <0100000000>", "2000",
                Duration.ofSeconds(5), Map.of())).get(15, TimeUnit.SECONDS);
        assertThat(r.outcome()).isEqualTo(CallOutcome.ANSWERED);
        await().atMost(WAIT).until(() -> events.summary(callId).contains("BRIDGED/CUSTOMER"));
        return r.channel();
    }

    private CallEvent last(String callId, Type type) {
        List<CallEvent> of = events.of(callId).stream().filter(e -> e.type() == type).toList();
        return of.isEmpty() ? null : of.get(of.size() - 1);
    }

    private WireFrame seen(java.util.function.Predicate<WireFrame> match) {
        await().atMost(WAIT).until(() -> wire.allFrames().stream().anyMatch(match));
        return wire.allFrames().stream().filter(match).findFirst().orElseThrow();
    }

    @Test
    void blind_transfer_moves_the_customer_to_another_agent_and_the_first_agent_leg_ends_alone() throws Exception {
        startBoth();
        String customer = bridgedCall("xfer-1", STAYS);

        pbx.blindTransfer("xfer-1", Leg.CUSTOMER, "2001", null).get(15, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> events.summary("xfer-1").stream()
                .filter(s -> s.equals("BRIDGED/CUSTOMER")).count() == 2);
        assertThat(events.summary("xfer-1")).containsExactly("CREATED/CUSTOMER", "RINGING/CUSTOMER",
                "ANSWERED/CUSTOMER", "ANSWERED/AGENT", "BRIDGED/CUSTOMER", "TRANSFERRED/CUSTOMER", "HUNG_UP/AGENT",
                "ANSWERED/AGENT", "BRIDGED/CUSTOMER");
        CallEvent moved = last("xfer-1", Type.TRANSFERRED);
        assertThat(moved.channel()).isEqualTo(customer);
        assertThat(moved.detail()).isEqualTo("agents,2001");
        assertThat(last("xfer-1", Type.BRIDGED).detail()).startsWith("Local/2001@agents-");
        // the capture-06 quirk: the first Newexten after the Redirect has the new place and the old application
        WireFrame quirk = seen(f -> "Newexten".equals(f.event()) && customer.equals(f.get("Channel")));
        assertThat(quirk.get("Context")).isEqualTo("agents");
        assertThat(quirk.get("Exten")).isEqualTo("2001");
        assertThat(quirk.get("Priority")).isEqualTo("1");
        assertThat(quirk.get("Application")).isEqualTo("Dial");
        assertThat(quirk.get("AppData")).startsWith("Local/2000@agents");

        sim.customerHangsUp(STAYS);
        await().atMost(WAIT).until(() -> events.summary("xfer-1").contains("HUNG_UP/CUSTOMER"));
        assertThat(events.summary("xfer-1")).endsWith("HUNG_UP/AGENT", "HUNG_UP/CUSTOMER");
        await().atMost(WAIT).until(() -> sim.activeChannelCount() == 0);
    }

    @Test
    void blind_transfer_to_a_plain_extension_keeps_the_customer_until_it_is_hung_up() throws Exception {
        startBoth();
        bridgedCall("xfer-2", STAYS);

        pbx.blindTransfer("xfer-2", Leg.CUSTOMER, "3006", "fx-transfer").get(15, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> events.summary("xfer-2").contains("HUNG_UP/AGENT"));
        Thread.sleep(200);
        assertThat(events.summary("xfer-2")).doesNotContain("HUNG_UP/CUSTOMER").contains("TRANSFERRED/CUSTOMER");
        List<ChannelStatus> live = pbx.channelStatus("xfer-2").get(15, TimeUnit.SECONDS);
        assertThat(live).extracting(ChannelStatus::leg).containsOnly(Leg.CUSTOMER);
        assertThat(live).filteredOn(c -> c.uniqueId().equals("xfer-2")).singleElement()
                .satisfies(c -> assertThat(c.context() + "," + c.exten()).isEqualTo("fx-transfer,3006"));

        pbx.hangup("xfer-2", 16).get(15, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> events.summary("xfer-2").contains("HUNG_UP/CUSTOMER"));
    }

    @Test
    void attended_transfer_hands_the_customer_to_the_target_when_the_first_agent_hangs_up() throws Exception {
        startBoth();
        String customer = bridgedCall("atx-1", STAYS);

        pbx.attendedTransfer("atx-1", Leg.AGENT, "2002").get(15, TimeUnit.SECONDS);
        // the consultation: the first agent is bridged with the target while the customer waits on hold
        seen(f -> "Hold".equals(f.event()) && customer.equals(f.get("Channel")));
        await().atMost(WAIT).until(() -> wire.allFrames().stream().anyMatch(f -> "BridgeEnter".equals(f.event())
                && f.get("Channel").startsWith("Local/2002@agents-")));
        assertThat(events.of("atx-1")).filteredOn(e -> e.type() == Type.DTMF).extracting(CallEvent::detail)
                .containsExactly("*", "2", "2", "0", "0", "2");

        sim.agentHangsUp("2000");
        await().atMost(WAIT).until(() -> events.summary("atx-1").contains("TRANSFERRED/CUSTOMER"));
        assertThat(last("atx-1", Type.TRANSFERRED).detail()).startsWith("Local/2002@agents-");
        assertThat(events.summary("atx-1")).doesNotContain("HUNG_UP/CUSTOMER", "HUNG_UP/AGENT");
        List<ChannelStatus> live = pbx.channelStatus("atx-1").get(15, TimeUnit.SECONDS);
        ChannelStatus cust = live.stream().filter(c -> c.channel().equals(customer)).findFirst().orElseThrow();
        ChannelStatus target = live.stream().filter(c -> c.channel().startsWith("Local/2002@agents-")
                && c.channel().endsWith(";1")).findFirst().orElseThrow();
        assertThat(target.bridgeId()).isNotEmpty().isEqualTo(cust.bridgeId());
        assertThat(live).noneMatch(c -> c.channel().startsWith("Local/2000@"));

        sim.customerHangsUp(STAYS);
        await().atMost(WAIT).until(() -> events.summary("atx-1").contains("HUNG_UP/CUSTOMER"));
        assertThat(events.summary("atx-1")).endsWith("HUNG_UP/AGENT", "HUNG_UP/CUSTOMER");
        await().atMost(WAIT).until(() -> sim.activeChannelCount() == 0);
    }

    @Test
    void bridge_puts_two_customers_together_and_their_agents_are_released() throws Exception {
        startBoth();
        String a = bridgedCall("br-a", STAYS);
        String b = bridgedCall("br-b", STAYS_TOO);

        pbx.bridge(a, b).get(15, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> events.summary("br-a").contains("HUNG_UP/AGENT")
                && events.summary("br-b").contains("HUNG_UP/AGENT"));
        List<ChannelStatus> la = pbx.channelStatus("br-a").get(15, TimeUnit.SECONDS);
        List<ChannelStatus> lb = pbx.channelStatus("br-b").get(15, TimeUnit.SECONDS);
        String ba = la.stream().filter(c -> c.channel().equals(a)).findFirst().orElseThrow().bridgeId();
        assertThat(ba).isNotEmpty();
        assertThat(lb.stream().filter(c -> c.channel().equals(b)).findFirst().orElseThrow().bridgeId()).isEqualTo(ba);
        assertThat(la.stream().filter(c -> c.channel().equals(a)).findFirst().orElseThrow().application())
                .isEqualTo("Bridge");

        sim.customerHangsUp(STAYS); // the other one is left alone in the bridge and ends after it
        await().atMost(WAIT).until(() -> events.summary("br-a").contains("HUNG_UP/CUSTOMER")
                && events.summary("br-b").contains("HUNG_UP/CUSTOMER"));
        await().atMost(WAIT).until(() -> sim.activeChannelCount() == 0);
    }

    @Test
    void park_puts_the_customer_in_the_parking_lot_and_reports_the_space() throws Exception {
        startBoth();
        String customer = bridgedCall("park-1", STAYS);

        ParkedCall parked = pbx.park("park-1", Leg.CUSTOMER).get(15, TimeUnit.SECONDS);

        assertThat(parked.channel()).isEqualTo(customer);
        assertThat(parked.parkingSpace()).isEqualTo("701");
        assertThat(parked.parkingLot()).isEqualTo("default");
        assertThat(parked.timeoutSeconds()).isEqualTo(45);
        await().atMost(WAIT).until(() -> events.summary("park-1").contains("HUNG_UP/AGENT"));
        assertThat(last("park-1", Type.PARKED).detail()).isEqualTo("701");
        ChannelStatus st = pbx.channelStatus("park-1").get(15, TimeUnit.SECONDS).stream()
                .filter(c -> c.channel().equals(customer)).findFirst().orElseThrow();
        assertThat(st.application()).isEqualTo("Park");
        assertThat(st.bridgeId()).isNotEmpty();
        seen(f -> "BridgeCreate".equals(f.event()) && "parking".equals(f.get("BridgeType")));

        sim.customerHangsUp(STAYS);
        seen(f -> "ParkedCallGiveUp".equals(f.event()) && customer.equals(f.get("ParkeeChannel")));
        await().atMost(WAIT).until(() -> events.summary("park-1").contains("HUNG_UP/CUSTOMER"));
    }

    @Test
    void a_message_is_whispered_to_one_leg_without_touching_the_call() throws Exception {
        startBoth();
        String customer = bridgedCall("msg-1", STAYS);
        int before = events.of("msg-1").size();

        pbx.playMessage("msg-1", Leg.CUSTOMER, "beep").get(15, TimeUnit.SECONDS);

        WireFrame start = seen(f -> "ChanSpyStart".equals(f.event()));
        assertThat(start.get("SpyerChannel")).startsWith("Local/s@evs-playback-");
        assertThat(start.get("SpyeeChannel")).isEqualTo(customer);
        WireFrame orig = seen(f -> "OriginateResponse".equals(f.event()) && "ChanSpy".equals(f.get("Application")));
        assertThat(orig.get("Data")).isEqualTo(customer + ",qwE");
        seen(f -> "ChanSpyStop".equals(f.event()));
        await().atMost(WAIT).until(() -> sim.channelNames().stream().noneMatch(n -> n.contains("evs-playback")));
        assertThat(events.of("msg-1")).hasSize(before);
        assertThat(events.events()).noneMatch(e -> e.callId().startsWith("evs-play"));
        pbx.hangup("msg-1", 16).get(15, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @EnumSource(SpyMode.class)
    void a_supervisor_spies_on_the_agent_leg_with_the_chanspy_options_of_capture_07(SpyMode mode) throws Exception {
        startBoth();
        bridgedCall("spy-1", STAYS);
        String agent = last("spy-1", Type.BRIDGED).detail();

        SpySession session = pbx.spy("3001", "spy-1", mode).get(15, TimeUnit.SECONDS);

        assertThat(session.spyeeChannel()).isEqualTo(agent);
        assertThat(session.spyerChannel()).startsWith("Local/3001@agents-").endsWith(";1");
        WireFrame orig = seen(f -> "OriginateResponse".equals(f.event()) && "ChanSpy".equals(f.get("Application")));
        assertThat(orig.get("Data")).isEqualTo(agent + "," + Map.of(SpyMode.LISTEN, "q", SpyMode.WHISPER, "qw",
                SpyMode.BARGE, "qB").get(mode) + "d");
        WireFrame start = seen(f -> "ChanSpyStart".equals(f.event()));
        assertThat(start.get("SpyeeChannel")).isEqualTo(agent);
        assertThat(start.get("SpyerUniqueid")).isEqualTo(session.spyId());
        await().atMost(WAIT).until(() -> events.summary("spy-1").contains("SPY_STARTED/AGENT"));
        assertThat(last("spy-1", Type.SPY_STARTED).detail()).isEqualTo(session.spyerChannel());

        pbx.hangup(session.spyId(), 16).get(15, TimeUnit.SECONDS);
        seen(f -> "ChanSpyStop".equals(f.event()));
        await().atMost(WAIT).until(() -> events.summary("spy-1").contains("SPY_STOPPED/AGENT"));
        assertThat(events.summary("spy-1")).doesNotContain("HUNG_UP/AGENT", "HUNG_UP/CUSTOMER");
        assertThat(events.events()).noneMatch(e -> e.callId().equals(session.spyId()));
        await().atMost(WAIT).until(() -> sim.channelNames().stream().noneMatch(n -> n.contains("3001@")));
    }

    @Test
    void channel_status_lists_the_live_channels_of_the_call_with_their_leg_and_state() throws Exception {
        startBoth();
        bridgedCall("st-1", STAYS);
        bridgedCall("st-2", STAYS_TOO);

        List<ChannelStatus> live = pbx.channelStatus("st-1").get(15, TimeUnit.SECONDS);

        assertThat(live).hasSize(4).allMatch(c -> c.linkedId().equals("st-1"))
                .allMatch(c -> c.state() == 6 && c.stateDesc().equals("Up"));
        assertThat(live).filteredOn(c -> c.leg() == Leg.CUSTOMER).extracting(ChannelStatus::uniqueId)
                .containsExactlyInAnyOrder("st-1", "st-1;2");
        assertThat(live).filteredOn(c -> c.leg() == Leg.AGENT).extracting(ChannelStatus::channel)
                .allMatch(n -> n.startsWith("Local/2000@agents-"));
        ChannelStatus cust = live.stream().filter(c -> c.uniqueId().equals("st-1")).findFirst().orElseThrow();
        assertThat(cust.application()).isEqualTo("Dial");
        assertThat(cust.bridgeId()).isNotEmpty();
        assertThat(pbx.channelStatus("no-such-call").get(15, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void an_answering_machine_answers_like_a_person() throws Exception {
        startBoth();
        OriginateResult r = pbx.originate(new OriginateRequest("am-1", MACHINE, null, "2000", Duration.ofSeconds(5),
                Map.of())).get(15, TimeUnit.SECONDS);
        assertThat(r.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(r.reason()).isEqualTo(4);
        await().atMost(WAIT).until(() -> events.summary("am-1").contains("HUNG_UP/CUSTOMER"));
        assertThat(events.summary("am-1")).containsExactly("CREATED/CUSTOMER", "RINGING/CUSTOMER",
                "ANSWERED/CUSTOMER", "ANSWERED/AGENT", "BRIDGED/CUSTOMER", "HUNG_UP/AGENT", "HUNG_UP/CUSTOMER");
        assertThat(last("am-1", Type.HUNG_UP).cause()).isEqualTo(16);
    }

    @Test
    void refused_actions_fail_with_the_message_of_the_pbx() throws Exception {
        startBoth();
        assertThatThrownBy(() -> pbx.bridge("Local/nope@x-00000001;1", "Local/nope@x-00000002;1")
                .get(15, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(PbxActionException.class)
                .hasMessage("Channel1 does not exist: Local/nope@x-00000001;1");
        assertThatThrownBy(() -> pbx.blindTransfer("no-such-call", Leg.CUSTOMER, "2001", null)
                .get(15, TimeUnit.SECONDS))
                .cause().isInstanceOf(PbxActionException.class).hasMessageContaining("No live CUSTOMER channel");
        assertThatThrownBy(() -> pbx.spy("3001", "no-such-call", SpyMode.LISTEN).get(15, TimeUnit.SECONDS))
                .cause().isInstanceOf(PbxActionException.class).hasMessageContaining("No live agent channel");
        assertThatThrownBy(() -> pbx.park("no-such-call", Leg.CUSTOMER).get(15, TimeUnit.SECONDS))
                .cause().isInstanceOf(PbxActionException.class);
        // a leg that vanished between our lookup and the PBX: the PBX's own message comes through
        String customer = bridgedCall("gone-1", STAYS);
        wire.sendAction("Action", "Hangup", "ActionID", "h", "Channel", customer);
        assertThat(wire.await(f -> "Hangup".equals(f.event()) && customer.equals(f.get("Channel")), WAIT)).isNotNull();
        assertThatThrownBy(() -> pbx.bridge(customer, customer).get(15, TimeUnit.SECONDS))
                .cause().isInstanceOf(PbxActionException.class)
                .hasMessage("Channel1 does not exist: " + customer);
    }

    @Test
    void an_adapter_without_call_control_says_so() {
        PbxPort minimal = new PbxPort() {
            @Override
            public CompletableFuture<OriginateResult> originate(OriginateRequest request) {
                return CompletableFuture.failedFuture(new UnsupportedOperationException());
            }

            @Override
            public CompletableFuture<Void> hangup(String callId, int q850Cause) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void addListener(CallEventListener listener) {
            }

            @Override
            public void removeListener(CallEventListener listener) {
            }

            @Override
            public boolean isConnected() {
                return true;
            }
        };
        for (CompletableFuture<?> f : List.of(minimal.blindTransfer("c", Leg.CUSTOMER, "1", null),
                minimal.attendedTransfer("c", Leg.AGENT, "1"), minimal.bridge("a", "b"),
                minimal.park("c", Leg.CUSTOMER), minimal.playMessage("c", Leg.CUSTOMER, "beep"),
                minimal.spy("3001", "c", SpyMode.LISTEN), minimal.channelStatus("c"))) {
            assertThatThrownBy(f::join).cause().isInstanceOf(PbxActionException.class)
                    .hasMessage("not supported by this PBX adapter");
        }
    }
}
