package com.evscallpro.core.flow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Our rules for a flow, beside the engine's own model validation; each problem points at its element. The browser
 * editor checks the same rules before the analyst publishes (shared fixtures keep both in agreement).
 * <ul>
 *   <li>{@code unknown-job-type}: a service task no worker of ours serves (args: the type);</li>
 *   <li>{@code job-type-fixed-node}: an IVR block whose job type names one node ({@code ivr.menu.node-1}) instead
 *   of the call's ({@code ="ivr.menu." + evsNode}): a call answered by another node would wait for a job only that
 *   node takes, without the caller's channel (args: the type);</li>
 *   <li>{@code required-input}: an IVR block without an input it cannot run without (args: block, input);</li>
 *   <li>{@code dead-end}: an element other than an end event with no way out;</li>
 *   <li>{@code unreachable}: an element no path leads to;</li>
 *   <li>{@code menu-choice-unhandled}: a menu choice no branch after the menu takes, with no default branch (args:
 *   the choice);</li>
 *   <li>{@code message-no-correlation-key}: a message caught without a correlation key (args: the message name);</li>
 *   <li>{@code unsupported-element}: an element EVSCallPro does not run in this kind of flow (args: its type): a
 *   business rule task (no decision tables are deployed), a call activity, and in an IVR flow a user task (no one
 *   fills a form during an IVR call).</li>
 * </ul>
 * Warnings (the flow is published anyway, the analyst is told):
 * <ul>
 *   <li>{@code ends-in-silence}: in an IVR flow, an end event that a path reaches without the call being ended or
 *   handed over first (a hang-up or transfer block, or an agent answering from a queue): the caller would hear
 *   silence until the runtime's watchdog sends them down the safe path (args: the element just before, or the
 *   start);</li>
 *   <li>{@code prompt-not-in-library} (checked by the flow service, which knows the library): a block names a prompt
 *   the library does not have; Asterisk plays it only if it has a sound of its own by that name (args: input,
 *   name).</li>
 * </ul>
 */
final class FlowLint {

    static final String ZEEBE_NS = "http://camunda.org/schema/zeebe/1.0";
    private static final Set<String> FLOW_NODES = Set.of("startEvent", "endEvent", "intermediateCatchEvent",
            "intermediateThrowEvent", "boundaryEvent", "task", "serviceTask", "userTask", "sendTask", "receiveTask",
            "scriptTask", "businessRuleTask", "manualTask", "callActivity", "subProcess", "exclusiveGateway",
            "parallelGateway", "inclusiveGateway", "eventBasedGateway");
    private static final Set<String> UNSUPPORTED = Set.of("businessRuleTask", "callActivity");
    private static final Pattern CHOICE_TEST = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*\"([0-9*#]+)\"");

    private FlowLint() {
    }

    static List<FlowProblem> check(FlowKind kind, String xml) {
        Document doc = BpmnFacts.parse(xml);
        List<FlowProblem> problems = new ArrayList<>();
        Map<String, Element> nodes = new HashMap<>();
        Map<String, List<Element>> outgoing = new HashMap<>();
        Map<String, List<Element>> incoming = new HashMap<>();
        NodeList all = doc.getElementsByTagNameNS(BpmnFacts.BPMN_NS, "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (FLOW_NODES.contains(e.getLocalName()) && !e.getAttribute("id").isEmpty()) {
                nodes.put(e.getAttribute("id"), e);
            } else if ("sequenceFlow".equals(e.getLocalName())) {
                outgoing.computeIfAbsent(e.getAttribute("sourceRef"), k -> new ArrayList<>()).add(e);
                incoming.computeIfAbsent(e.getAttribute("targetRef"), k -> new ArrayList<>()).add(e);
            }
        }
        Map<String, Element> messages = new HashMap<>();
        NodeList messageList = doc.getElementsByTagNameNS(BpmnFacts.BPMN_NS, "message");
        for (int i = 0; i < messageList.getLength(); i++) {
            Element m = (Element) messageList.item(i);
            messages.put(m.getAttribute("id"), m);
        }
        for (Element node : nodes.values()) {
            String id = node.getAttribute("id");
            String type = node.getLocalName();
            boolean inSubProcessStart = "startEvent".equals(type)
                    && "subProcess".equals(((Element) node.getParentNode()).getLocalName());
            if (UNSUPPORTED.contains(type) || kind == FlowKind.IVR && "userTask".equals(type)) {
                problems.add(new FlowProblem(id, "unsupported-element", List.of(type),
                        "EVSCallPro does not run a " + type + " in this kind of flow"));
                continue;
            }
            if ("serviceTask".equals(type) || "sendTask".equals(type)) {
                serviceTask(kind, node, problems);
            }
            if (!"endEvent".equals(type) && outgoing.getOrDefault(id, List.of()).isEmpty()
                    && !isEventSubProcessOrCompensation(node)) {
                problems.add(new FlowProblem(id, "dead-end", List.of(), "nothing follows this element"));
            }
            if (!"startEvent".equals(type) && !"boundaryEvent".equals(type) && !inSubProcessStart
                    && incoming.getOrDefault(id, List.of()).isEmpty()) {
                problems.add(new FlowProblem(id, "unreachable", List.of(), "no path leads to this element"));
            }
            Element messageDef = child(node, BpmnFacts.BPMN_NS, "messageEventDefinition");
            if (messageDef != null && !"endEvent".equals(type) && !"intermediateThrowEvent".equals(type)
                    && !"startEvent".equals(type)) {
                Element message = messages.get(messageDef.getAttribute("messageRef"));
                Element subscription = message == null ? null : descendant(message, ZEEBE_NS, "subscription");
                if (subscription == null || subscription.getAttribute("correlationKey").isBlank()) {
                    String name = message == null ? messageDef.getAttribute("messageRef") : message.getAttribute("name");
                    problems.add(new FlowProblem(id, "message-no-correlation-key", List.of(name),
                            "the message " + name + " has no correlation key"));
                }
            }
        }
        menus(kind, nodes, outgoing, problems);
        if (kind == FlowKind.IVR) {
            silentEnds(nodes, incoming, messages, problems);
        }
        problems.sort(java.util.Comparator.comparing((FlowProblem p) -> p.elementId() == null ? "" : p.elementId())
                .thenComparing(FlowProblem::code));
        return problems;
    }

    private static void serviceTask(FlowKind kind, Element node, List<FlowProblem> problems) {
        String id = node.getAttribute("id");
        Element definition = descendant(node, ZEEBE_NS, "taskDefinition");
        String type = definition == null ? "" : definition.getAttribute("type");
        if (!FlowJobTypes.known(kind, type)) {
            problems.add(new FlowProblem(id, "unknown-job-type", List.of(type),
                    "no EVSCallPro worker serves the job type '" + type + "'"));
            return;
        }
        String block = kind == FlowKind.IVR ? FlowJobTypes.ivrBlock(type) : null;
        if (block == null) {
            return;
        }
        if (!type.strip().startsWith("=")) {
            problems.add(new FlowProblem(id, "job-type-fixed-node", List.of(type),
                    "the job type '" + type + "' names one node: use =\"ivr." + block + ".\" + evsNode"));
        }
        Map<String, String> inputs = inputs(node);
        for (String required : FlowJobTypes.IVR_REQUIRED_INPUTS.getOrDefault(block, List.of())) {
            String value = inputs.get(required);
            if (value == null || value.isBlank() || "=".equals(value.strip())) {
                problems.add(new FlowProblem(id, "required-input", List.of(block, required),
                        "the " + block + " block needs '" + required + "'"));
            }
        }
    }

    /** Each menu's choices must each be taken by a branch of the exclusive gateway right after it (or a default). */
    private static void menus(FlowKind kind, Map<String, Element> nodes, Map<String, List<Element>> outgoing,
                              List<FlowProblem> problems) {
        if (kind != FlowKind.IVR) {
            return;
        }
        for (Element node : nodes.values()) {
            Element definition = descendant(node, ZEEBE_NS, "taskDefinition");
            if (definition == null || !"menu".equals(FlowJobTypes.ivrBlock(definition.getAttribute("type")))) {
                continue;
            }
            Map<String, String> inputs = inputs(node);
            String choices = inputs.getOrDefault("choices", "");
            if (choices.isBlank() || choices.strip().startsWith("=")) {
                continue; // computed at run time: nothing to check here
            }
            String variable = inputs.getOrDefault("resultVariable", "menuChoice");
            Set<String> handled = new HashSet<>();
            boolean hasDefault = false;
            for (Element flow : outgoing.getOrDefault(node.getAttribute("id"), List.of())) {
                Element next = nodes.get(flow.getAttribute("targetRef"));
                if (next == null || !"exclusiveGateway".equals(next.getLocalName())) {
                    hasDefault = true; // the menu goes on unconditionally: every choice is handled downstream
                    continue;
                }
                hasDefault |= !next.getAttribute("default").isEmpty();
                for (Element branch : outgoing.getOrDefault(next.getAttribute("id"), List.of())) {
                    Element condition = child(branch, BpmnFacts.BPMN_NS, "conditionExpression");
                    if (condition == null) {
                        continue;
                    }
                    Matcher m = CHOICE_TEST.matcher(condition.getTextContent());
                    while (m.find()) {
                        if (m.group(1).equals(variable)) {
                            handled.add(m.group(2));
                        }
                    }
                }
            }
            if (hasDefault) {
                continue;
            }
            Set<String> expected = new LinkedHashSet<>(List.of(choices.strip().split("[ ,]+")));
            for (String choice : expected) {
                if (!choice.isEmpty() && !handled.contains(choice)) {
                    problems.add(new FlowProblem(node.getAttribute("id"), "menu-choice-unhandled", List.of(choice),
                            "no branch takes the choice " + choice));
                }
            }
        }
    }

    /** The inputs of IVR blocks that name a prompt. */
    static final List<String> PROMPT_INPUTS = List.of("prompt", "invalidPrompt", "noInputPrompt");

    /**
     * The prompts an IVR flow names literally, per element: input → name (computed values, {@code =…}, and
     * {@code none}, silence, are left out): what the flow service checks against the prompt library.
     */
    static Map<String, Map<String, String>> promptReferences(String xml) {
        Document doc = BpmnFacts.parse(xml);
        Map<String, Map<String, String>> references = new java.util.TreeMap<>();
        NodeList tasks = doc.getElementsByTagNameNS(BpmnFacts.BPMN_NS, "serviceTask");
        for (int i = 0; i < tasks.getLength(); i++) {
            Element task = (Element) tasks.item(i);
            Element definition = descendant(task, ZEEBE_NS, "taskDefinition");
            if (definition == null || FlowJobTypes.ivrBlock(definition.getAttribute("type")) == null) {
                continue;
            }
            Map<String, String> inputs = inputs(task);
            for (String input : PROMPT_INPUTS) {
                String value = inputs.get(input);
                if (value != null && !value.isBlank() && !value.strip().startsWith("=")
                        && !"none".equals(value.strip())) {
                    references.computeIfAbsent(task.getAttribute("id"), k -> new java.util.LinkedHashMap<>())
                            .put(input, value.strip());
                }
            }
        }
        return references;
    }

    /**
     * Each end event of the process (not of a sub-process) must be reached only once the call is over for the flow:
     * walking back from it through gateways and non-answering events, every way must meet a hang-up or transfer
     * block, or a {@code queue-answered} message (an agent has the caller), before it meets another block, a
     * boundary event (a block's failure branch) or the start.
     */
    private static void silentEnds(Map<String, Element> nodes, Map<String, List<Element>> incoming,
                                   Map<String, Element> messages, List<FlowProblem> problems) {
        for (Element end : nodes.values()) {
            if (!"endEvent".equals(end.getLocalName())
                    || !"process".equals(((Element) end.getParentNode()).getLocalName())
                    || child(end, BpmnFacts.BPMN_NS, "errorEventDefinition") != null) {
                continue;
            }
            String silentAfter = silentPredecessor(end, nodes, incoming, messages);
            if (silentAfter != null) {
                String id = end.getAttribute("id");
                problems.add(FlowProblem.warning(id, "ends-in-silence", List.of(silentAfter),
                        "the call is not ended or handed over before this end (after " + silentAfter
                                + "): the caller would wait in silence"));
            }
        }
    }

    /** The first element found walking back from {@code end} after which the caller is left alone; null if none. */
    private static String silentPredecessor(Element end, Map<String, Element> nodes,
                                            Map<String, List<Element>> incoming, Map<String, Element> messages) {
        java.util.ArrayDeque<Element> todo = new java.util.ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        todo.add(end);
        while (!todo.isEmpty()) {
            Element node = todo.poll();
            for (Element flow : incoming.getOrDefault(node.getAttribute("id"), List.of())) {
                Element previous = nodes.get(flow.getAttribute("sourceRef"));
                if (previous == null || !seen.add(previous.getAttribute("id"))) {
                    continue;
                }
                switch (endsOrHandsOver(previous, messages)) {
                    case YES -> { }
                    case NO -> {
                        return previous.getAttribute("id");
                    }
                    case PASS_THROUGH -> todo.add(previous);
                }
            }
        }
        return null;
    }

    private enum Ending { YES, NO, PASS_THROUGH }

    private static Ending endsOrHandsOver(Element node, Map<String, Element> messages) {
        String type = node.getLocalName();
        if ("serviceTask".equals(type) || "sendTask".equals(type)) {
            Element definition = descendant(node, ZEEBE_NS, "taskDefinition");
            String block = definition == null ? null : FlowJobTypes.ivrBlock(definition.getAttribute("type"));
            return "hangup".equals(block) || "transfer".equals(block) ? Ending.YES : Ending.NO;
        }
        if ("startEvent".equals(type) || "boundaryEvent".equals(type)) {
            return Ending.NO;
        }
        Element messageDef = child(node, BpmnFacts.BPMN_NS, "messageEventDefinition");
        if (messageDef != null) {
            Element message = messages.get(messageDef.getAttribute("messageRef"));
            if (message != null && "queue-answered".equals(message.getAttribute("name"))) {
                return Ending.YES;
            }
        }
        return type.endsWith("Gateway") || type.startsWith("intermediate") ? Ending.PASS_THROUGH : Ending.NO;
    }

    private static boolean isEventSubProcessOrCompensation(Element node) {
        return "subProcess".equals(node.getLocalName()) && "true".equals(node.getAttribute("triggeredByEvent"))
                || "boundaryEvent".equals(node.getLocalName())
                && child(node, BpmnFacts.BPMN_NS, "compensateEventDefinition") != null;
    }

    private static Map<String, String> inputs(Element node) {
        Map<String, String> inputs = new HashMap<>();
        NodeList list = node.getElementsByTagNameNS(ZEEBE_NS, "input");
        for (int i = 0; i < list.getLength(); i++) {
            Element input = (Element) list.item(i);
            inputs.put(input.getAttribute("target"), input.getAttribute("source"));
        }
        return inputs;
    }

    private static Element child(Element parent, String ns, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static Element descendant(Element parent, String ns, String localName) {
        NodeList list = parent.getElementsByTagNameNS(ns, localName);
        return list.getLength() == 0 ? null : (Element) list.item(0);
    }

}
