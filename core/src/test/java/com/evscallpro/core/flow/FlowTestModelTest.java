package com.evscallpro.core.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The test process id written into a draft, and the way a call went drawn from the blocks it ran. */
class FlowTestModelTest {

    /** Start → Menu → gateway (1: Sales, 2: Goodbye); an error caught on Menu → NoInput; ends after each. */
    private static final String XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" id="Defs" targetNamespace="x">
              <bpmn:process id="svi-demo" isExecutable="true">
                <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
                <bpmn:serviceTask id="Menu"/>
                <bpmn:exclusiveGateway id="Choice"/>
                <bpmn:serviceTask id="Sales"/>
                <bpmn:serviceTask id="Goodbye"/>
                <bpmn:serviceTask id="NoInput"/>
                <bpmn:boundaryEvent id="NoInputEvent" attachedToRef="Menu"><bpmn:errorEventDefinition/></bpmn:boundaryEvent>
                <bpmn:endEvent id="SalesEnd"/>
                <bpmn:endEvent id="OtherEnd"/>
                <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Menu"/>
                <bpmn:sequenceFlow id="F2" sourceRef="Menu" targetRef="Choice"/>
                <bpmn:sequenceFlow id="F3" sourceRef="Choice" targetRef="Sales"/>
                <bpmn:sequenceFlow id="F4" sourceRef="Choice" targetRef="Goodbye"/>
                <bpmn:sequenceFlow id="F5" sourceRef="Sales" targetRef="SalesEnd"/>
                <bpmn:sequenceFlow id="F6" sourceRef="Goodbye" targetRef="OtherEnd"/>
                <bpmn:sequenceFlow id="F7" sourceRef="NoInputEvent" targetRef="NoInput"/>
                <bpmn:sequenceFlow id="F8" sourceRef="NoInput" targetRef="OtherEnd"/>
              </bpmn:process>
              <bpmndi:BPMNDiagram id="Diagram"><bpmndi:BPMNPlane id="Plane" bpmnElement="svi-demo"/></bpmndi:BPMNDiagram>
            </bpmn:definitions>
            """.strip();

    @Test
    void the_test_process_id_replaces_the_process_id_and_its_diagram_reference_only() {
        String test = FlowTestModel.withProcessId(XML, "svi-demo-test-0a1b2c3d");
        assertThat(FlowTestModel.of(test).processId()).isEqualTo("svi-demo-test-0a1b2c3d");
        assertThat(test).contains("bpmnElement=\"svi-demo-test-0a1b2c3d\"").doesNotContain("\"svi-demo\"")
                .contains("id=\"Menu\"").contains("targetNamespace=\"x\"");
        assertThatThrownBy(() -> FlowTestModel.withProcessId(XML, "1 not an id"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_path_joins_the_blocks_run_through_the_gateway_taken_and_to_the_end_when_asked() {
        FlowTestModel model = FlowTestModel.of(XML);
        assertThat(model.path(List.of("Menu"), false)).containsExactly("Start", "F1", "Menu");
        assertThat(model.path(List.of("Menu", "Sales"), false))
                .containsExactly("Start", "F1", "Menu", "F2", "Choice", "F3", "Sales");
        assertThat(model.path(List.of("Menu", "Sales"), true)).endsWith("Sales", "F5", "SalesEnd");
    }

    @Test
    void an_error_caught_on_a_block_is_on_the_path_through_its_boundary_event() {
        assertThat(FlowTestModel.of(XML).path(List.of("Menu", "NoInput"), true))
                .containsExactly("Start", "F1", "Menu", "NoInputEvent", "F7", "NoInput", "F8", "OtherEnd");
    }

    @Test
    void elements_whose_work_would_reach_beyond_the_test_call_are_named() {
        String xml = """
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Defs" targetNamespace="x">
                  <bpmn:process id="svi-demo" isExecutable="true">
                    <bpmn:serviceTask id="Block"><bpmn:extensionElements>
                      <zeebe:taskDefinition type="=&quot;ivr.menu.&quot; + evsNode"/></bpmn:extensionElements></bpmn:serviceTask>
                    <bpmn:serviceTask id="LiteralNode"><bpmn:extensionElements>
                      <zeebe:taskDefinition type="ivr.menu.node-1"/></bpmn:extensionElements></bpmn:serviceTask>
                    <bpmn:sendTask id="Dial"><bpmn:extensionElements>
                      <zeebe:taskDefinition type="pbx.originate"/></bpmn:extensionElements></bpmn:sendTask>
                    <bpmn:userTask id="WrapUp"/>
                    <bpmn:callActivity id="Outbound"/>
                  </bpmn:process>
                </bpmn:definitions>
                """.strip();
        assertThat(FlowTestModel.of(xml).untestable())
                .containsExactlyInAnyOrder("LiteralNode", "Dial", "WrapUp", "Outbound");
        assertThat(FlowTestModel.of(XML).untestable()).isEmpty();
    }
}
