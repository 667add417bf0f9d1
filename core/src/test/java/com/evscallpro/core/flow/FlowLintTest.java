package com.evscallpro.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Our flow rules, each on the smallest flow that breaks it, and a flow that breaks none. */
class FlowLintTest {

    private static final String HEAD = """
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="t">
            """;

    private static String process(String body) {
        return HEAD + "<bpmn:process id=\"p\" isExecutable=\"true\">" + body + "</bpmn:process>"
                + "</bpmn:definitions>";
    }

    private static String task(String id, String block, String inputs) {
        return "<bpmn:serviceTask id=\"" + id + "\"><bpmn:extensionElements><zeebe:taskDefinition type=\"=&quot;ivr."
                + block + ".&quot; + evsNode\" /><zeebe:ioMapping>" + inputs
                + "</zeebe:ioMapping></bpmn:extensionElements></bpmn:serviceTask>";
    }

    private static String flow(String id, String from, String to, String condition) {
        return "<bpmn:sequenceFlow id=\"" + id + "\" sourceRef=\"" + from + "\" targetRef=\"" + to + "\">"
                + (condition == null ? "" : "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">"
                + condition + "</bpmn:conditionExpression>") + "</bpmn:sequenceFlow>";
    }

    /** The errors (what refuses a publish), as {@code element:code[args]}. */
    private static List<String> codes(FlowKind kind, String xml) {
        return describe(FlowLint.check(kind, xml).stream().filter(FlowProblem::isError).toList());
    }

    /** The warnings (shown, not refusing), as {@code element:code[args]}. */
    private static List<String> warnings(FlowKind kind, String xml) {
        return describe(FlowLint.check(kind, xml).stream().filter(p -> !p.isError()).toList());
    }

    private static List<String> describe(List<FlowProblem> problems) {
        return problems.stream().map(p -> p.elementId() + ":" + p.code()
                + (p.args().isEmpty() ? "" : p.args().toString())).toList();
    }

    private static final String START_PLAY_END = "<bpmn:startEvent id=\"s\" />"
            + task("play", "play", "<zeebe:input source=\"hello-world\" target=\"prompt\" />")
            + task("bye", "hangup", "") + "<bpmn:endEvent id=\"e\" />" + flow("f1", "s", "play", null)
            + flow("f2", "play", "bye", null) + flow("f3", "bye", "e", null);

    @Test
    void a_flow_of_known_blocks_with_their_inputs_and_a_path_to_the_end_has_no_problem() {
        assertThat(FlowLint.check(FlowKind.IVR, process(START_PLAY_END))).isEmpty();
    }

    @Test
    void an_unknown_job_type_is_refused_and_named() {
        String xml = process("<bpmn:startEvent id=\"s\" /><bpmn:serviceTask id=\"x\"><bpmn:extensionElements>"
                + "<zeebe:taskDefinition type=\"send-email\" /></bpmn:extensionElements></bpmn:serviceTask>"
                + "<bpmn:endEvent id=\"e\" />" + flow("f1", "s", "x", null) + flow("f2", "x", "e", null));
        assertThat(codes(FlowKind.IVR, xml)).containsExactly("x:unknown-job-type[send-email]");
        // the outbound journey's own types are known there, not IVR blocks
        assertThat(FlowJobTypes.known(FlowKind.OUTBOUND_CALL, "pbx.originate")).isTrue();
        assertThat(FlowJobTypes.known(FlowKind.OUTBOUND_CALL, "=\"ivr.play.\" + evsNode")).isFalse();
        assertThat(FlowJobTypes.known(FlowKind.IVR, "=\"ivr.teleport.\" + evsNode")).isFalse();
        assertThat(FlowJobTypes.known(FlowKind.IVR, "ivr.menu.node-2")).isTrue();
    }

    @Test
    void a_block_whose_job_type_names_one_node_is_refused() {
        String xml = process("<bpmn:startEvent id=\"s\" /><bpmn:serviceTask id=\"p\"><bpmn:extensionElements>"
                + "<zeebe:taskDefinition type=\"ivr.hangup.node-1\" /></bpmn:extensionElements></bpmn:serviceTask>"
                + "<bpmn:endEvent id=\"e\" />" + flow("f1", "s", "p", null) + flow("f2", "p", "e", null));
        assertThat(codes(FlowKind.IVR, xml)).containsExactly("p:job-type-fixed-node[ivr.hangup.node-1]");
    }

    @Test
    void a_block_without_a_required_input_is_refused() {
        String xml = process("<bpmn:startEvent id=\"s\" />" + task("q", "queue", "<zeebe:input source=\"\" target=\"queue\" />")
                + "<bpmn:endEvent id=\"e\" />" + flow("f1", "s", "q", null) + flow("f2", "q", "e", null));
        assertThat(codes(FlowKind.IVR, xml)).containsExactly("q:required-input[queue, queue]");
    }

    @Test
    void dead_ends_and_unreachable_elements_are_pointed_at() {
        String xml = process("<bpmn:startEvent id=\"s\" />"
                + task("play", "play", "<zeebe:input source=\"a\" target=\"prompt\" />")
                + task("orphan", "hangup", "") + "<bpmn:endEvent id=\"e\" />" + flow("f1", "s", "play", null)
                + flow("f2", "orphan", "e", null));
        assertThat(codes(FlowKind.IVR, xml)).containsExactly("orphan:unreachable", "play:dead-end");
    }

    @Test
    void every_menu_choice_needs_a_branch_unless_the_gateway_has_a_default() {
        String menu = task("menu", "menu", "<zeebe:input source=\"m\" target=\"prompt\" />"
                + "<zeebe:input source=\"1,2,3\" target=\"choices\" />");
        String body = "<bpmn:startEvent id=\"s\" />" + menu + "<bpmn:exclusiveGateway id=\"g\" %s/>"
                + "<bpmn:endEvent id=\"e1\" /><bpmn:endEvent id=\"e2\" />" + flow("f1", "s", "menu", null)
                + flow("f2", "menu", "g", null) + flow("c1", "g", "e1", "=menuChoice = \"1\"")
                + flow("c2", "g", "e2", "=menuChoice = \"2\"");
        assertThat(codes(FlowKind.IVR, process(body.formatted("")))).containsExactly("menu:menu-choice-unhandled[3]");
        assertThat(codes(FlowKind.IVR, process(body.formatted("default=\"c2\" ")))).isEmpty();
    }

    @Test
    void elements_we_do_not_run_are_refused_by_kind_of_flow() {
        String body = "<bpmn:startEvent id=\"s\" /><bpmn:%s id=\"x\" /><bpmn:endEvent id=\"e\" />"
                + flow("f1", "s", "x", null) + flow("f2", "x", "e", null);
        assertThat(codes(FlowKind.IVR, process(body.formatted("businessRuleTask"))))
                .containsExactly("x:unsupported-element[businessRuleTask]");
        assertThat(codes(FlowKind.IVR, process(body.formatted("userTask"))))
                .containsExactly("x:unsupported-element[userTask]");
        assertThat(codes(FlowKind.OUTBOUND_CALL, process(body.formatted("userTask")))).isEmpty();
        assertThat(codes(FlowKind.IVR, process(body.formatted("manualTask")))).isEmpty();
    }

    @Test
    void a_caught_message_needs_a_correlation_key() {
        String xml = HEAD + "<bpmn:message id=\"m1\" name=\"queue-answered\" />"
                + "<bpmn:process id=\"p\" isExecutable=\"true\"><bpmn:startEvent id=\"s\" />"
                + "<bpmn:intermediateCatchEvent id=\"wait\"><bpmn:messageEventDefinition messageRef=\"m1\" />"
                + "</bpmn:intermediateCatchEvent><bpmn:endEvent id=\"e\" />" + flow("f1", "s", "wait", null)
                + flow("f2", "wait", "e", null) + "</bpmn:process></bpmn:definitions>";
        assertThat(codes(FlowKind.IVR, xml)).containsExactly("wait:message-no-correlation-key[queue-answered]");
        String keyed = xml.replace("<bpmn:message id=\"m1\" name=\"queue-answered\" />",
                "<bpmn:message id=\"m1\" name=\"queue-answered\"><bpmn:extensionElements>"
                        + "<zeebe:subscription correlationKey=\"=callId\" /></bpmn:extensionElements></bpmn:message>");
        assertThat(codes(FlowKind.IVR, keyed)).isEmpty();
    }

    @Test
    void an_ivr_path_that_ends_without_hanging_up_or_handing_over_is_a_warning_on_its_end() {
        String menu = task("menu", "menu", "<zeebe:input source=\"m\" target=\"prompt\" />"
                + "<zeebe:input source=\"1,2\" target=\"choices\" />");
        // choice 1 says goodbye and hangs up; choice 2 plays a message and ends: silence after it
        String body = "<bpmn:startEvent id=\"s\" />" + menu + "<bpmn:exclusiveGateway id=\"g\" />"
                + task("bye", "hangup", "") + task("info", "play", "<zeebe:input source=\"i\" target=\"prompt\" />")
                + "<bpmn:endEvent id=\"e1\" /><bpmn:endEvent id=\"e2\" />" + flow("f1", "s", "menu", null)
                + flow("f2", "menu", "g", null) + flow("c1", "g", "bye", "=menuChoice = \"1\"")
                + flow("c2", "g", "info", "=menuChoice = \"2\"") + flow("f3", "bye", "e1", null)
                + flow("f4", "info", "e2", null);
        assertThat(codes(FlowKind.IVR, process(body))).isEmpty();
        assertThat(warnings(FlowKind.IVR, process(body))).containsExactly("e2:ends-in-silence[info]");
        // a warning does not refuse: the outbound journey has no such rule
        assertThat(FlowLint.check(FlowKind.OUTBOUND_CALL, process(body)).stream()
                .filter(p -> "ends-in-silence".equals(p.code()))).isEmpty();
        // an empty flow leaves the caller in silence from the start
        assertThat(warnings(FlowKind.IVR, process("<bpmn:startEvent id=\"s\" /><bpmn:endEvent id=\"e\" />"
                + flow("f1", "s", "e", null)))).containsExactly("e:ends-in-silence[s]");
    }

    @Test
    void a_queue_answered_by_an_agent_or_a_transfer_hands_the_call_over_but_a_failure_branch_does_not() {
        String xml = HEAD + "<bpmn:message id=\"m1\" name=\"queue-answered\"><bpmn:extensionElements>"
                + "<zeebe:subscription correlationKey=\"=callId\" /></bpmn:extensionElements></bpmn:message>"
                + "<bpmn:process id=\"p\" isExecutable=\"true\"><bpmn:startEvent id=\"s\" />"
                + task("q", "queue", "<zeebe:input source=\"Sales\" target=\"queue\" />")
                + "<bpmn:eventBasedGateway id=\"g\" />"
                + "<bpmn:intermediateCatchEvent id=\"answered\"><bpmn:messageEventDefinition messageRef=\"m1\" />"
                + "</bpmn:intermediateCatchEvent>"
                + "<bpmn:intermediateCatchEvent id=\"tooLong\"><bpmn:timerEventDefinition><bpmn:timeDuration>PT2M"
                + "</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>"
                + task("out", "transfer", "<zeebe:input source=\"+33100000000\" target=\"number\" />"
                + "<zeebe:input source=\"main\" target=\"trunk\" />")
                + "<bpmn:boundaryEvent id=\"failed\" attachedToRef=\"out\"><bpmn:errorEventDefinition />"
                + "</bpmn:boundaryEvent>"
                + "<bpmn:endEvent id=\"e1\" /><bpmn:endEvent id=\"e2\" /><bpmn:endEvent id=\"e3\" />"
                + flow("f1", "s", "q", null) + flow("f2", "q", "g", null) + flow("f3", "g", "answered", null)
                + flow("f4", "g", "tooLong", null) + flow("f5", "answered", "e1", null)
                + flow("f6", "tooLong", "out", null) + flow("f7", "out", "e2", null)
                + flow("f8", "failed", "e3", null) + "</bpmn:process></bpmn:definitions>";
        assertThat(codes(FlowKind.IVR, xml)).isEmpty();
        assertThat(warnings(FlowKind.IVR, xml)).containsExactly("e3:ends-in-silence[failed]");
    }

    @Test
    void the_prompts_a_flow_names_literally_are_listed_for_the_library_check() {
        String xml = process("<bpmn:startEvent id=\"s\" />"
                + task("menu", "menu", "<zeebe:input source=\"welcome\" target=\"prompt\" />"
                + "<zeebe:input source=\"=lang + &quot;-oops&quot;\" target=\"invalidPrompt\" />"
                + "<zeebe:input source=\"try-again\" target=\"noInputPrompt\" />"
                + "<zeebe:input source=\"1\" target=\"choices\" />")
                + task("bye", "hangup", "<zeebe:input source=\"none\" target=\"prompt\" />")
                + "<bpmn:endEvent id=\"e\" />" + flow("f1", "s", "menu", null) + flow("f2", "menu", "bye", null)
                + flow("f3", "bye", "e", null));
        assertThat(FlowLint.promptReferences(xml))
                .containsExactly(java.util.Map.entry("menu", java.util.Map.of("prompt", "welcome", "noInputPrompt",
                        "try-again")));
    }
}
