package com.evscallpro.workers.pbx;

import static com.evscallpro.processes.OutboundCallProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import com.evscallpro.core.agent.AgentCallRouting;
import com.evscallpro.core.call.NewOutboundCall;
import com.evscallpro.core.call.OutboundCallTracker;
import com.evscallpro.core.dialer.DialerSettings;
import com.evscallpro.core.event.EventBus;
import com.evscallpro.core.process.AttemptOutcome;
import com.evscallpro.core.process.OutboundAttempt;
import com.evscallpro.core.process.ProcessGateway;
import com.evscallpro.core.process.WrapUpResult;
import com.evscallpro.telephony.CallEventListener;
import com.evscallpro.telephony.ChannelStatus;
import com.evscallpro.telephony.OriginateRequest;
import com.evscallpro.telephony.OriginateResult;
import com.evscallpro.telephony.PbxActionException;
import com.evscallpro.telephony.PbxPort;
import com.evscallpro.workers.FakeJob;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.JobError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pbx.* workers without an engine: a fake job in, what they complete with, fail with or throw out (as
 * camunda-8-examples' WorkerTest). The tracker is the real one, on a scripted PBX.
 */
class PbxWorkersTest {

    private final ScriptedPbx pbx = new ScriptedPbx();
    private final OutboundCallTracker tracker = new OutboundCallTracker(pbx, new NoEngine(),
            mock(AgentCallRouting.class), mock(EventBus.class));
    private final PbxWorkers workers = new PbxWorkers(tracker,
            new DialerSettings(true, null, null, Duration.ofSeconds(2), null, null));

    @BeforeEach
    void register() {
        tracker.register(new NewOutboundCall("call-1", 10, "Fibre", 100, "Ana", "+33612345678", 7, "Alice", "2001",
                1, null, Duration.ofSeconds(20)));
    }

    private static FakeJob originateJob(int retries) {
        return new FakeJob(JOB_PBX_ORIGINATE, retries, Map.of(CALL_ID, "call-1"));
    }

    @Test
    void an_originate_the_pbx_took_completes_the_job() {
        pbx.result.complete(new OriginateResult("call-1", com.evscallpro.telephony.CallOutcome.BUSY, 5, 17, null,
                null));
        workers.originate(originateJob(3), "call-1", "+33612345678", null, "2001", 20);
        assertThat(pbx.requests).singleElement().satisfies(r -> assertThat(r.ringTimeout())
                .isEqualTo(Duration.ofSeconds(20)));
    }

    @Test
    void a_refused_originate_fails_the_job_with_one_retry_less_and_a_growing_back_off() {
        pbx.result.completeExceptionally(new PbxActionException("Originate refused by the PBX: Permission denied"));

        assertThatThrownBy(() -> workers.originate(originateJob(3), "call-1", "+33612345678", null, "2001", 20))
                .isInstanceOfSatisfying(JobError.class, e -> {
                    assertThat(e.getRetries()).isEqualTo(2);
                    assertThat(e.getRetryBackoff()).isEqualTo(Duration.ofSeconds(2));
                });
        assertThatThrownBy(() -> workers.originate(originateJob(2), "call-1", "+33612345678", null, "2001", 20))
                .isInstanceOfSatisfying(JobError.class, e -> {
                    assertThat(e.getRetries()).isEqualTo(1);
                    assertThat(e.getRetryBackoff()).isEqualTo(Duration.ofSeconds(4));
                });
    }

    @Test
    void on_the_last_retry_a_technical_failure_is_the_bpmn_error_not_an_incident() {
        pbx.connected = false;
        assertThatThrownBy(() -> workers.originate(originateJob(1), "call-1", "+33612345678", null, "2001", 20))
                .isInstanceOfSatisfying(BpmnError.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(ERROR_TECHNICAL_FAILURE);
                    assertThat(e.getErrorMessage()).contains("not connected");
                    assertThat(e.getVariables()).asString().contains(TECHNICAL_FAILURE_REASON);
                    assertThat(e.getVariables()).asString().contains(TECHNICAL_FAILURE_CODE + "=pbx-not-connected");
                });
        assertThat(pbx.requests).isEmpty();
    }

    @Test
    void after_the_ring_timeout_a_bridged_call_completes_answered_and_is_not_hung_up() {
        pbx.status = List.of(new ChannelStatus("Local/x;1", "1.1", "call-1",
                com.evscallpro.telephony.CallEvent.Leg.CUSTOMER, 6, "Up", "evs-agents", "2001", 1, "Dial", "",
                "bridge-1", 30));
        assertThat(workers.hangup("call-1")).containsExactly(Map.entry(OUTCOME, OUTCOME_ANSWERED));
        assertThat(pbx.hangups).isEmpty();
    }

    @Test
    void after_the_ring_timeout_a_call_the_pbx_no_longer_has_completes_no_answer_after_a_hangup() {
        pbx.status = List.of();
        assertThat(workers.hangup("call-1")).containsExactly(Map.entry(OUTCOME, AttemptOutcome.NO_ANSWER.name()));
        assertThat(pbx.hangups).containsExactly("call-1");
    }

    private static final class ScriptedPbx implements PbxPort {
        final List<OriginateRequest> requests = new ArrayList<>();
        final List<String> hangups = new ArrayList<>();
        final CompletableFuture<OriginateResult> result = new CompletableFuture<>();
        List<ChannelStatus> status = List.of();
        boolean connected = true;

        @Override
        public CompletableFuture<OriginateResult> originate(OriginateRequest request) {
            requests.add(request);
            return result;
        }

        @Override
        public CompletableFuture<Void> hangup(String callId, int q850Cause) {
            hangups.add(callId);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<List<ChannelStatus>> channelStatus(String callId) {
            return CompletableFuture.completedFuture(status);
        }

        @Override
        public void addListener(CallEventListener listener) {
        }

        @Override
        public void removeListener(CallEventListener listener) {
        }

        @Override
        public boolean isConnected() {
            return connected;
        }
    }

    /** The workers under test never reach the engine through the gateway. */
    private static final class NoEngine implements ProcessGateway {
        @Override public long startAttempt(OutboundAttempt attempt) { return 0; }
        @Override public void callAnswered(String callId) { }
        @Override public void callFailed(String callId, AttemptOutcome outcome, Integer hangupCause) { }
        @Override public void agentConnected(String callId) { }
        @Override public void callAbandoned(String callId, Integer hangupCause) { }
        @Override public void completeWrapUp(long jobKey, WrapUpResult result) { }
    }
}
