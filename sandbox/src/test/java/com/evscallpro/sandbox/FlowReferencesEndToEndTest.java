package com.evscallpro.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.flow.FlowKind;
import com.evscallpro.core.flow.FlowProblem;
import com.evscallpro.core.flow.FlowService;
import com.evscallpro.core.flow.FlowView;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * References by name checked before publish, on the running application and its database: an IVR flow naming a
 * planning and a queue that do not exist is validated with one {@code unknown-reference} error per name, pointing at
 * its block; its publish and the import of the same file are refused with the reasons, nothing created or published;
 * once the planning and the queue exist, the same flow publishes.
 */
class FlowReferencesEndToEndTest {

    private final SandboxTestContext stack = SandboxTestContext.get();
    private final FlowService flows = stack.bean(FlowService.class);

    private static String flow(String processId, String planning, String queue) {
        return Bpmn.convertToString(Bpmn.createExecutableProcess(processId).startEvent("start")
                .serviceTask("HoursTask", t -> t.zeebeJobTypeExpression("\"ivr.hours.\" + evsNode")
                        .zeebeInput(planning, "planning"))
                .serviceTask("QueueTask", t -> t.zeebeJobTypeExpression("\"ivr.queue.\" + evsNode")
                        .zeebeInput(queue, "queue"))
                .serviceTask("ComputedQueueTask", t -> t.zeebeJobTypeExpression("\"ivr.queue.\" + evsNode")
                        .zeebeInput("=if vip then \"VIP\" else \"Nobody\"", "queue"))
                .serviceTask("HangupTask", t -> t.zeebeJobTypeExpression("\"ivr.hangup.\" + evsNode"))
                .endEvent("end").done());
    }

    @Test
    void unknown_plannings_and_queues_are_errors_on_their_blocks_until_they_exist() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String planning = "Refs hours " + s;
        String queue = "Refs queue " + s;
        String processId = "test-refs-" + s;
        String xml = flow(processId, planning, queue);

        // import of a new flow: refused with both reasons, nothing created
        assertThatThrownBy(() -> flows.importBpmn(FlowKind.IVR, "Refs " + s, xml, null))
                .isInstanceOfSatisfying(EvsException.class, e -> {
                    assertThat(e.code()).isEqualTo("flow.bpmn-invalid");
                    assertThat(String.valueOf(e.args().get(0))).contains("HoursTask: no planning is named '"
                            + planning + "'").contains("QueueTask: no queue is named '" + queue + "'");
                });
        assertThat(flows.flowByProcessId(processId)).isEmpty();

        FlowView created = flows.create(FlowKind.IVR, "Refs " + s, null, xml, null);
        assertThat(flows.problems(created.id(), xml)).filteredOn(FlowProblem::isError)
                .extracting(p -> p.elementId() + ":" + p.code() + p.args()).containsExactlyInAnyOrder(
                        "HoursTask:unknown-reference[planning, " + planning + "]",
                        "QueueTask:unknown-reference[queue, " + queue + "]");
        assertThatThrownBy(() -> flows.publish(created.draftVersionId(), null))
                .isInstanceOfSatisfying(EvsException.class, e -> assertThat(e.code()).isEqualTo("flow.bpmn-invalid"));
        assertThat(flows.flow(created.id()).orElseThrow().publishedVersionId()).isNull();

        JdbcTemplate jdbc = stack.bean(JdbcTemplate.class);
        jdbc.update("INSERT INTO planning (name) VALUES (?)", planning.toUpperCase()); // names match in any case
        long group = jdbc.queryForObject("INSERT INTO agent_group (name) VALUES (?) RETURNING id", Long.class, queue);
        assertThat(flows.problems(created.id(), xml)).extracting(FlowProblem::code)
                .as("a group without a queue is no queue").contains("unknown-reference");
        jdbc.update("INSERT INTO call_queue (group_id) VALUES (?)", group);
        assertThat(flows.problems(created.id(), xml)).filteredOn(FlowProblem::isError).isEmpty();
        flows.publish(created.draftVersionId(), "the planning and the queue exist now");
        assertThat(flows.definitionKey(processId)).isPositive();
    }
}
