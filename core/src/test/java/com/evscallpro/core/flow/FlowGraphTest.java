package com.evscallpro.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.flow.FlowGraph.Crossing;
import com.evscallpro.core.flow.FlowGraph.Exit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The gateways between two elements of a call's journey, read on the diagram (the IVR writes the gateways' rows from
 * them; the engine driving a real call is checked in the sandbox: DemoFlowBranchesEndToEndTest, IvrEndToEndTest).
 */
class FlowGraphTest {

    /**
     * Start → Menu → Choice: "1" → A → End; "9" → Menu again; else → Split (parallel) → B, C → Join → Queue →
     * Wait (event-based) → Answered → End, or MaxWait → Bye → End; Menu's NoInput error → Bye. Scripted is a FEEL
     * script task (no job) between Choice and A's twin A2 inside a sub-process.
     */
    static final String FLOW = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                              xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="urn:t">
              <bpmn:process id="walk" isExecutable="true">
                <bpmn:startEvent id="Start"/>
                <bpmn:serviceTask id="Menu"><bpmn:extensionElements><zeebe:taskDefinition type="=&quot;ivr.menu.&quot; + evsNode"/></bpmn:extensionElements></bpmn:serviceTask>
                <bpmn:boundaryEvent id="NoInput" attachedToRef="Menu"><bpmn:errorEventDefinition/></bpmn:boundaryEvent>
                <bpmn:exclusiveGateway id="Choice"/>
                <bpmn:serviceTask id="A"/>
                <bpmn:scriptTask id="Scripted"><bpmn:extensionElements><zeebe:script expression="=1" resultVariable="x"/></bpmn:extensionElements></bpmn:scriptTask>
                <bpmn:subProcess id="Sub">
                  <bpmn:startEvent id="SubStart"/>
                  <bpmn:exclusiveGateway id="SubGateway"/>
                  <bpmn:serviceTask id="A2"/>
                  <bpmn:endEvent id="SubEnd"/>
                  <bpmn:sequenceFlow id="S1" sourceRef="SubStart" targetRef="SubGateway"/>
                  <bpmn:sequenceFlow id="S2" sourceRef="SubGateway" targetRef="A2"/>
                  <bpmn:sequenceFlow id="S3" sourceRef="A2" targetRef="SubEnd"/>
                </bpmn:subProcess>
                <bpmn:parallelGateway id="Split"/>
                <bpmn:serviceTask id="B"/>
                <bpmn:serviceTask id="C"/>
                <bpmn:parallelGateway id="Join"/>
                <bpmn:serviceTask id="Queue"/>
                <bpmn:eventBasedGateway id="Wait"/>
                <bpmn:intermediateCatchEvent id="Answered"><bpmn:messageEventDefinition/></bpmn:intermediateCatchEvent>
                <bpmn:intermediateCatchEvent id="MaxWait"><bpmn:timerEventDefinition/></bpmn:intermediateCatchEvent>
                <bpmn:serviceTask id="Bye"/>
                <bpmn:endEvent id="End"/>
                <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Menu"/>
                <bpmn:sequenceFlow id="F2" sourceRef="Menu" targetRef="Choice"/>
                <bpmn:sequenceFlow id="F3" sourceRef="Choice" targetRef="A"/>
                <bpmn:sequenceFlow id="F4" sourceRef="Choice" targetRef="Menu"/>
                <bpmn:sequenceFlow id="F5" sourceRef="Choice" targetRef="Split"/>
                <bpmn:sequenceFlow id="F5b" sourceRef="Choice" targetRef="Scripted"/>
                <bpmn:sequenceFlow id="F5c" sourceRef="Scripted" targetRef="Sub"/>
                <bpmn:sequenceFlow id="F5d" sourceRef="Sub" targetRef="Bye"/>
                <bpmn:sequenceFlow id="F6" sourceRef="Split" targetRef="B"/>
                <bpmn:sequenceFlow id="F7" sourceRef="Split" targetRef="C"/>
                <bpmn:sequenceFlow id="F8" sourceRef="B" targetRef="Join"/>
                <bpmn:sequenceFlow id="F9" sourceRef="C" targetRef="Join"/>
                <bpmn:sequenceFlow id="F10" sourceRef="Join" targetRef="Queue"/>
                <bpmn:sequenceFlow id="F11" sourceRef="Queue" targetRef="Wait"/>
                <bpmn:sequenceFlow id="F12" sourceRef="Wait" targetRef="Answered"/>
                <bpmn:sequenceFlow id="F13" sourceRef="Wait" targetRef="MaxWait"/>
                <bpmn:sequenceFlow id="F14" sourceRef="Answered" targetRef="End"/>
                <bpmn:sequenceFlow id="F15" sourceRef="MaxWait" targetRef="Bye"/>
                <bpmn:sequenceFlow id="F16" sourceRef="NoInput" targetRef="Bye"/>
                <bpmn:sequenceFlow id="F17" sourceRef="Bye" targetRef="End"/>
                <bpmn:sequenceFlow id="F18" sourceRef="A" targetRef="End"/>
              </bpmn:process>
            </bpmn:definitions>
            """.strip();

    private final FlowGraph graph = FlowGraph.of(FLOW);

    @Test
    void the_gateways_between_two_steps_come_with_the_branch_each_took() {
        assertThat(graph.starts()).containsExactly("Start");
        assertThat(graph.between("Start", Exit.COMPLETED, "Menu")).isEmpty();
        assertThat(graph.between("Menu", Exit.COMPLETED, "A")).containsExactly(new Crossing("Choice", "A"));
        assertThat(graph.between("Menu", Exit.COMPLETED, "Menu")).as("the menu asked again")
                .containsExactly(new Crossing("Choice", "Menu"));
        assertThat(graph.between("Menu", Exit.COMPLETED, "B"))
                .containsExactly(new Crossing("Choice", "Split"), new Crossing("Split", "B"));
        assertThat(graph.between("Split", Exit.COMPLETED, "C")).as("a fork names itself first")
                .containsExactly(new Crossing("Split", "C"));
        assertThat(graph.between("B", Exit.COMPLETED, "Queue")).containsExactly(new Crossing("Join", "Queue"));
        assertThat(graph.between("Queue", Exit.COMPLETED, "MaxWait"))
                .containsExactly(new Crossing("Wait", "MaxWait"));
        assertThat(graph.between("MaxWait", Exit.COMPLETED, "Bye")).isEmpty();
    }

    @Test
    void a_blocks_error_goes_by_its_boundary_events_and_job_less_elements_and_sub_processes_are_crossed() {
        assertThat(graph.between("Menu", Exit.ERROR, "Bye")).isEmpty();
        assertThat(graph.between("Menu", Exit.COMPLETED, "Bye")).as("a completed menu does not reach Bye directly")
                .isNull();
        assertThat(graph.between("Menu", Exit.ANY, "Bye")).isEmpty();
        assertThat(graph.between("Menu", Exit.COMPLETED, "A2"))
                .containsExactly(new Crossing("Choice", "Scripted"), new Crossing("SubGateway", "A2"));
        assertThat(graph.between("A2", Exit.COMPLETED, "Bye")).as("out of the sub-process").isEmpty();
        assertThat(graph.between("A", Exit.COMPLETED, "Menu")).as("no way without another job").isNull();
        assertThat(graph.between("Menu", Exit.COMPLETED, "Nowhere")).isNull();
    }

    @Test
    void after_the_last_step_the_gateways_certainly_crossed_and_the_first_whose_branch_is_unknown() {
        assertThat(graph.after("Queue")).containsExactly(new Crossing("Wait", null));
        assertThat(graph.after("Menu")).containsExactly(new Crossing("Choice", null));
        assertThat(graph.after("B")).containsExactly(new Crossing("Join", "Queue"));
        assertThat(graph.after("A")).isEmpty();
    }

    @Test
    void forks_are_the_parallel_and_inclusive_gateways_with_several_ways_out() {
        assertThat(graph.isFork("Split")).isTrue();
        assertThat(graph.isFork("Join")).isFalse();
        assertThat(graph.isFork("Choice")).isFalse();
        assertThat(graph.waysOut("Split")).isEqualTo(2);
        assertThat(graph.isGateway("Wait")).isTrue();
        assertThat(graph.isGateway("Queue")).isFalse();
    }
}
