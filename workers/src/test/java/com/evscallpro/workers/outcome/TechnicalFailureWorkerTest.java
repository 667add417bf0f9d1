package com.evscallpro.workers.outcome;

import static com.evscallpro.processes.OutboundCallProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.call.TechnicalFailure;
import com.evscallpro.core.call.TechnicalFailureKind;
import com.evscallpro.core.call.TechnicalFailureService;
import com.evscallpro.workers.FakeJob;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code call.record-technical-failure} without an engine: what it records and counts for a job's variables. */
class TechnicalFailureWorkerTest {

    private final List<String> recorded = new ArrayList<>();
    private final TechnicalFailureService failures = new TechnicalFailureService() {
        @Override
        public boolean record(String callId, long campaignId, long contactId, Long agentId, int attempt,
                              TechnicalFailureKind kind, String reason) {
            boolean first = recorded.stream().noneMatch(r -> r.startsWith(callId + " "));
            recorded.add(callId + " " + campaignId + " " + contactId + " " + agentId + " " + attempt + " " + kind
                    + " " + reason);
            return first;
        }

        @Override
        public List<TechnicalFailure> latest(int offset, int limit) {
            return List.of();
        }
    };
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final TechnicalFailureWorker worker = new TechnicalFailureWorker(failures, meters);

    @Test
    void records_the_failure_with_its_reason_and_counts_it_once_per_call() {
        Map<String, Object> v = new HashMap<>();
        v.put(CALL_ID, "call-9");
        v.put(CAMPAIGN_ID, 7);
        v.put(CONTACT_ID, 1001L);
        v.put(AGENT_ID, 42);
        v.put(ATTEMPT, 2);
        v.put(TECHNICAL_FAILURE_REASON, "AMI not connected");
        v.put(TECHNICAL_FAILURE_CODE, "pbx-not-connected");
        FakeJob job = new FakeJob(JOB_CALL_RECORD_TECHNICAL_FAILURE, 3, v);

        worker.record(job);
        worker.record(job); // the job retried after a lost completion

        assertThat(recorded).containsExactly("call-9 7 1001 42 2 PBX_NOT_CONNECTED AMI not connected",
                "call-9 7 1001 42 2 PBX_NOT_CONNECTED AMI not connected");
        assertThat(meters.counter(TechnicalFailureWorker.METRIC).count()).isEqualTo(1.0);
    }

    @Test
    void a_failure_without_an_agent_frees_nobody() {
        Map<String, Object> v = new HashMap<>();
        v.put(CALL_ID, "call-10");
        v.put(CAMPAIGN_ID, 7);
        v.put(CONTACT_ID, 1002);
        v.put(AGENT_ID, null);
        worker.record(new FakeJob(JOB_CALL_RECORD_TECHNICAL_FAILURE, 3, v));
        assertThat(recorded).as("no kind given (an instance started before kinds existed): OTHER")
                .containsExactly("call-10 7 1002 null 0 OTHER null");
    }
}
