package com.evscallpro.simulator;

import static com.evscallpro.simulator.SimulatorInboundCallsTest.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.event.AgiExecEndEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.MusicOnHoldStartEvent;
import org.asteriskjava.manager.event.MusicOnHoldStopEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.junit.jupiter.api.Test;

/**
 * The inbound call's events decoded by asterisk-java's {@code ManagerConnection} (what the telephony adapter reads):
 * the typed events with the fields the IVR runtime needs (the call id variable on both legs, the agent leg's dial and
 * bridge, music on hold, hangups with causes).
 */
class SimulatorInboundSeenByAsteriskJavaTest {

    @Test
    void asterisk_java_decodes_the_inbound_call_and_its_agent_leg() throws Exception {
        List<ManagerEvent> events = new CopyOnWriteArrayList<>();
        try (PbxSimulator sim = new PbxSimulator(SimulatorSettings.defaults()
                .withAgentAnswerDelay(Duration.ofMillis(50))).start();
             ScriptedAgiServer agi = new ScriptedAgiServer(conn -> {
                 for (String cmd : List.of("ANSWER", "SET VARIABLE __EVS_CALL_ID call-7", "SET MUSIC ON default",
                         "SET MUSIC OFF", "EXEC Dial PJSIP/1001,20", "HANGUP")) {
                     conn.send(cmd);
                 }
             })) {
            ManagerConnection ami = new ManagerConnectionFactory("127.0.0.1", sim.port(), "evs", "evs-secret")
                    .createManagerConnection();
            ami.addEventListener(events::add);
            ami.login();
            try {
                PlacedInboundCall call = sim.placeInbound(SimAgiCall.toDid("0140000000")
                        .dialOutcome("ANSWER", Duration.ofMillis(200)), "127.0.0.1", agi.port());
                call.await(WAIT);
                await().atMost(WAIT).until(() -> events.stream().filter(HangupEvent.class::isInstance).count() == 2);
                String phone = events.stream().filter(DialBeginEvent.class::isInstance).map(DialBeginEvent.class::cast)
                        .findFirst().orElseThrow().getDestChannel();
                assertThat(phone).startsWith("PJSIP/1001-");
                assertThat(events).filteredOn(NewChannelEvent.class::isInstance).map(e -> ((NewChannelEvent) e)
                        .getChannel()).containsExactly(call.channel(), phone);
                assertThat(events).filteredOn(VarSetEvent.class::isInstance).map(VarSetEvent.class::cast)
                        .filteredOn(v -> "__EVS_CALL_ID".equals(v.getVariable()))
                        .extracting(VarSetEvent::getChannel, VarSetEvent::getValue)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(call.channel(), "call-7"),
                                org.assertj.core.groups.Tuple.tuple(phone, "call-7"));
                assertThat(events).filteredOn(DialEndEvent.class::isInstance).map(e -> ((DialEndEvent) e)
                        .getDialStatus()).containsExactly("ANSWER");
                assertThat(events).filteredOn(BridgeEnterEvent.class::isInstance).map(e -> ((BridgeEnterEvent) e)
                        .getChannel()).containsExactly(phone, call.channel());
                assertThat(events).anyMatch(MusicOnHoldStartEvent.class::isInstance)
                        .anyMatch(MusicOnHoldStopEvent.class::isInstance);
                assertThat(events).filteredOn(AgiExecEndEvent.class::isInstance).hasSize(6);
                assertThat(events).filteredOn(HangupEvent.class::isInstance).map(HangupEvent.class::cast)
                        .extracting(HangupEvent::getChannel, HangupEvent::getCause)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(phone, 16),
                                org.assertj.core.groups.Tuple.tuple(call.channel(), 0));
            } finally {
                ami.logoff();
            }
        }
    }
}
