package com.evscallpro.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Version comparison on the meaning of the BPMN: layout and formatting are no change; each real change is named. */
class FlowDiffTest {

    private static String flow(String prompt, String condition, boolean extraTask, String shapeX) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                    xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="t">
                  <bpmn:process id="p" isExecutable="true">
                    <bpmn:startEvent id="s"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
                    <bpmn:serviceTask id="play" name="Accueil"><bpmn:extensionElements>
                      <zeebe:taskDefinition type="=&quot;ivr.play.&quot; + evsNode" retries="1" />
                      <zeebe:ioMapping><zeebe:input source="%s" target="prompt" /></zeebe:ioMapping>
                    </bpmn:extensionElements><bpmn:incoming>f1</bpmn:incoming></bpmn:serviceTask>
                    <bpmn:exclusiveGateway id="g" />
                    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="play" />
                    <bpmn:sequenceFlow id="f2" sourceRef="g" targetRef="play"><bpmn:conditionExpression id="c1" xsi:type="bpmn:tFormalExpression">%s</bpmn:conditionExpression></bpmn:sequenceFlow>
                    <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition id="td1"><bpmn:timeDuration>PT5S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
                    %s
                  </bpmn:process>
                  <bpmndi:BPMNDiagram id="dia"><bpmndi:BPMNPlane id="pl" bpmnElement="p">
                    <bpmndi:BPMNShape id="play_di" bpmnElement="play"><dc:Bounds x="%s" y="10" width="100" height="80" /></bpmndi:BPMNShape>
                  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
                </bpmn:definitions>
                """.formatted(prompt, condition, extraTask ? "<bpmn:task id=\"extra\" name=\"Nouveau\" />" : "", shapeX)
                .strip();
    }

    @Test
    void moving_a_shape_or_reformatting_the_file_is_no_change() {
        String a = flow("hello", "=x = 1", false, "10");
        String b = flow("hello", "=x = 1", false, "400").replace("\n", "\r\n   ").replace("retries=\"1\" type",
                "type");
        assertThat(FlowDiff.compare(a, b)).isEmpty();
    }

    @Test
    void each_change_is_named_on_its_element() {
        List<FlowChange> changes = FlowDiff.compare(flow("hello", "=x = 1", false, "10"),
                flow("bonjour", "=x = 2", true, "10"));
        assertThat(changes).extracting(c -> c.elementId() + " " + c.kind() + " " + c.details()).containsExactly(
                "extra ADDED []",
                "f2 CHANGED [conditionExpression: =x = 1 → =x = 2]",
                "play CHANGED [zeebe:input[prompt].source: hello → bonjour]");
        assertThat(FlowDiff.compare(flow("hello", "=x = 1", true, "10"), flow("hello", "=x = 1", false, "10")))
                .extracting(c -> c.elementId() + " " + c.kind() + " " + c.name()).containsExactly("extra REMOVED Nouveau");
    }
}
