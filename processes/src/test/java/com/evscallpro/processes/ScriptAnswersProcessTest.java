package com.evscallpro.processes;

import static com.evscallpro.processes.OutboundCallHarness.awaitAtDialOutcomeGateway;
import static com.evscallpro.processes.OutboundCallHarness.awaitCompleted;
import static com.evscallpro.processes.OutboundCallHarness.instance;
import static com.evscallpro.processes.OutboundCallHarness.startVariables;
import static com.evscallpro.processes.OutboundCallProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agent script's answers in the call journey: the wrap-up completes with {@code scriptAnswers}, which reaches
 * {@code cdr.record} (that stores them with the call) and the process scope, where a gateway an analyst adds after
 * the wrap-up can branch on an answer ({@code =scriptAnswers.interested = "yes"}).
 */
@ZeebeProcessTest
class ScriptAnswersProcessTest {

    private ZeebeTestEngine engine;
    private OutboundCallHarness zeebe;

    @BeforeEach
    void setUp() {
        zeebe = new OutboundCallHarness(engine);
    }

    @AfterEach
    void tearDown() {
        zeebe.close();
    }

    @Test
    void the_answers_given_at_wrap_up_reach_the_record_step_and_stay_in_the_process() {
        Map<String, Object> answers = Map.of("interested", "yes", "budget", 1200,
                "contact", Map.of("firstName", "Lea"));
        zeebe.agentQualifies("SALE", CATEGORY_POSITIVE, null, "", true, answers);
        zeebe.startWorkers();
        long key = zeebe.start(startVariables("call-script", 1, 3));
        awaitAtDialOutcomeGateway(key);
        zeebe.publishAnswered("call-script");
        zeebe.publishAgentConnected("call-script");
        awaitCompleted(key);

        assertThat(zeebe.onlyJobVariables(JOB_CDR_RECORD)).containsEntry(SCRIPT_ANSWERS, answers)
                .containsEntry(QUALIFICATION_CODE, "SALE");
        instance(key).hasVariableWithValue(SCRIPT_ANSWERS, answers).isCompleted();
    }

    @Test
    void without_a_script_the_record_step_gets_no_answers() {
        zeebe.agentQualifies("SALE", CATEGORY_POSITIVE, null, "");
        zeebe.startWorkers();
        long key = zeebe.start(startVariables("call-noscript", 1, 3));
        awaitAtDialOutcomeGateway(key);
        zeebe.publishAnswered("call-noscript");
        zeebe.publishAgentConnected("call-noscript");
        awaitCompleted(key);
        assertThat(zeebe.onlyJobVariables(JOB_CDR_RECORD)).doesNotContainKey(SCRIPT_ANSWERS);
    }

    /** A gateway after a wrap-up, as an analyst draws it in the flow editor: each answer takes its own path. */
    @Test
    void a_gateway_after_the_wrap_up_branches_on_a_script_answer() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("script-branch")
                .startEvent("StartEvent")
                .serviceTask("WrapUpTask", t -> t.zeebeJobType("test.wrap-up"))
                .exclusiveGateway("InterestedGateway").defaultFlow()
                .endEvent("NotInterestedEndEvent")
                .moveToLastExclusiveGateway()
                .conditionExpression("scriptAnswers.interested = \"yes\"")
                .endEvent("InterestedEndEvent")
                .done();
        zeebe.client.newDeployResourceCommand().addProcessModel(model, "script-branch.bpmn").send().join();
        zeebe.reply("test.wrap-up", (ActivatedJob job) -> Map.of(SCRIPT_ANSWERS,
                Map.of("interested", job.getVariablesAsMap().get("answer"))));
        zeebe.startWorker("test.wrap-up");

        long yes = zeebe.client.newCreateInstanceCommand().bpmnProcessId("script-branch").latestVersion()
                .variables(Map.of("answer", "yes")).send().join().getProcessInstanceKey();
        long no = zeebe.client.newCreateInstanceCommand().bpmnProcessId("script-branch").latestVersion()
                .variables(Map.of("answer", "no")).send().join().getProcessInstanceKey();
        awaitCompleted(yes);
        awaitCompleted(no);
        instance(yes).hasPassedElement("InterestedEndEvent").hasNotPassedElement("NotInterestedEndEvent");
        instance(no).hasPassedElement("NotInterestedEndEvent").hasNotPassedElement("InterestedEndEvent");
    }
}
