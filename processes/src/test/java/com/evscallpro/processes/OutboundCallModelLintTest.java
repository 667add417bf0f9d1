package com.evscallpro.processes;

import static com.evscallpro.processes.OutboundCallProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.ConditionExpression;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.EventBasedGateway;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Gateway;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.Task;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.di.Waypoint;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.model.xml.validation.ValidationResults;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Static checks of {@code outbound-call.bpmn}: it parses and validates, its ids follow §5 of the design (PascalCase
 * with a type suffix, never generated), it still honours the contract in {@link OutboundCallProcess}, and it has a
 * complete left-to-right diagram so it opens unchanged in Camunda Modeler.
 */
class OutboundCallModelLintTest {

    private static final Pattern PASCAL_CASE = Pattern.compile("[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)*");
    private static final Pattern GENERATED_ID =
            Pattern.compile("(?i).*(_[0-9a-z]{7}|^(Activity|Event|Gateway|Flow|Task|StartEvent|EndEvent|SequenceFlow)_?\\d*)$");
    private static final Pattern JOB_TYPE = Pattern.compile("[a-z]+\\.[a-z]+(?:-[a-z]+)*");

    private static BpmnModelInstance model;

    @BeforeAll
    static void readModel() throws Exception {
        try (InputStream in = OutboundCallModelLintTest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            assertThat(in).as("classpath resource %s", RESOURCE).isNotNull();
            model = Bpmn.readModelFromStream(in);
        }
    }

    @Test
    void model_is_schema_valid_and_passes_the_zeebe_design_time_validators() {
        Bpmn.validateModel(model); // XML schema + BPMN structure; throws on error
        ValidationResults results = model.validate(ZeebeDesignTimeValidators.VALIDATORS);
        List<String> problems = new ArrayList<>();
        results.getResults().forEach((element, list) -> list.forEach(r ->
                problems.add(r.getType() + " " + r.getElement() + ": " + r.getMessage())));
        assertThat(problems).as("Zeebe design-time validation (errors and warnings)").isEmpty();
    }

    @Test
    void process_is_executable_with_the_contract_id() {
        Process process = model.getModelElementById(PROCESS_ID);
        assertThat(process).isNotNull();
        assertThat(process.isExecutable()).isTrue();
        assertThat(model.getModelElementsByType(Process.class)).hasSize(1);
    }

    @Test
    void every_element_id_is_pascal_case_with_a_type_suffix_and_not_generated() {
        List<String> offenders = new ArrayList<>();
        for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
            String suffix = expectedSuffix(element);
            check(element.getId(), suffix, offenders);
        }
        model.getModelElementsByType(Message.class).forEach(m -> check(m.getId(), "Message", offenders));
        model.getModelElementsByType(EventDefinition.class)
                .forEach(d -> check(d.getId(), "EventDefinition", offenders));
        assertThat(offenders).isEmpty();
    }

    private static String expectedSuffix(FlowElement element) {
        if (element instanceof SequenceFlow) {
            return "Flow";
        } else if (element instanceof EndEvent) {
            return "EndEvent";
        } else if (element instanceof io.camunda.zeebe.model.bpmn.instance.Event) {
            return "Event";
        } else if (element instanceof Gateway) {
            return "Gateway";
        } else if (element instanceof Task) {
            return "Task";
        }
        return "?unsupported element type " + element.getElementType().getTypeName();
    }

    private static void check(String id, String suffix, List<String> offenders) {
        if (id == null) {
            offenders.add("element without id (expected suffix " + suffix + ")");
        } else if (!PASCAL_CASE.matcher(id).matches() || !id.endsWith(suffix) || id.equals(suffix)
                || GENERATED_ID.matcher(id).matches()) {
            offenders.add(id + " (expected PascalCase ending in " + suffix + ")");
        }
    }

    @Test
    void id_rule_rejects_generated_and_badly_suffixed_ids() {
        List<String> offenders = new ArrayList<>();
        check("Activity_0nppgjk", "Task", offenders);
        check("Gateway_1", "Gateway", offenders);
        check("Flow_0abc123", "Flow", offenders);
        check("dialCustomerTask", "Task", offenders);
        check("DialCustomer", "Task", offenders);
        check("Task", "Task", offenders);
        check("DialCustomerTask", "Task", offenders); // the only good one
        assertThat(offenders).hasSize(6);
    }

    @Test
    void every_element_id_constant_names_an_element_of_the_model() {
        List<String> idConstants = constants().entrySet().stream()
                .filter(e -> !e.getKey().startsWith("JOB_"))
                .filter(e -> e.getKey().endsWith("_TASK") || e.getKey().endsWith("_EVENT")
                        || e.getKey().endsWith("_GATEWAY") || e.getKey().endsWith("_FLOW"))
                .map(Map.Entry::getValue)
                .toList();
        assertThat(idConstants).hasSize(31);
        Set<String> modelIds = model.getModelElementsByType(FlowElement.class).stream()
                .map(BaseElement::getId).collect(Collectors.toSet());
        assertThat(modelIds).containsAll(idConstants);
    }

    @Test
    void tasks_have_the_contract_job_types() {
        Map<String, String> jobTypes = model.getModelElementsByType(ServiceTask.class).stream()
                .collect(Collectors.toMap(BaseElement::getId,
                        t -> t.getSingleExtensionElement(ZeebeTaskDefinition.class).getType()));
        assertThat(jobTypes).containsExactlyInAnyOrderEntriesOf(Map.of(
                DIAL_CUSTOMER_TASK, JOB_PBX_ORIGINATE,
                HANG_UP_UNANSWERED_CALL_TASK, JOB_PBX_HANGUP,
                RECORD_OUTCOME_TASK, JOB_CDR_RECORD,
                SCHEDULE_CALLBACK_TASK, JOB_CONTACT_SCHEDULE_CALLBACK,
                SCHEDULE_RETRY_TASK, JOB_CONTACT_SCHEDULE_RETRY,
                CLOSE_CONTACT_TASK, JOB_CONTACT_CLOSE,
                RECORD_TECHNICAL_FAILURE_TASK, JOB_CALL_RECORD_TECHNICAL_FAILURE,
                CLOSE_UNQUALIFIED_WRAP_UP_TASK, JOB_AGENT_WRAP_UP_TIMEOUT));
        assertThat(jobTypes.values()).allMatch(t -> JOB_TYPE.matcher(t).matches(), "job type <area>.<verb>");
        ServiceTask dial = model.getModelElementById(DIAL_CUSTOMER_TASK);
        assertThat(dial.getSingleExtensionElement(ZeebeTaskDefinition.class).getRetries()).isEqualTo("3");
    }

    @Test
    void wrap_up_is_a_job_worker_user_task_assigned_to_the_agent() {
        UserTask wrapUp = model.getModelElementById(WRAP_UP_TASK);
        assertThat(wrapUp.getSingleExtensionElement(ZeebeUserTask.class))
                .as("no zeebe:userTask: the engine must create an io.camunda.zeebe:userTask job").isNull();
        assertThat(wrapUp.getSingleExtensionElement(ZeebeAssignmentDefinition.class).getAssignee())
                .contains("string(agentId)");
        assertThat(model.getModelElementsByType(UserTask.class)).hasSize(1);
    }

    @Test
    void dial_outcome_gateway_waits_for_the_two_messages_by_call_id_and_the_ring_timer() {
        EventBasedGateway gateway = model.getModelElementById(DIAL_OUTCOME_GATEWAY);
        Map<String, FlowNode> targets = gateway.getOutgoing().stream()
                .map(SequenceFlow::getTarget).collect(Collectors.toMap(BaseElement::getId, Function.identity()));
        assertThat(targets).containsOnlyKeys(CALL_ANSWERED_EVENT, CALL_FAILED_EVENT, RING_TIMEOUT_EVENT);

        for (String eventId : List.of(CALL_ANSWERED_EVENT, CALL_FAILED_EVENT)) {
            IntermediateCatchEvent event = model.getModelElementById(eventId);
            MessageEventDefinition definition =
                    (MessageEventDefinition) event.getEventDefinitions().iterator().next();
            Message message = definition.getMessage();
            assertThat(message.getName())
                    .isEqualTo(eventId.equals(CALL_ANSWERED_EVENT) ? MESSAGE_CALL_ANSWERED : MESSAGE_CALL_FAILED);
            assertThat(message.getExtensionElements().getElementsQuery()
                    .filterByType(ZeebeSubscription.class).singleResult().getCorrelationKey())
                    .isEqualTo("=" + CALL_ID);
        }
        IntermediateCatchEvent timer = model.getModelElementById(RING_TIMEOUT_EVENT);
        TimerEventDefinition definition = (TimerEventDefinition) timer.getEventDefinitions().iterator().next();
        assertThat(definition.getTimeDuration().getTextContent()).contains(RING_TIMEOUT);
    }

    @Test
    void after_the_answer_the_process_waits_for_agent_connected_or_call_abandoned_by_call_id_and_a_timer() {
        EventBasedGateway gateway = model.getModelElementById(AGENT_CONNECTION_GATEWAY);
        assertThat(gateway.getIncoming()).extracting(f -> f.getSource().getId()).containsExactly(CALL_ANSWERED_EVENT);
        assertThat(gateway.getOutgoing()).extracting(f -> f.getTarget().getId())
                .containsExactlyInAnyOrder(AGENT_CONNECTED_EVENT, CALL_ABANDONED_EVENT, AGENT_CONNECT_TIMEOUT_EVENT);
        assertThat(messageName(AGENT_CONNECTED_EVENT)).isEqualTo(MESSAGE_AGENT_CONNECTED);
        assertThat(messageName(CALL_ABANDONED_EVENT)).isEqualTo(MESSAGE_CALL_ABANDONED);
        // No wrap-up for a call that never reached the agent.
        IntermediateCatchEvent abandoned = model.getModelElementById(CALL_ABANDONED_EVENT);
        assertThat(abandoned.getOutgoing()).extracting(f -> f.getTarget().getId())
                .containsExactly(OUTCOME_JOIN_GATEWAY);
    }

    @Test
    void ring_timeout_path_checks_the_call_and_routes_an_answered_call_to_the_wrap_up() {
        ExclusiveGateway gateway = model.getModelElementById(CALL_STATE_GATEWAY);
        assertThat(gateway.getIncoming()).extracting(f -> f.getSource().getId())
                .containsExactly(HANG_UP_UNANSWERED_CALL_TASK);
        SequenceFlow answered = model.getModelElementById(ANSWERED_AFTER_RING_TIMEOUT_FLOW);
        assertThat(answered.getSource().getId()).isEqualTo(CALL_STATE_GATEWAY);
        assertThat(answered.getTarget().getId()).isEqualTo(WRAP_UP_TASK);
        assertThat(condition(answered)).contains(OUTCOME, "\"" + OUTCOME_ANSWERED + "\"");
        assertThat(gateway.getDefault().getTarget().getId()).isEqualTo(OUTCOME_JOIN_GATEWAY);
    }

    @Test
    void technical_failure_is_a_caught_error_on_the_dial_task_and_wrap_up_has_a_timeout() {
        io.camunda.zeebe.model.bpmn.instance.BoundaryEvent technical = model.getModelElementById(TECHNICAL_FAILURE_EVENT);
        assertThat(technical.getAttachedTo().getId()).isEqualTo(DIAL_CUSTOMER_TASK);
        io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition error =
                (io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition) technical.getEventDefinitions().iterator().next();
        assertThat(error.getError().getErrorCode()).isEqualTo(ERROR_TECHNICAL_FAILURE);
        assertThat(technical.getOutgoing()).extracting(f -> f.getTarget().getId())
                .containsExactly(RECORD_TECHNICAL_FAILURE_TASK);

        io.camunda.zeebe.model.bpmn.instance.BoundaryEvent timeout = model.getModelElementById(WRAP_UP_TIMEOUT_EVENT);
        assertThat(timeout.getAttachedTo().getId()).isEqualTo(WRAP_UP_TASK);
        assertThat(timeout.cancelActivity()).isTrue();
        TimerEventDefinition timer = (TimerEventDefinition) timeout.getEventDefinitions().iterator().next();
        assertThat(timer.getTimeDuration().getTextContent()).contains(WRAP_UP_TIMEOUT);
        assertThat(timeout.getOutgoing()).extracting(f -> f.getTarget().getId())
                .containsExactly(CLOSE_UNQUALIFIED_WRAP_UP_TASK);
    }

    private static String messageName(String eventId) {
        IntermediateCatchEvent event = model.getModelElementById(eventId);
        Message message = ((MessageEventDefinition) event.getEventDefinitions().iterator().next()).getMessage();
        assertThat(message.getExtensionElements().getElementsQuery()
                .filterByType(ZeebeSubscription.class).singleResult().getCorrelationKey()).isEqualTo("=" + CALL_ID);
        return message.getName();
    }

    @Test
    void next_step_gateway_has_two_guarded_flows_and_close_contact_as_default() {
        ExclusiveGateway gateway = model.getModelElementById(NEXT_STEP_GATEWAY);
        assertThat(gateway.getDefault().getId()).isEqualTo(CLOSE_CONTACT_FLOW);
        assertThat(gateway.getOutgoing()).extracting(BaseElement::getId)
                .containsExactly(CALLBACK_FLOW, RETRY_FLOW, CLOSE_CONTACT_FLOW); // evaluation order
        SequenceFlow callback = model.getModelElementById(CALLBACK_FLOW);
        SequenceFlow retry = model.getModelElementById(RETRY_FLOW);
        SequenceFlow close = model.getModelElementById(CLOSE_CONTACT_FLOW);
        assertThat(condition(callback)).contains(QUALIFICATION_CATEGORY, "\"" + CATEGORY_CALLBACK + "\"");
        assertThat(condition(retry)).contains(OUTCOME, ATTEMPT, MAX_ATTEMPTS);
        assertThat(close.getConditionExpression()).isNull();
        assertThat(callback.getTarget().getId()).isEqualTo(SCHEDULE_CALLBACK_TASK);
        assertThat(retry.getTarget().getId()).isEqualTo(SCHEDULE_RETRY_TASK);
        assertThat(close.getTarget().getId()).isEqualTo(CLOSE_CONTACT_TASK);
    }

    private static String condition(SequenceFlow flow) {
        ConditionExpression expression = flow.getConditionExpression();
        assertThat(expression).as("condition of %s", flow.getId()).isNotNull();
        return expression.getTextContent();
    }

    @Test
    void every_path_ends_in_one_of_the_four_end_events() {
        assertThat(model.getModelElementsByType(StartEvent.class)).extracting(BaseElement::getId)
                .containsExactly(ATTEMPT_STARTED_EVENT);
        assertThat(model.getModelElementsByType(EndEvent.class)).extracting(BaseElement::getId)
                .containsExactlyInAnyOrder(CALLBACK_SCHEDULED_END_EVENT, RETRY_SCHEDULED_END_EVENT,
                        CONTACT_CLOSED_END_EVENT, TECHNICAL_FAILURE_END_EVENT);
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            if (!(node instanceof StartEvent) && !(node instanceof io.camunda.zeebe.model.bpmn.instance.BoundaryEvent)) {
                assertThat(node.getIncoming()).as("incoming of %s", node.getId()).isNotEmpty();
            }
            if (!(node instanceof EndEvent)) {
                assertThat(node.getOutgoing()).as("outgoing of %s", node.getId()).isNotEmpty();
            }
        }
    }

    @Test
    void diagram_shows_every_node_and_flow_left_to_right() {
        Map<String, BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class).stream()
                .collect(Collectors.toMap(s -> s.getBpmnElement().getId(), Function.identity()));
        Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
                .map(e -> e.getBpmnElement().getId()).collect(Collectors.toSet());
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            assertThat(shapes).as("shape of %s", node.getId()).containsKey(node.getId());
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            assertThat(edges).as("edge of %s", flow.getId()).contains(flow.getId());
            double sourceX = shapes.get(flow.getSource().getId()).getBounds().getX();
            double targetX = shapes.get(flow.getTarget().getId()).getBounds().getX();
            assertThat(targetX).as("%s goes left to right", flow.getId()).isGreaterThan(sourceX);
        }
    }

    @Test
    void diagram_has_no_edge_through_a_foreign_shape_and_no_overlapping_label() {
        Map<String, Bounds> shapes = model.getModelElementsByType(BpmnShape.class).stream()
                .collect(Collectors.toMap(s -> s.getBpmnElement().getId(), s -> Bounds.of(s.getBounds())));
        Map<String, Bounds> labels = new java.util.LinkedHashMap<>();
        model.getModelElementsByType(BpmnShape.class).stream().filter(s -> s.getBpmnLabel() != null)
                .forEach(s -> labels.put(s.getBpmnElement().getId() + " label",
                        Bounds.of(s.getBpmnLabel().getBounds())));
        model.getModelElementsByType(BpmnEdge.class).stream().filter(e -> e.getBpmnLabel() != null)
                .forEach(e -> labels.put(e.getBpmnElement().getId() + " label",
                        Bounds.of(e.getBpmnLabel().getBounds())));
        List<String> problems = new ArrayList<>();
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            SequenceFlow flow = (SequenceFlow) edge.getBpmnElement();
            List<Waypoint> points = List.copyOf(edge.getWaypoints());
            for (int i = 1; i < points.size(); i++) {
                double ax = points.get(i - 1).getX();
                double ay = points.get(i - 1).getY();
                double bx = points.get(i).getX();
                double by = points.get(i).getY();
                if (ax != bx && ay != by) {
                    problems.add(flow.getId() + " has a diagonal segment");
                }
                Bounds segment = new Bounds(Math.min(ax, bx), Math.min(ay, by),
                        Math.max(Math.abs(bx - ax), 0.1), Math.max(Math.abs(by - ay), 0.1));
                shapes.forEach((id, shape) -> {
                    if (!id.equals(flow.getSource().getId()) && !id.equals(flow.getTarget().getId())
                            && segment.overlaps(shape)) {
                        problems.add(flow.getId() + " crosses " + id);
                    }
                });
                labels.forEach((id, label) -> {
                    if (segment.overlaps(label)) {
                        problems.add(flow.getId() + " crosses " + id);
                    }
                });
            }
        }
        List<Map.Entry<String, Bounds>> labelList = List.copyOf(labels.entrySet());
        for (int i = 0; i < labelList.size(); i++) {
            Map.Entry<String, Bounds> label = labelList.get(i);
            shapes.forEach((id, shape) -> {
                if (label.getValue().overlaps(shape)) {
                    problems.add(label.getKey() + " overlaps " + id);
                }
            });
            for (Map.Entry<String, Bounds> other : labelList.subList(i + 1, labelList.size())) {
                if (label.getValue().overlaps(other.getValue())) {
                    problems.add(label.getKey() + " overlaps " + other.getKey());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private record Bounds(double x, double y, double width, double height) {
        static Bounds of(io.camunda.zeebe.model.bpmn.instance.dc.Bounds b) {
            return new Bounds(b.getX(), b.getY(), b.getWidth(), b.getHeight());
        }

        boolean overlaps(Bounds o) {
            return x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height;
        }
    }

    private static Map<String, String> constants() {
        return Arrays.stream(OutboundCallProcess.class.getDeclaredFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .collect(Collectors.toMap(Field::getName, OutboundCallModelLintTest::value));
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
