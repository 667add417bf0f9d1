package com.evscallpro.workers.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.flow.FlowGraph;
import com.evscallpro.workers.ivr.JourneyTrail.Mark;
import com.evscallpro.workers.ivr.JourneyTrail.Passed;
import com.evscallpro.workers.ivr.JourneyTrail.State;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A call's journey told from its blocks and events only, the gateways found on the diagram: the order the engine
 * runs them in (the engine itself drives them in the sandbox: DemoFlowBranchesEndToEndTest, IvrEndToEndTest).
 */
class JourneyTrailTest {

    /**
     * Start → Menu → Choice: "9" → Menu; "1" → Split (parallel) → B, C → Join → Queue → Wait (event-based) →
     * Answered / MaxWait → Bye → End; else → Incl (inclusive) → D, E → Bye.
     */
    private static final String FLOW = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="urn:t">
              <bpmn:process id="trail" isExecutable="true">
                <bpmn:startEvent id="Start"/>
                <bpmn:serviceTask id="Menu"/>
                <bpmn:exclusiveGateway id="Choice"/>
                <bpmn:parallelGateway id="Split"/>
                <bpmn:serviceTask id="B"/>
                <bpmn:serviceTask id="C"/>
                <bpmn:parallelGateway id="Join"/>
                <bpmn:serviceTask id="Queue"/>
                <bpmn:eventBasedGateway id="Wait"/>
                <bpmn:intermediateCatchEvent id="Answered"><bpmn:messageEventDefinition/></bpmn:intermediateCatchEvent>
                <bpmn:intermediateCatchEvent id="MaxWait"><bpmn:timerEventDefinition/></bpmn:intermediateCatchEvent>
                <bpmn:inclusiveGateway id="Incl"/>
                <bpmn:serviceTask id="D"/>
                <bpmn:serviceTask id="E"/>
                <bpmn:serviceTask id="Bye"/>
                <bpmn:endEvent id="End"/>
                <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Menu"/>
                <bpmn:sequenceFlow id="F2" sourceRef="Menu" targetRef="Choice"/>
                <bpmn:sequenceFlow id="F3" sourceRef="Choice" targetRef="Menu"/>
                <bpmn:sequenceFlow id="F4" sourceRef="Choice" targetRef="Split"/>
                <bpmn:sequenceFlow id="F5" sourceRef="Choice" targetRef="Incl"/>
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
                <bpmn:sequenceFlow id="F16" sourceRef="Incl" targetRef="D"/>
                <bpmn:sequenceFlow id="F17" sourceRef="Incl" targetRef="E"/>
                <bpmn:sequenceFlow id="F18" sourceRef="D" targetRef="Bye"/>
                <bpmn:sequenceFlow id="F19" sourceRef="E" targetRef="Bye"/>
                <bpmn:sequenceFlow id="F20" sourceRef="Bye" targetRef="End"/>
              </bpmn:process>
            </bpmn:definitions>
            """.strip();

    private final FlowGraph graph = FlowGraph.of(FLOW);
    private final JourneyTrail trail = new JourneyTrail();
    private final Instant t0 = Instant.parse("2026-12-07T10:00:00Z");
    private int second;

    @Test
    void a_menu_asked_again_then_both_parallel_branches_then_the_join_then_the_event_that_fired() {
        done(arrive("Menu"), State.COMPLETED);
        List<Passed> again = new ArrayList<>();
        done(trail.arrive(graph, "Menu", at(), true, t0, again), State.COMPLETED);
        assertThat(branches(again)).as("the menu asked again").containsExactly("Choice>Menu");
        List<Passed> toB = new ArrayList<>();
        Mark b = trail.arrive(graph, "B", at(), true, t0, toB);
        assertThat(branches(toB)).containsExactly("Choice>Split", "Split>B");
        List<Passed> toC = new ArrayList<>();
        Mark c = trail.arrive(graph, "C", at(), true, t0, toC);
        assertThat(branches(toC)).as("the other branch of the fork, while B still runs").containsExactly("Split>C");
        b.left(State.COMPLETED, at());
        c.left(State.COMPLETED, at());
        List<Passed> toQueue = new ArrayList<>();
        trail.arrive(graph, "Queue", at(), true, t0, toQueue).left(State.COMPLETED, at());
        assertThat(branches(toQueue)).as("the join, once").containsExactly("Join>Queue");
        List<Passed> toEvent = new ArrayList<>();
        Instant fired = at();
        trail.arrive(graph, "MaxWait", fired, false, t0, toEvent);
        assertThat(branches(toEvent)).containsExactly("Wait>MaxWait");
        assertThat(toEvent.get(0).endedAt()).as("the wait is on the gateway's row").isEqualTo(fired);
        List<Passed> toBye = new ArrayList<>();
        trail.arrive(graph, "Bye", at(), true, t0, toBye);
        assertThat(toBye).isEmpty();
    }

    @Test
    void an_inclusive_gateway_records_every_branch_it_took() {
        done(arrive("Menu"), State.COMPLETED);
        List<Passed> toD = new ArrayList<>();
        Mark d = trail.arrive(graph, "D", at(), true, t0, toD);
        List<Passed> toE = new ArrayList<>();
        Mark e = trail.arrive(graph, "E", at(), true, t0, toE);
        assertThat(branches(toD)).containsExactly("Choice>Incl", "Incl>D");
        assertThat(branches(toE)).containsExactly("Incl>E");
        d.left(State.COMPLETED, at());
        e.left(State.COMPLETED, at());
        List<Passed> toBye = new ArrayList<>();
        trail.arrive(graph, "Bye", at(), true, t0, toBye);
        assertThat(toBye).isEmpty();
    }

    @Test
    void a_hang_up_while_queued_leaves_the_event_based_gateway_without_a_branch() {
        done(arrive("Menu"), State.COMPLETED);
        trail.arrive(graph, "B", at(), true, t0, new ArrayList<>()).left(State.COMPLETED, at());
        trail.arrive(graph, "C", at(), true, t0, new ArrayList<>()).left(State.COMPLETED, at());
        trail.arrive(graph, "Queue", at(), true, t0, new ArrayList<>()).left(State.COMPLETED, at());
        Instant hungUp = at();
        List<Passed> closed = trail.close(graph, hungUp);
        assertThat(closed).extracting(Passed::gatewayId, Passed::next).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Wait", null));
        assertThat(closed.get(0).endedAt()).isEqualTo(hungUp);
    }

    @Test
    void a_hang_up_while_the_queue_block_still_runs_is_closed_once_the_block_completes() {
        done(arrive("Menu"), State.COMPLETED);
        trail.arrive(graph, "B", at(), true, t0, new ArrayList<>()).left(State.COMPLETED, at());
        trail.arrive(graph, "C", at(), true, t0, new ArrayList<>()).left(State.COMPLETED, at());
        Mark queue = trail.arrive(graph, "Queue", at(), true, t0, new ArrayList<>());
        assertThat(trail.close(graph, at())).as("the queue block still runs").isEmpty();
        queue.left(State.COMPLETED, at());
        assertThat(trail.close(graph, at())).as("closed again once it completed")
                .extracting(Passed::gatewayId, Passed::next)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Wait", null));
        assertThat(trail.close(graph, at())).as("nothing twice").isEmpty();
    }

    @Test
    void a_block_still_running_or_hung_up_in_leaves_no_gateway_after_it() {
        Mark menu = arrive("Menu");
        assertThat(trail.close(graph, at())).as("the caller hung up during the menu").isEmpty();
        JourneyTrail other = new JourneyTrail();
        other.arrive(graph, "Menu", at(), true, t0, new ArrayList<>()).left(State.ENDED, at());
        assertThat(other.close(graph, at())).isEmpty();
        assertThat(menu.state).isEqualTo(State.RUNNING);
    }

    private Mark arrive(String element) {
        List<Passed> passed = new ArrayList<>();
        Mark m = trail.arrive(graph, element, at(), true, t0, passed);
        assertThat(passed).isEmpty();
        return m;
    }

    private void done(Mark m, State how) {
        m.left(how, at());
    }

    private Instant at() {
        return t0.plusSeconds(++second);
    }

    private static List<String> branches(List<Passed> passed) {
        return passed.stream().map(p -> p.gatewayId() + ">" + p.next()).toList();
    }
}
