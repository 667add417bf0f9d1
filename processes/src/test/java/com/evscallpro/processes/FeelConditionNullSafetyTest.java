package com.evscallpro.processes;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.assertions.BpmnAssert;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.process.test.filters.StreamFilter;
import io.camunda.zeebe.process.test.inspections.model.InspectedProcessInstance;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Documents how Zeebe 8.8 evaluates gateway conditions when a variable is missing, which is why the conditions of
 * {@code outbound-call} are wrapped in {@code if ... then true else false}: a condition that evaluates to null is
 * not "false" for Zeebe, it is an incident, and the live call's instance stops there.
 */
@ZeebeProcessTest
class FeelConditionNullSafetyTest {

    private ZeebeTestEngine engine;
    private ZeebeClient client; // injected by the extension; enough for a throw-away model

    @ParameterizedTest(name = "{0} with outcome={1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        // condition; only `outcome` may be set, attempt / maxAttempts / qualificationCategory are missing
        "=attempt < maxAttempts                                 | null | INCIDENT",
        "=outcome = \"BUSY\" and attempt < maxAttempts          | null | FALSE",
        "=outcome = \"BUSY\" and attempt < maxAttempts          | BUSY | INCIDENT",
        "=qualificationCategory = \"CALLBACK\"                  | null | FALSE",
        "=if attempt < maxAttempts then true else false         | null | FALSE",
        "=if outcome = \"BUSY\" and attempt < maxAttempts then true else false | BUSY | FALSE",
        "=if (outcome = \"BUSY\" or outcome = \"NO_ANSWER\") and attempt < maxAttempts then true else false | NO_ANSWER | FALSE",
    })
    void condition_on_missing_variables(String condition, String outcome, String expected) throws Exception {
        BpmnModelInstance model = Bpmn.createExecutableProcess("feel-probe")
                .startEvent("ProbeStartedEvent")
                .exclusiveGateway("ProbeGateway")
                .defaultFlow()
                .endEvent("DefaultEndEvent")
                .moveToLastExclusiveGateway()
                .conditionExpression(condition)
                .endEvent("ConditionTrueEndEvent")
                .done();
        client.newDeployResourceCommand().addProcessModel(model, "feel-probe.bpmn").send().join();
        long key = client.newCreateInstanceCommand().bpmnProcessId("feel-probe").latestVersion()
                .variables(outcome == null ? Map.of() : Map.of("outcome", outcome)).send().join().getProcessInstanceKey();
        engine.waitForIdleState(Duration.ofSeconds(5));

        RecordStream records = BpmnAssert.getRecordStream();
        boolean incident = StreamFilter.incident(records).withProcessInstanceKey(key).stream().findAny().isPresent();
        String actual = incident ? "INCIDENT" : "FALSE";
        if (!incident) {
            BpmnAssert.assertThat(new InspectedProcessInstance(key))
                    .isCompleted()
                    .hasPassedElement("DefaultEndEvent")
                    .hasNotPassedElement("ConditionTrueEndEvent");
        }
        assertThat(actual).as(condition).isEqualTo(expected);
    }
}
