package com.evscallpro.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.flow.FlowKind;
import com.evscallpro.core.flow.FlowProblem;
import com.evscallpro.core.flow.FlowService;
import com.evscallpro.core.flow.FlowVersionView;
import com.evscallpro.core.flow.FlowView;
import com.evscallpro.core.prompt.PromptService;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Flows and versions on the running application and its real engine: the shipped outbound journey is a published
 * version from the start; an IVR flow is drafted, published (deployed, started by its definition key), changed,
 * published again and rolled back; an invalid model or a changed process id is refused with the reason and what is
 * published stays published.
 */
class FlowVersionsEndToEndTest {

    private final SandboxTestContext stack = SandboxTestContext.get();
    private final FlowService flows = stack.bean(FlowService.class);
    private final CamundaClient client = stack.bean(CamundaClient.class);

    private static String flow(String processId, String taskName) {
        return Bpmn.convertToString(Bpmn.createExecutableProcess(processId).name("Test IVR")
                .startEvent("start").serviceTask("play", t -> t.name(taskName)
                        .zeebeJobTypeExpression("\"ivr.play.\" + evsNode").zeebeInput("hello-world", "prompt"))
                .endEvent("end").done());
    }

    @Test
    void the_shipped_outbound_journey_is_a_published_version_from_the_start() {
        FlowView outbound = flows.flowByProcessId("outbound-call").orElseThrow();
        assertThat(outbound.kind()).isEqualTo(FlowKind.OUTBOUND_CALL);
        assertThat(outbound.publishedVersionId()).isNotNull();
        FlowVersionView v = flows.versions(outbound.id()).get(0);
        assertThat(v.source()).isEqualTo(FlowVersionView.Source.FILE);
        assertThat(v.status()).isEqualTo(FlowVersionView.Status.PUBLISHED);
        assertThat(flows.definitionKey("outbound-call")).isPositive();
        assertThat(flows.importShipped(FlowKind.OUTBOUND_CALL, flows.bpmn(v.id())))
                .as("the same file again changes nothing").isEmpty();
    }

    @Test
    void a_flow_is_drafted_published_changed_and_rolled_back_each_version_started_by_its_own_key() {
        String processId = "test-ivr-" + UUID.randomUUID().toString().substring(0, 8);
        FlowView created = flows.create(FlowKind.IVR, "Test IVR " + processId, "for the test",
                flow(processId, "Welcome"), "first draft");
        assertThat(created.processId()).isEqualTo(processId);
        assertThatThrownBy(() -> flows.definitionKey(processId)).isInstanceOfSatisfying(EvsException.class,
                e -> assertThat(e.code()).isEqualTo("flow.not-published"));

        FlowVersionView v1 = flows.publish(created.draftVersionId(), "go live");
        long key1 = flows.definitionKey(processId);
        assertThat(client.newCreateInstanceCommand().processDefinitionKey(key1).send().join().getProcessDefinitionKey())
                .as("an instance starts by the published version's key").isEqualTo(key1);

        FlowVersionView v2 = flows.saveDraft(created.id(), flow(processId, "Welcome, new prompt"), "new prompt");
        assertThat(v2.number()).isEqualTo(2);
        assertThat(flows.definitionKey(processId)).as("a draft changes nothing for calls").isEqualTo(key1);
        flows.publish(v2.id(), null);
        long key2 = flows.definitionKey(processId);
        assertThat(key2).isNotEqualTo(key1);

        FlowVersionView again = flows.publish(v1.id(), "roll back");
        assertThat(again.number()).isEqualTo(1);
        assertThat(flows.definitionKey(processId)).isNotEqualTo(key2);
        List<FlowVersionView> versions = flows.versions(created.id());
        assertThat(versions).extracting(FlowVersionView::number, FlowVersionView::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, FlowVersionView.Status.RETIRED),
                org.assertj.core.groups.Tuple.tuple(1, FlowVersionView.Status.PUBLISHED));
        assertThat(versions.get(1).publishedBy()).isEqualTo("system");
    }

    @Test
    void an_invalid_model_or_another_process_is_refused_with_the_reason_and_nothing_published_changes() {
        String processId = "test-ivr-" + UUID.randomUUID().toString().substring(0, 8);
        FlowView created = flows.create(FlowKind.IVR, "Test IVR " + processId, null, flow(processId, "Hello"), null);
        flows.publish(created.draftVersionId(), null);
        long published = flows.definitionKey(processId);

        String noJobType = Bpmn.convertToString(Bpmn.createExecutableProcess(processId).startEvent()
                .serviceTask("broken-task").endEvent().done());
        FlowVersionView bad = flows.saveDraft(created.id(), noJobType, "forgot the job type");
        assertThatThrownBy(() -> flows.publish(bad.id(), null)).isInstanceOfSatisfying(EvsException.class, e -> {
            assertThat(e.code()).isEqualTo("flow.bpmn-invalid");
            assertThat(String.valueOf(e.args().get(0))).contains("broken-task");
        });
        assertThat(flows.definitionKey(processId)).isEqualTo(published);
        assertThat(flows.flow(created.id()).orElseThrow().draftVersionId()).isEqualTo(bad.id());

        // our rules too: a menu choice that leads nowhere, a block no worker serves; each named with its element
        String unhandled = Bpmn.convertToString(Bpmn.createExecutableProcess(processId).startEvent()
                .serviceTask("MenuTask", t -> t.zeebeJobTypeExpression("\"ivr.menu.\" + evsNode")
                        .zeebeInput("menu", "prompt").zeebeInput("1,2", "choices"))
                .exclusiveGateway("ChoiceGateway")
                .condition("=menuChoice = \"1\"").serviceTask("FaxTask", t -> t.zeebeJobType("fax.send")).endEvent()
                .done());
        FlowVersionView lint = flows.saveDraft(created.id(), unhandled, "menu 2 forgotten");
        assertThat(flows.problems(created.id(), unhandled)).filteredOn(FlowProblem::isError)
                .extracting(p -> p.elementId() + ":" + p.code())
                .containsExactlyInAnyOrder("FaxTask:unknown-job-type", "MenuTask:menu-choice-unhandled");
        assertThatThrownBy(() -> flows.publish(lint.id(), null)).isInstanceOfSatisfying(EvsException.class,
                e -> assertThat(String.valueOf(e.args().get(0))).contains("MenuTask").contains("FaxTask"));
        assertThat(flows.definitionKey(processId)).isEqualTo(published);

        assertThatThrownBy(() -> flows.saveDraft(created.id(), flow("another-process", "x"), null))
                .isInstanceOfSatisfying(EvsException.class,
                        e -> assertThat(e.code()).isEqualTo("flow.process-id-changed"));
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">&x;</definitions>";
        assertThatThrownBy(() -> flows.saveDraft(created.id(), xxe, null)).isInstanceOfSatisfying(EvsException.class,
                e -> assertThat(e.code()).isEqualTo("flow.bpmn-invalid"));
    }

    @Test
    void warnings_name_the_prompts_the_library_lacks_and_the_silent_ends_and_do_not_stop_a_publish() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String processId = "test-ivr-" + suffix;
        String present = "warn-present-" + suffix;
        String absent = "warn-absent-" + suffix;
        stack.bean(PromptService.class).create(present, "a prompt of the library");
        String xml = Bpmn.convertToString(Bpmn.createExecutableProcess(processId).startEvent("start")
                .serviceTask("Known", t -> t.zeebeJobTypeExpression("\"ivr.play.\" + evsNode").zeebeInput(present, "prompt"))
                .serviceTask("Unknown", t -> t.zeebeJobTypeExpression("\"ivr.play.\" + evsNode").zeebeInput(absent, "prompt"))
                .endEvent("Silent").done());
        FlowView created = flows.create(FlowKind.IVR, "Warnings " + suffix, null, xml, null);
        List<FlowProblem> problems = flows.problems(created.id(), xml);
        assertThat(problems).noneMatch(FlowProblem::isError);
        assertThat(problems).extracting(p -> p.elementId() + ":" + p.code() + p.args())
                .containsExactlyInAnyOrder("Unknown:prompt-not-in-library[prompt, " + absent + "]",
                        "Silent:ends-in-silence[Unknown]");
        flows.publish(created.draftVersionId(), "published with its warnings");
        assertThat(flows.definitionKey(processId)).isPositive();
        // the same prompt, once in the library, is no longer reported
        stack.bean(PromptService.class).create(absent, "now it exists");
        assertThat(flows.problems(created.id(), xml)).extracting(FlowProblem::code).containsExactly("ends-in-silence");
    }

    @Test
    void a_changed_shipped_file_is_published_unless_an_analyst_published_another_version() {
        String processId = "test-shipped-" + UUID.randomUUID().toString().substring(0, 8);
        FlowVersionView v1 = flows.importShipped(FlowKind.IVR, flow(processId, "v1")).orElseThrow();
        assertThat(v1.status()).isEqualTo(FlowVersionView.Status.PUBLISHED);
        FlowVersionView v2 = flows.importShipped(FlowKind.IVR, flow(processId, "v2")).orElseThrow();
        assertThat(v2.status()).as("file-owned: the new file is published").isEqualTo(FlowVersionView.Status.PUBLISHED);

        long flowId = v2.flowId();
        flows.publish(flows.saveDraft(flowId, flow(processId, "analyst"), "analyst's change").id(), null);
        FlowVersionView v4 = flows.importShipped(FlowKind.IVR, flow(processId, "v3 shipped")).orElseThrow();
        assertThat(v4.status()).as("the analyst's version stays published").isEqualTo(FlowVersionView.Status.RETIRED);
        assertThat(flows.flow(flowId).orElseThrow().publishedNumber()).isEqualTo(3);
    }
}
