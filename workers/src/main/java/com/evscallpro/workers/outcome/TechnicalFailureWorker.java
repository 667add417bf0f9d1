package com.evscallpro.workers.outcome;

import static com.evscallpro.processes.OutboundCallProcess.*;

import com.evscallpro.workers.JobVariables;
import com.evscallpro.core.call.TechnicalFailureKind;
import com.evscallpro.core.call.TechnicalFailureService;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code call.record-technical-failure}: the dial could not be placed after every retry. Records it for admins,
 * counts it ({@value #METRIC}), frees the agent and puts the contact back due without using up an attempt.
 */
@Component
public class TechnicalFailureWorker {

    /** Micrometer name; Prometheus shows {@code evs_call_technical_failures_total}. */
    static final String METRIC = "evs.call.technical.failures";

    private final TechnicalFailureService failures;
    private final Counter counter;

    TechnicalFailureWorker(TechnicalFailureService failures, MeterRegistry meters) {
        this.failures = failures;
        this.counter = Counter.builder(METRIC)
                .description("Dial attempts that could not be placed after every retry (PBX unreachable, refused)")
                .register(meters);
    }

    @JobWorker(type = JOB_CALL_RECORD_TECHNICAL_FAILURE, fetchAllVariables = true)
    public void record(ActivatedJob job) {
        Map<String, Object> v = job.getVariablesAsMap();
        boolean first = failures.record((String) v.get(CALL_ID), JobVariables.number(v, CAMPAIGN_ID),
                JobVariables.number(v, CONTACT_ID), JobVariables.numberOrNull(v, AGENT_ID),
                (int) JobVariables.numberOr(v, ATTEMPT, 0),
                TechnicalFailureKind.ofCode((String) v.get(TECHNICAL_FAILURE_CODE)).orElse(TechnicalFailureKind.OTHER),
                (String) v.get(TECHNICAL_FAILURE_REASON));
        if (first) {
            counter.increment();
        }
    }
}
