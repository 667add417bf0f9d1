package com.evscallpro.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The journey's execution listeners added to an IVR flow at deploy time (the engine running them is checked end to
 * end in the sandbox: DemoFlowBranchesEndToEndTest).
 */
class JourneyListenersTest {

    private static final String FLOW = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                              xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="urn:t">
              <bpmn:process id="walk" isExecutable="true">
                <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
                <bpmn:serviceTask id="MenuTask"><bpmn:extensionElements><zeebe:taskDefinition type="=&quot;ivr.menu.&quot; + evsNode"/></bpmn:extensionElements></bpmn:serviceTask>
                <bpmn:exclusiveGateway id="ChoiceGateway" name="Choix ?"><bpmn:documentation>which way</bpmn:documentation><bpmn:incoming>F2</bpmn:incoming></bpmn:exclusiveGateway>
                <bpmn:eventBasedGateway id="WaitGateway"><bpmn:extensionElements><zeebe:executionListeners><zeebe:executionListener eventType="start" type="audit"/></zeebe:executionListeners></bpmn:extensionElements></bpmn:eventBasedGateway>
                <bpmn:intermediateCatchEvent id="TimerEvent"><bpmn:incoming>F3</bpmn:incoming><bpmn:timerEventDefinition><bpmn:timeDuration>PT5S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
                <bpmn:parallelGateway id="SplitGateway"/>
                <bpmn:boundaryEvent id="NoInputEvent" attachedToRef="MenuTask"><bpmn:errorEventDefinition/></bpmn:boundaryEvent>
                <bpmn:endEvent id="End"/>
              </bpmn:process>
            </bpmn:definitions>
            """.strip();

    @Test
    void catch_events_get_an_end_listener_on_the_calls_node_and_gateways_none() {
        Document d = BpmnFacts.parse(JourneyListeners.addTo(FLOW));

        assertThat(listeners(d, "TimerEvent")).containsExactly("end " + JourneyListeners.EVENT_JOB_TYPE);
        assertThat(listeners(d, "ChoiceGateway")).as("gateways: written from the next element (FlowGraph)").isEmpty();
        assertThat(listeners(d, "SplitGateway")).isEmpty();
        assertThat(listeners(d, "WaitGateway")).as("the analyst's own listener is kept, none added")
                .containsExactly("start audit");
        assertThat(listeners(d, "MenuTask")).as("blocks write their own rows").isEmpty();
        assertThat(listeners(d, "NoInputEvent")).as("boundary events: the block's row has its error").isEmpty();
        assertThat(listeners(d, "Start")).isEmpty();
        assertThat(listeners(d, "End")).isEmpty();
        assertThat(JourneyListeners.EVENT_JOB_TYPE).isEqualTo("=\"ivr.event.\" + evsNode");
    }

    @Test
    void extension_elements_come_after_the_documentation_and_before_the_flows_as_bpmn_orders_them() {
        String documented = FLOW.replace("<bpmn:intermediateCatchEvent id=\"TimerEvent\">",
                "<bpmn:intermediateCatchEvent id=\"TimerEvent\"><bpmn:documentation>the wait</bpmn:documentation>");
        Element event = element(BpmnFacts.parse(JourneyListeners.addTo(documented)), "TimerEvent");
        List<String> children = new ArrayList<>();
        for (Node n = event.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                children.add(e.getLocalName());
            }
        }
        assertThat(children).containsExactly("documentation", "extensionElements", "incoming",
                "timerEventDefinition");
        Element timer = element(BpmnFacts.parse(JourneyListeners.addTo(FLOW)), "TimerEvent");
        assertThat(((Element) timer.getElementsByTagNameNS(BpmnFacts.BPMN_NS, "*").item(0)).getLocalName())
                .isEqualTo("extensionElements");
    }

    @Test
    void adding_twice_adds_nothing_more_and_a_flow_without_catch_events_is_deployed_as_stored() {
        String once = JourneyListeners.addTo(FLOW);
        assertThat(JourneyListeners.addTo(once)).isEqualTo(once);

        String plain = FLOW.replaceAll("(?s)<bpmn:intermediateCatchEvent.*?</bpmn:intermediateCatchEvent>", "");
        assertThat(plain).as("gateways alone need nothing").contains("ChoiceGateway", "SplitGateway");
        assertThat(JourneyListeners.addTo(plain)).isSameAs(plain);
    }

    private static List<String> listeners(Document d, String id) {
        List<String> found = new ArrayList<>();
        NodeList all = element(d, id).getElementsByTagNameNS(JourneyListeners.ZEEBE_NS, "executionListener");
        for (int i = 0; i < all.getLength(); i++) {
            Element l = (Element) all.item(i);
            found.add(l.getAttribute("eventType") + " " + l.getAttribute("type"));
        }
        return found;
    }

    private static Element element(Document d, String id) {
        NodeList all = d.getElementsByTagNameNS(BpmnFacts.BPMN_NS, "*");
        for (int i = 0; i < all.getLength(); i++) {
            if (id.equals(((Element) all.item(i)).getAttribute("id"))) {
                return (Element) all.item(i);
            }
        }
        throw new AssertionError("no element " + id);
    }
}
