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
 *   <li>{@code required-input}: an IVR block without an input it cannot run without (args: block, input);</li>
 *   <li>{@code dead-end}: an element other than an end event with no way out;</li>
 *   <li>{@code unreachable}: an element no path leads to;</li>
 *   <li>{@code menu-choice-unhandled}: a menu choice no branch after the menu takes, with no default branch (args:
 *   the choice);</li>
 *   <li>{@code message-no-correlation-key}: a message caught without a correlation key (args: the message name).</li>
 * </ul>
 */
final class FlowLint {

    static final String ZEEBE_NS = "http://camunda.org/schema/zeebe/1.0";
    private static final Set<String> FLOW_NODES = Set.of("startEvent", "endEvent", "intermediateCatchEvent",
            "intermediateThrowEvent", "boundaryEvent", "task", "serviceTask", "userTask", "sendTask", "receiveTask",
            "scriptTask", "businessRuleTask", "manualTask", "callActivity", "subProcess", "exclusiveGateway",
            "parallelGateway", "inclusiveGateway", "eventBasedGateway");
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
