package com.evscallpro.core.flow;

import com.evscallpro.core.error.EvsException;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A flow's BPMN as a test call needs it: the same model under a test process id ({@link #withProcessId}), and the
 * way a call went on the diagram ({@link #path}): the elements it ran, in order, and the sequence flows, gateways,
 * boundary events (an error caught on a block) and other events between two of them (the shortest way on the
 * diagram), from a start event to the first and, when asked, from the last to an end event.
 */
public final class FlowTestModel {

    /** What a BPMN id may be (an XML NCName, ASCII). */
    private static final Pattern BPMN_ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    private final String processId;
    private final Map<String, String> types = new HashMap<>();
    /** Element → its successors: the sequence flows leaving it (then their targets), the boundary events on it. */
    private final Map<String, List<String[]>> next = new HashMap<>();
    private final List<String> starts = new ArrayList<>();
    /** Elements a test call must not run: they would reach beyond it (see {@link #untestable()}). */
    private final List<String> untestable = new ArrayList<>();

    private FlowTestModel(Document document) {
        this.processId = BpmnFacts.processId(document);
        Element process = BpmnFacts.process(document);
        NodeList all = process.getElementsByTagNameNS(BpmnFacts.BPMN_NS, "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            String id = e.getAttribute("id");
            if (id.isEmpty()) {
                continue;
            }
            types.put(id, e.getLocalName());
            switch (e.getLocalName()) {
                case "sequenceFlow" -> next.computeIfAbsent(e.getAttribute("sourceRef"), k -> new ArrayList<>())
                        .add(new String[] {id, e.getAttribute("targetRef")});
                case "boundaryEvent" -> next.computeIfAbsent(e.getAttribute("attachedToRef"), k -> new ArrayList<>())
                        .add(new String[] {id});
                case "startEvent" -> {
                    if (e.getParentNode() == process) {
                        starts.add(id);
                    }
                }
                case "userTask", "callActivity", "businessRuleTask" -> untestable.add(id);
                default -> { }
            }
            NodeList definitions = e.getElementsByTagNameNS(FlowLint.ZEEBE_NS, "taskDefinition");
            for (int d = 0; d < definitions.getLength(); d++) {
                Node owner = definitions.item(d).getParentNode().getParentNode();
                String type = ((Element) definitions.item(d)).getAttribute("type").strip();
                if (owner == e && !(type.startsWith("=") && FlowJobTypes.known(FlowKind.IVR, type))) {
                    untestable.add(id);
                }
            }
        }
    }

    /**
     * The elements a test call refuses to run, because their work would reach beyond the test call: a job type other
     * than an IVR block's {@code ="ivr.<block>." + evsNode} (a literal node, another area's worker: the test's own
     * workers would not get it, the real ones would), user tasks (our task service serves them to agents), call
     * activities (they would start another process) and business rule tasks.
     */
    public List<String> untestable() {
        return List.copyOf(untestable);
    }

    /** The model of a BPMN file; {@code flow.bpmn-invalid} when it is not one executable process. */
    public static FlowTestModel of(String bpmnXml) {
        return new FlowTestModel(BpmnFacts.parse(bpmnXml));
    }

    public String processId() {
        return processId;
    }

    /**
     * The same file with its process id changed to {@code newId} everywhere it is referenced (the process, the
     * diagram's plane, a collaboration's participant); nothing else changes.
     */
    public static String withProcessId(String bpmnXml, String newId) {
        if (newId == null || !BPMN_ID.matcher(newId).matches()) {
            throw new IllegalArgumentException("not a BPMN id: " + newId);
        }
        Document document = BpmnFacts.parse(bpmnXml);
        String old = BpmnFacts.processId(document);
        NodeList all = document.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            boolean process = BpmnFacts.BPMN_NS.equals(e.getNamespaceURI()) && "process".equals(e.getLocalName());
            NamedNodeMap attributes = e.getAttributes();
            for (int a = 0; a < attributes.getLength(); a++) {
                Node attribute = attributes.item(a);
                String name = attribute.getLocalName() == null ? attribute.getNodeName() : attribute.getLocalName();
                if (old.equals(attribute.getNodeValue()) && (process && "id".equals(name)
                        || "bpmnElement".equals(name) || "processRef".equals(name))) {
                    attribute.setNodeValue(newId);
                }
            }
        }
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            StringWriter out = new StringWriter();
            factory.newTransformer().transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new EvsException("flow.bpmn-invalid", "could not be written again: " + e.getMessage());
        }
    }

    /**
     * The way a call went: {@code visited} (elements it ran, in order) with what lies between them on the diagram;
     * with {@code toEnd}, also from the last one to the nearest end event. Unknown ids are left out.
     */
    public List<String> path(List<String> visited, boolean toEnd) {
        List<String> known = visited.stream().filter(types::containsKey).toList();
        Set<String> marked = new LinkedHashSet<>();
        if (known.isEmpty()) {
            return List.of();
        }
        for (String start : starts) {
            List<String> trail = way(start, Set.of(known.get(0)));
            if (!trail.isEmpty() || start.equals(known.get(0))) {
                marked.add(start);
                marked.addAll(trail);
            }
        }
        marked.add(known.get(0));
        for (int i = 0; i + 1 < known.size(); i++) {
            marked.addAll(way(known.get(i), Set.of(known.get(i + 1))));
            marked.add(known.get(i + 1));
        }
        if (toEnd) {
            Set<String> ends = new HashSet<>();
            types.forEach((id, type) -> {
                if ("endEvent".equals(type)) {
                    ends.add(id);
                }
            });
            marked.addAll(way(known.get(known.size() - 1), ends));
        }
        return List.copyOf(marked);
    }

    /** The shortest way from {@code from} to one of {@code targets} (the start excluded, the target included). */
    private List<String> way(String from, Collection<String> targets) {
        Map<String, List<String>> trails = new HashMap<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        trails.put(from, List.of());
        queue.add(from);
        while (!queue.isEmpty()) {
            String node = queue.poll();
            for (String[] step : next.getOrDefault(node, List.of())) {
                String target = step.length == 2 ? step[1] : step[0];
                if (trails.containsKey(target)) {
                    continue;
                }
                List<String> trail = new ArrayList<>(trails.get(node));
                trail.addAll(List.of(step));
                if (targets.contains(target)) {
                    return trail;
                }
                trails.put(target, trail);
                String type = types.getOrDefault(target, "");
                if (!type.endsWith("Task") && !"subProcess".equals(type) && !"callActivity".equals(type)) {
                    queue.add(target);
                }
            }
        }
        return List.of();
    }
}
