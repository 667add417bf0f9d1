package com.evscallpro.core.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.evscallpro.core.agent.AgentCallRouting;
import com.evscallpro.core.event.EventBus;
import com.evscallpro.core.testsupport.RecordingProcessGateway;
import com.evscallpro.core.testsupport.ScriptedPbx;
import com.evscallpro.core.process.AttemptOutcome;
import com.evscallpro.telephony.CallEvent;
import com.evscallpro.telephony.CallEventListener;
import com.evscallpro.telephony.CallOutcome;
import com.evscallpro.telephony.ChannelStatus;
import com.evscallpro.telephony.OriginateRequest;
import com.evscallpro.telephony.OriginateResult;
import com.evscallpro.telephony.PbxActionException;
import com.evscallpro.telephony.PbxPort;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbound call tracker with a scripted PBX: what the process is told and how the agent moves. */
class OutboundCallTrackerTest {

    private final ScriptedPbx pbx = new ScriptedPbx();
    private final RecordingProcessGateway processes = new RecordingProcessGateway();
    private final AgentCallRouting agents = mock(AgentCallRouting.class);
    private final EventBus events = mock(EventBus.class);
    private final OutboundCallTracker tracker = new OutboundCallTracker(pbx, processes, agents, events);

    @BeforeEach
    void register() {
        tracker.listen();
        tracker.register(new NewOutboundCall("call-1", 10, "Fibre", 100, "Ana Durand", "+33612345678", 7, "Alice",
                "2001", 1, "+33170000000", Duration.ofSeconds(20)));
    }

    @Test
    void originate_asks_the_pbx_to_connect_the_answered_customer_to_the_reserved_agent() {
        tracker.dial("call-1", "+33612345678", "+33170000000", "2001", Duration.ofSeconds(20));
        assertThat(pbx.requests).singleElement().satisfies(r -> {
            assertThat(r.callId()).isEqualTo("call-1");
            assertThat(r.connectTo()).isEqualTo("2001");
            assertThat(r.ringTimeout()).isEqualTo(Duration.ofSeconds(20));
        });
    }

    @Test
    void an_answered_call_is_announced_then_connected_to_the_agent_then_wrapped_up_at_hangup() {
        CompletableFuture<Void> accepted = tracker.dial("call-1", "+33612345678", null, "2001",
                Duration.ofSeconds(20));
        pbx.emit(CallEvent.Type.CREATED, CallEvent.Leg.CUSTOMER, "1700.1", 0, null, null);
        assertThat(accepted).as("the PBX took the originate").isCompleted();
        pbx.emit(CallEvent.Type.CREATED, CallEvent.Leg.AGENT, "1700.3", 0, null, null);
        pbx.emit(CallEvent.Type.ANSWERED, CallEvent.Leg.CUSTOMER, "1700.1", 0, null, null);
        pbx.result.complete(new OriginateResult("call-1", CallOutcome.ANSWERED, 4, 0, "call-1", "Local/x;1"));
        assertThat(tracker.liveCalls()).singleElement()
                .satisfies(c -> assertThat(c.state()).isEqualTo(LiveCall.LiveCallState.CONNECTED));

        pbx.emit(CallEvent.Type.BRIDGED, CallEvent.Leg.CUSTOMER, "1700.1", 0, null, null);
        pbx.emit(CallEvent.Type.BRIDGED, CallEvent.Leg.CUSTOMER, "1700.1", 0, null, null);
        verify(agents, times(1)).connect(7, "call-1");

        pbx.emit(CallEvent.Type.HUNG_UP, CallEvent.Leg.CUSTOMER, "1700.1", 16, "Normal Clearing", null);
        verify(agents).wrapUp(7, "call-1");
        assertThat(processes.told).containsExactly("answered call-1", "agent-connected call-1");
        assertThat(tracker.liveCalls()).isEmpty();
        CallSnapshot snapshot = tracker.snapshot("call-1").orElseThrow();
        assertThat(snapshot.hangupCause()).isEqualTo(16);
        assertThat(snapshot.hangupCauseText()).isEqualTo("Normal Clearing");
        assertThat(snapshot.customerUniqueId()).isEqualTo("1700.1");
        assertThat(snapshot.agentUniqueId()).isEqualTo("1700.3");
        assertThat(snapshot.linkedId()).isEqualTo("call-1");
        assertThat(snapshot.answeredAt()).isAfterOrEqualTo(snapshot.startedAt());
        assertThat(snapshot.endedAt()).isAfterOrEqualTo(snapshot.answeredAt());
    }

    @Test
    void a_busy_customer_gives_the_agent_back_and_tells_the_process_with_the_cause() {
        tracker.dial("call-1", "+33612345678", null, "2001", Duration.ofSeconds(20));
        pbx.result.complete(new OriginateResult("call-1", CallOutcome.BUSY, 5, 17, null, "Local/x"));
        verify(agents, times(1)).release(7, "call-1");
        assertThat(processes.told).containsExactly("failed call-1 BUSY 17");
        verify(agents, never()).wrapUp(any(Long.class), anyString());
        assertThat(tracker.isLive("call-1")).isFalse();
    }

    @Test
    void a_failed_call_without_a_cause_from_the_pbx_has_none() {
        tracker.dial("call-1", "+33612345678", null, "2001", Duration.ofSeconds(20));
        pbx.result.complete(new OriginateResult("call-1", CallOutcome.FAILED, 0, 0, null, null));
        assertThat(processes.told).containsExactly("failed call-1 FAILED null");
        assertThat(tracker.snapshot("call-1").orElseThrow().hangupCause()).isNull();
    }

    @Test
    void an_originate_the_pbx_refuses_is_a_technical_failure_for_the_job_not_a_failed_call() {
        CompletableFuture<Void> accepted = tracker.dial("call-1", "+33612345678", null, "2001",
                Duration.ofSeconds(20));
        pbx.result.completeExceptionally(new PbxActionException("Originate refused by the PBX: Permission denied"));

        assertThat(accepted).isCompletedExceptionally();
        assertThat(processes.told).as("no business outcome is invented").isEmpty();
        verify(agents, never()).release(anyLongValue(), anyString());
        assertThat(tracker.isLive("call-1")).as("still DIALING: the job's retry dials it again").isTrue();
    }

    @Test
    void dialling_while_the_pbx_is_down_is_a_technical_failure_for_the_job_to_retry() {
        pbx.connected = false;
        assertThat(tracker.dial("call-1", "+33612345678", null, "2001", Duration.ofSeconds(20)))
                .failsWithin(Duration.ofSeconds(1))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withMessageContaining("not connected");
    }

    @Test
    void the_agent_phone_not_answering_abandons_the_call_and_pauses_the_agent_without_a_wrap_up() {
        tracker.dial("call-1", "+33612345678", null, "2001", Duration.ofSeconds(20));
        pbx.result.complete(new OriginateResult("call-1", CallOutcome.ANSWERED, 4, 0, "call-1", "Local/x;1"));
        pbx.emit(CallEvent.Type.FAILED, CallEvent.Leg.AGENT, "1700.3", 0, null, "NOANSWER");
        pbx.emit(CallEvent.Type.HUNG_UP, CallEvent.Leg.CUSTOMER, "1700.1", 16, "Normal Clearing", null);

        verify(agents).finishAndPause(7, "call-1", OutboundCallTracker.PHONE_NOT_ANSWERED);
        verify(agents, never()).connect(anyLongValue(), anyString());
        verify(agents, never()).wrapUp(anyLongValue(), anyString());
        assertThat(processes.told).containsExactly("answered call-1", "abandoned call-1 null");
    }

    @Test
    void a_customer_hanging_up_after_the_answer_but_before_the_agent_is_an_abandoned_call() {
        tracker.dial("call-1", "+33612345678", null, "2001", Duration.ofSeconds(20));
        pbx.result.complete(new OriginateResult("call-1", CallOutcome.ANSWERED, 4, 0, "call-1", "Local/x;1"));
        pbx.emit(CallEvent.Type.HUNG_UP, CallEvent.Leg.CUSTOMER, "1700.1", 16, "Normal Clearing", null);

        verify(agents).release(7, "call-1");
        verify(agents, never()).wrapUp(anyLongValue(), anyString());
        assertThat(processes.told).containsExactly("answered call-1", "abandoned call-1 16");
    }

    @Test
    void a_call_found_gone_after_a_pbx_crash_has_no_cause_and_ends_when_last_known_alive() {
        tracker.dial("call-1", "+33612345678", null, "2001", Duration.ofSeconds(20));
        pbx.result.complete(new OriginateResult("call-1", CallOutcome.ANSWERED, 4, 0, "call-1", "Local/x;1"));
        pbx.emit(CallEvent.Type.BRIDGED, CallEvent.Leg.CUSTOMER, "1700.1", 0, null, null);
        Instant lastAlive = Instant.now().minusSeconds(30);
        pbx.emit(new CallEvent(CallEvent.Type.HUNG_UP, "call-1", CallEvent.Leg.CUSTOMER, "Local/x;1", "1700.1",
                "call-1", lastAlive, 0, null, CallEvent.ENDED_DURING_OUTAGE));

        CallSnapshot snapshot = tracker.snapshot("call-1").orElseThrow();
        assertThat(snapshot.hangupCause()).isNull();
        assertThat(snapshot.hangupCauseText()).isNull();
        assertThat(snapshot.endedDuringOutage()).isTrue();
        assertThat(snapshot.endedAt()).isEqualTo(lastAlive);
        verify(agents).wrapUp(7, "call-1");
    }

    @Test
    void after_the_ring_timeout_a_call_up_and_bridged_on_the_pbx_is_kept_and_answered() {
        tracker.dial("call-1", "+33612345678", null, "2001", Duration.ofSeconds(20));
        // every message was lost: the tracker heard nothing, the PBX knows better
        pbx.status = List.of(status(CallEvent.Leg.CUSTOMER, 6, "bridge-1"), status(CallEvent.Leg.AGENT, 6, "bridge-1"));

        assertThat(tracker.afterRingTimeout("call-1").join()).isEqualTo(AttemptOutcome.ANSWERED);
        assertThat(pbx.hangups).isEmpty();
        verify(agents, never()).release(anyLongValue(), anyString());
    }

    @Test
    void after_the_ring_timeout_a_call_still_ringing_is_hung_up_and_the_agent_given_back() {
        tracker.dial("call-1", "+33612345678", null, "2001", Duration.ofSeconds(20));
        pbx.status = List.of(status(CallEvent.Leg.CUSTOMER, 5, ""));

        assertThat(tracker.afterRingTimeout("call-1").join()).isEqualTo(AttemptOutcome.NO_ANSWER);
        assertThat(pbx.hangups).containsExactly("call-1/19");
        verify(agents).release(7, "call-1");
    }

    @Test
    void after_the_ring_timeout_a_customer_up_without_the_agent_is_hung_up_as_abandoned() {
        tracker.dial("call-1", "+33612345678", null, "2001", Duration.ofSeconds(20));
        pbx.status = List.of(status(CallEvent.Leg.CUSTOMER, 6, ""));

        assertThat(tracker.afterRingTimeout("call-1").join()).isEqualTo(AttemptOutcome.ABANDONED);
        assertThat(pbx.hangups).containsExactly("call-1/16");
    }

    @Test
    void events_of_unknown_calls_are_ignored() {
        pbx.emit(new CallEvent(CallEvent.Type.HUNG_UP, "other", CallEvent.Leg.CUSTOMER, "Local/y;1", "other", "other",
                Instant.now(), 16, "Normal Clearing", null));
        assertThat(tracker.liveCalls()).hasSize(1);
    }

    private static long anyLongValue() {
        return org.mockito.ArgumentMatchers.anyLong();
    }

    private static ChannelStatus status(CallEvent.Leg leg, int state, String bridgeId) {
        return new ChannelStatus("Local/x;1", "1700.1", "call-1", leg, state, state == 6 ? "Up" : "Ringing",
                "evs-agents", "2001", 1, "Dial", "", bridgeId, 12);
    }

    /** A call the agent places: its phone rung first (call-2, agent 7 on the session's phone 2189). */
    private void registerAgentFirst() {
        tracker.registerAgentFirst(new NewOutboundCall("call-2", 10, "Fibre", 100, "Ana Durand", "+33612345678", 7,
                "Alice", "2189", 2, "+33170000000", Duration.ofSeconds(55)));
        tracker.dial("call-2", "+33612345678", "+33170000000", "2189", Duration.ofSeconds(55));
    }

    @Test
    void a_manual_call_rings_the_agents_phone_first_and_the_phone_answering_is_not_the_customer_answering() {
        registerAgentFirst();
        assertThat(pbx.requests).isEmpty();
        assertThat(pbx.agentFirst).singleElement().satisfies(r -> {
            assertThat(r.connectTo()).isEqualTo("2189");
            assertThat(r.number()).isEqualTo("+33612345678");
        });
        pbx.emit("call-2", CallEvent.Type.RINGING, CallEvent.Leg.AGENT, "1800.1", 0, null, null);
        pbx.emit("call-2", CallEvent.Type.ANSWERED, CallEvent.Leg.AGENT, "1800.1", 0, null, null);
        pbx.result.complete(new OriginateResult("call-2", CallOutcome.ANSWERED, 4, 0, "1800.1", "Local/2189@a;1"));
        assertThat(processes.told).isEmpty();
        assertThat(tracker.liveCalls()).filteredOn(c -> c.callId().equals("call-2")).singleElement()
                .satisfies(c -> assertThat(c.state()).isNotEqualTo(LiveCall.LiveCallState.CONNECTED));

        pbx.emit("call-2", CallEvent.Type.ANSWERED, CallEvent.Leg.CUSTOMER, "1800.3", 0, null, null);
        pbx.emit("call-2", CallEvent.Type.BRIDGED, CallEvent.Leg.CUSTOMER, "1800.3", 0, null, null);
        verify(agents).connect(7, "call-2");
        pbx.emit("call-2", CallEvent.Type.HUNG_UP, CallEvent.Leg.CUSTOMER, "1800.3", 16, "Normal Clearing", null);
        verify(agents).wrapUp(7, "call-2");
        assertThat(processes.told).containsExactly("answered call-2", "agent-connected call-2");
    }

    @Test
    void a_manual_call_whose_number_is_busy_gives_the_agent_back_and_tells_the_process_busy() {
        registerAgentFirst();
        pbx.result.complete(new OriginateResult("call-2", CallOutcome.ANSWERED, 4, 0, "1800.1", "Local/2189@a;1"));
        pbx.emit("call-2", CallEvent.Type.HUNG_UP, CallEvent.Leg.CUSTOMER, "1800.3", 17, "User busy", null);
        pbx.emit("call-2", CallEvent.Type.HUNG_UP, CallEvent.Leg.AGENT, "1800.1", 16, "Normal Clearing", null);
        verify(agents).release(7, "call-2");
        verify(agents, never()).finishAndPause(anyLong(), anyString(), anyString());
        assertThat(processes.told).containsExactly("failed call-2 BUSY 17");
    }

    @Test
    void a_manual_call_whose_phone_does_not_answer_releases_the_agent_without_pausing_them() {
        registerAgentFirst();
        pbx.emit("call-2", CallEvent.Type.FAILED, CallEvent.Leg.AGENT, "1800.1", 19, "No answer", "NO_ANSWER");
        pbx.result.complete(new OriginateResult("call-2", CallOutcome.NO_ANSWER, 3, 19, "1800.1", "Local/2189@a;1"));
        verify(agents).release(7, "call-2");
        verify(agents, never()).finishAndPause(anyLong(), anyString(), anyString());
        assertThat(processes.told).singleElement().asString().startsWith("failed call-2 NO_ANSWER");
    }

    @Test
    void what_a_number_not_reached_says_by_its_cause() {
        assertThat(OutboundCallTracker.notReached(17)).isEqualTo(AttemptOutcome.BUSY);
        assertThat(OutboundCallTracker.notReached(19)).isEqualTo(AttemptOutcome.NO_ANSWER);
        assertThat(OutboundCallTracker.notReached(null)).isEqualTo(AttemptOutcome.NO_ANSWER);
        assertThat(OutboundCallTracker.notReached(34)).isEqualTo(AttemptOutcome.CONGESTION);
        assertThat(OutboundCallTracker.notReached(1)).isEqualTo(AttemptOutcome.FAILED);
    }
}
