package com.evscallpro.core.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.evscallpro.core.agent.AgentCallRouting;
import com.evscallpro.core.event.EventBus;
import com.evscallpro.core.process.ProcessGateway;
import com.evscallpro.telephony.CallEvent;
import com.evscallpro.telephony.CallEventListener;
import com.evscallpro.telephony.CallOutcome;
import com.evscallpro.telephony.OriginateRequest;
import com.evscallpro.telephony.OriginateResult;
import com.evscallpro.telephony.PbxPort;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The call tracker with a scripted PBX: which messages reach the process and how the agent moves. */
class CallTrackerTest {

    private final FakePbx pbx = new FakePbx();
    private final ProcessGateway processes = mock(ProcessGateway.class);
    private final AgentCallRouting agents = mock(AgentCallRouting.class);
    private final EventBus events = mock(EventBus.class);
    private final CallTracker tracker = new CallTracker(pbx, processes, agents, events);

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
    void an_answered_call_is_announced_to_the_process_then_bridged_then_wrapped_up_at_hangup() {
        tracker.dial("call-1", "+33612345678", null, "2001", Duration.ofSeconds(20));
        pbx.result.complete(new OriginateResult("call-1", CallOutcome.ANSWERED, 4, 0, "call-1", "Local/x;1"));
        verify(processes).publishMessage(eq("call-answered"), eq("call-1"), eq(Map.of("outcome", "ANSWERED")),
                any());
        assertThat(tracker.liveCalls()).singleElement()
                .satisfies(c -> assertThat(c.state()).isEqualTo(LiveCall.LiveCallState.CONNECTED));

        pbx.emit(CallEvent.Type.BRIDGED, CallEvent.Leg.CUSTOMER, 0, null);
        pbx.emit(CallEvent.Type.BRIDGED, CallEvent.Leg.CUSTOMER, 0, null);
        verify(agents, times(1)).connect(7, "call-1");

        pbx.emit(CallEvent.Type.HUNG_UP, CallEvent.Leg.CUSTOMER, 16, "Normal Clearing");
        verify(agents).wrapUp(7, "call-1");
        assertThat(tracker.liveCalls()).isEmpty();
        CallSnapshot snapshot = tracker.snapshot("call-1").orElseThrow();
        assertThat(snapshot.hangupCause()).isEqualTo(16);
        assertThat(snapshot.hangupCauseText()).isEqualTo("Normal Clearing");
        assertThat(snapshot.answeredAt()).isNotNull();
        assertThat(snapshot.endedAt()).isAfterOrEqualTo(snapshot.answeredAt());
    }

    @Test
    void a_busy_customer_gives_the_agent_back_and_tells_the_process_with_the_cause() {
        tracker.dial("call-1", "+33612345678", null, "2001", Duration.ofSeconds(20));
        pbx.result.complete(new OriginateResult("call-1", CallOutcome.BUSY, 5, 17, null, "Local/x"));
        pbx.result.complete(new OriginateResult("call-1", CallOutcome.BUSY, 5, 17, null, "Local/x"));
        verify(agents, times(1)).release(7, "call-1");
        verify(processes, times(1)).publishMessage(eq("call-failed"), eq("call-1"),
                eq(Map.of("outcome", "BUSY", "hangupCause", 17)), any());
        verify(agents, never()).wrapUp(any(Long.class), anyString());
        assertThat(tracker.isLive("call-1")).isFalse();
    }

    @Test
    void a_pbx_that_refuses_the_originate_ends_in_a_failed_attempt_not_a_stuck_agent() {
        tracker.dial("call-1", "+33612345678", null, "2001", Duration.ofSeconds(20));
        pbx.result.completeExceptionally(new IllegalStateException("Originate failed"));
        verify(agents).release(7, "call-1");
        verify(processes).publishMessage(eq("call-failed"), eq("call-1"),
                eq(Map.of("outcome", "FAILED", "hangupCause", 0)), any());
    }

    @Test
    void dialling_while_the_pbx_is_down_is_a_technical_failure_for_the_job_to_retry() {
        pbx.connected = false;
        assertThatThrownBy(() -> tracker.dial("call-1", "+33612345678", null, "2001", Duration.ofSeconds(20)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not connected");
    }

    @Test
    void events_of_unknown_calls_are_ignored() {
        pbx.listeners.forEach(l -> l.onCallEvent(new CallEvent(CallEvent.Type.HUNG_UP, "other", CallEvent.Leg.CUSTOMER,
                "Local/y;1", "other", "other", Instant.now(), 16, "Normal Clearing", null)));
        assertThat(tracker.liveCalls()).hasSize(1);
    }

    private static final class FakePbx implements PbxPort {
        final List<OriginateRequest> requests = new ArrayList<>();
        final List<CallEventListener> listeners = new ArrayList<>();
        final CompletableFuture<OriginateResult> result = new CompletableFuture<>();
        boolean connected = true;

        @Override
        public CompletableFuture<OriginateResult> originate(OriginateRequest request) {
            requests.add(request);
            return result;
        }

        @Override
        public CompletableFuture<Void> hangup(String callId, int q850Cause) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void addListener(CallEventListener listener) {
            listeners.add(listener);
        }

        @Override
        public void removeListener(CallEventListener listener) {
            listeners.remove(listener);
        }

        @Override
        public boolean isConnected() {
            return connected;
        }

        void emit(CallEvent.Type type, CallEvent.Leg leg, int cause, String causeText) {
            CallEvent event = new CallEvent(type, "call-1", leg, "Local/x;1", "call-1", "call-1", Instant.now(),
                    cause, causeText, null);
            listeners.forEach(l -> l.onCallEvent(event));
        }
    }
}
