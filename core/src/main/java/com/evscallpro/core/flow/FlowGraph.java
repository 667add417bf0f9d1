package com.evscallpro.core.flow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A flow version's diagram as the call's journey reads it: which gateways lie between two elements of a call's
 * journey, and the branch each took (issue 8). The IVR records a gateway's row when the <em>next</em> element of the
 * call shows up (a block's job, a catch event's listener) instead of an execution listener on the gateway: the
 * gateways cost the caller nothing (docs/ivr-blocks.md, <em>The call's journey</em>).
 * <p>
 * The way from one element to the next goes through what runs no job of ours: gateways, boundary events (first hop,
 * a block's error), throw events, job-less tasks (a plain or manual task, a FEEL script), sub-process entries and
 * exits. When several such ways join the same two elements, the shortest is taken. Immutable once built; the ways
 * found are kept (a few per element pair).
 */
public final class FlowGraph {

    /** How the element a way starts from was left. */
    public enum Exit {
        /** It completed: its outgoing sequence flows. */
        COMPLETED,
        /** It threw a BPMN error: its boundary events. */
        ERROR,
        /** Either (how it was left is not known). */
        ANY
    }

    /** A gateway crossed, and the element it led to ({@code next}; null when not known: the way ends there). */
    public record Crossing(String gatewayId, String next) {
    }

    private static final Set<String> JOBLESS_TASKS = Set.of("task", "manualTask", "scriptTask", "businessRuleTask");

    private final String processId;
    private final Map<String, String> types = new HashMap<>();
    /** Element → the targets of its outgoing sequence flows, in the file's order. */
    private final Map<String, List<String>> out = new HashMap<>();
    /** Activity → its boundary events. */
    private final Map<String, List<String>> boundaries = new HashMap<>();
    /** Sub-process → its start events; an end event inside a sub-process → the sub-process. */
    private final Map<String, List<String>> innerStarts = new HashMap<>();
    private final Map<String, String> innerEndOf = new HashMap<>();
    private final Set<String> passThrough = new HashSet<>();
    private final List<String> starts = new ArrayList<>();
    private final Map<String, java.util.Optional<List<Crossing>>> ways = new ConcurrentHashMap<>();

    private FlowGraph(Document document) {
        processId = BpmnFacts.processId(document);
        Element process = BpmnFacts.process(document);
        NodeList all = process.getElementsByTagNameNS(BpmnFacts.BPMN_NS, "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            String id = e.getAttribute("id");
            String type = e.getLocalName();
            if (id.isEmpty()) {
                continue;
            }
            types.put(id, type);
            Element parent = (Element) e.getParentNode();
            boolean inSubProcess = "subProcess".equals(parent.getLocalName());
            switch (type) {
                case "sequenceFlow" -> out.computeIfAbsent(e.getAttribute("sourceRef"), k -> new ArrayList<>())
                        .add(e.getAttribute("targetRef"));
                case "boundaryEvent" -> boundaries.computeIfAbsent(e.getAttribute("attachedToRef"),
                        k -> new ArrayList<>()).add(id);
                case "startEvent" -> {
                    if (parent == process) {
                        starts.add(id);
                    } else if (inSubProcess && !"true".equals(parent.getAttribute("triggeredByEvent"))) {
                        innerStarts.computeIfAbsent(parent.getAttribute("id"), k -> new ArrayList<>()).add(id);
                    }
                }
                case "endEvent" -> {
                    if (inSubProcess) {
                        innerEndOf.put(id, parent.getAttribute("id"));
                    }
                }
                default -> { }
            }
            if (isGatewayType(type) || "boundaryEvent".equals(type) || "intermediateThrowEvent".equals(type)
                    || "startEvent".equals(type) || "subProcess".equals(type) || inSubProcess && "endEvent".equals(type)
                    || JOBLESS_TASKS.contains(type) && !hasJob(e)) {
                passThrough.add(id);
            }
        }
    }

    /** The graph of a BPMN file; {@code flow.bpmn-invalid} when it is not one executable process. */
    public static FlowGraph of(String bpmnXml) {
        return new FlowGraph(BpmnFacts.parse(bpmnXml));
    }

    public String processId() {
        return processId;
    }

    /** The process's start events (a call's journey starts there). */
    public List<String> starts() {
        return List.copyOf(starts);
    }

    public boolean isGateway(String elementId) {
        return isGatewayType(types.getOrDefault(elementId, ""));
    }

    /**
     * A parallel or inclusive gateway with several ways out: a call may take several of them at once (one row per
     * branch taken).
     */
    public boolean isFork(String elementId) {
        String type = types.getOrDefault(elementId, "");
        return ("parallelGateway".equals(type) || "inclusiveGateway".equals(type))
                && out.getOrDefault(elementId, List.of()).size() > 1;
    }

    /** How many ways leave the element (its outgoing sequence flows). */
    public int waysOut(String elementId) {
        return out.getOrDefault(elementId, List.of()).size();
    }

    /**
     * The gateways crossed on the way from {@code from} (left as {@code exit}) to {@code to}, in order, each with the
     * element it led to; {@code from} itself first when it is a gateway (a fork a call left by several branches).
     * Null when no way joins them without another job of the call (the diagram does not say how the call got there).
     */
    public List<Crossing> between(String from, Exit exit, String to) {
        if (!types.containsKey(from) || !types.containsKey(to)) {
            return null;
        }
        return ways.computeIfAbsent(from + '\u0000' + exit + '\u0000' + to, k -> way(from, exit, to)).orElse(null);
    }

    private java.util.Optional<List<Crossing>> way(String from, Exit exit, String to) {
        List<String> trail = trail(from, exit, to);
        if (trail == null) {
            return java.util.Optional.empty();
        }
        List<Crossing> crossings = new ArrayList<>();
        List<String> nodes = new ArrayList<>();
        nodes.add(from);
        nodes.addAll(trail);
        for (int i = 0; i + 1 < nodes.size(); i++) {
            if (isGateway(nodes.get(i))) {
                crossings.add(new Crossing(nodes.get(i), nodes.get(i + 1)));
            }
        }
        return java.util.Optional.of(List.copyOf(crossings));
    }

    /**
     * The gateways a call certainly crossed after {@code from} completed when no further element of its journey
     * shows (it hung up, or the flow ended): while the way out is single, each gateway met, with its branch; the
     * first gateway with several ways out ends the list with a null branch (which it took is not known).
     */
    public List<Crossing> after(String from) {
        List<Crossing> crossings = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String current = from;
        while (current != null && seen.add(current)) {
            List<String> exits = out.getOrDefault(current, List.of());
            boolean gateway = !current.equals(from) && isGateway(current);
            if (exits.size() != 1) {
                if (gateway) {
                    crossings.add(new Crossing(current, null));
                }
                break;
            }
            String next = exits.get(0);
            if (gateway) {
                crossings.add(new Crossing(current, next));
            }
            current = isGateway(next) || passThrough.contains(next) && !"subProcess".equals(types.get(next))
                    ? next : null;
        }
        return List.copyOf(crossings);
    }

    /** The elements after {@code from} up to {@code to} included, by the shortest way through pass-through elements. */
    private List<String> trail(String from, Exit exit, String to) {
        Map<String, String> previous = new HashMap<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        for (String first : firstHops(from, exit)) {
            if (previous.putIfAbsent(first, from) == null) {
                if (first.equals(to)) {
                    return List.of(to);
                }
                queue.add(first);
            }
        }
        while (!queue.isEmpty()) {
            String node = queue.poll();
            if (!passThrough.contains(node)) {
                continue;
            }
            for (String next : successors(node)) {
                if (next.equals(to)) {
                    previous.put(to, node);
                    return unwind(previous, from, to);
                }
                if (!next.equals(from) && previous.putIfAbsent(next, node) == null) {
                    queue.add(next);
                }
            }
        }
        return null;
    }

    private List<String> firstHops(String from, Exit exit) {
        List<String> hops = new ArrayList<>();
        if (exit != Exit.ERROR) {
            hops.addAll(successors(from));
        }
        if (exit != Exit.COMPLETED) {
            hops.addAll(boundaries.getOrDefault(from, List.of()));
        }
        return hops;
    }

    private List<String> successors(String node) {
        if ("subProcess".equals(types.get(node))) {
            return innerStarts.getOrDefault(node, List.of());
        }
        String subProcess = innerEndOf.get(node);
        return subProcess != null ? out.getOrDefault(subProcess, List.of()) : out.getOrDefault(node, List.of());
    }

    private static List<String> unwind(Map<String, String> previous, String from, String to) {
        ArrayDeque<String> trail = new ArrayDeque<>();
        String node = to;
        trail.addFirst(node);
        // the way back stops at from; a loop back to from itself (a menu asked again) starts and ends there
        while (true) {
            String before = previous.get(node);
            if (before == null || before.equals(from)) {
                break;
            }
            trail.addFirst(before);
            node = before;
        }
        return List.copyOf(trail);
    }

    private static boolean isGatewayType(String type) {
        return type.endsWith("Gateway");
    }

    private static boolean hasJob(Element e) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element x && "extensionElements".equals(x.getLocalName())
                    && x.getElementsByTagNameNS(FlowLint.ZEEBE_NS, "taskDefinition").getLength() > 0) {
                return true;
            }
        }
        return false;
    }
}
