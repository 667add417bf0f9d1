package com.evscallpro.telephony.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.evscallpro.telephony.CallEvent;
import com.evscallpro.telephony.OriginateRequest;
import com.evscallpro.telephony.testing.RecordingListener;
import com.evscallpro.telephony.testing.Transcripts;

/**
 * Several servers behind one port, one of them killed in the middle of a bridged call (capture 13b replayed): the
 * outage end reaches the listeners as the server reported it (no cause, {@code ENDED_DURING_OUTAGE}, the last time
 * the call was known alive), and the call's route is forgotten once both legs are over.
 */
class MultiAsteriskPbxOutageReplayTest {

    @Test
    void a_call_on_a_crashed_server_ends_during_the_outage_and_its_route_is_forgotten() throws Exception {
        String scenario = "13b-asterisk-killed-during-bridged-call";
        String callId = Transcripts.receivedFrames(scenario, 1).stream().filter(f -> "Newchannel".equals(f.event()))
                .findFirst().orElseThrow().get("Uniqueid");
        RecordingListener events = new RecordingListener();
        try (ReplayAmiServer server = new ReplayAmiServer(Transcripts.bytes(scenario, 1, "recv.raw")).applyingFilters()
                .endingWithThePbxGone(Duration.ofMillis(300));
             MultiAsteriskPbx pbx = MultiAsteriskPbx.of(Map.of("ast-1", AmiSettings.of("127.0.0.1", server.port(),
                     "evscallpro", "evs-secret").withDialing("Local/{number}@fx2-answer", "fx2-to-agent")
                     .withReconnect(Duration.ofMillis(50), Duration.ofMillis(200))))) {
            pbx.addListener(events);
            pbx.start();
            AsteriskAmiPbx ami = (AsteriskAmiPbx) pbx.server("ast-1");
            assertThat(ami.awaitConnected(Duration.ofSeconds(10))).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> ami.eventFilterInstalls() == 1);
            pbx.originate(new OriginateRequest(callId, "+33612340001", null, "2001", Duration.ofSeconds(15), Map.of()))
                    .get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(15)).until(() -> events.summary(callId)
                    .containsAll(List.of("HUNG_UP/CUSTOMER", "HUNG_UP/AGENT")));

            List<CallEvent> ends = events.of(callId).stream().filter(e -> e.type() == CallEvent.Type.HUNG_UP).toList();
            assertThat(ends).hasSize(2).allMatch(CallEvent::endedDuringOutage).allMatch(e -> e.cause() == 0)
                    .allMatch(e -> e.at().isBefore(server.logins().get(1)));
            assertThat(pbx.liveCalls()).isZero();
            assertThat(pbx.serverOf(callId)).contains("ast-1");
        }
    }
}
