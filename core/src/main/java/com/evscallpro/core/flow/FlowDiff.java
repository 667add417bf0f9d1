package com.evscallpro.core.flow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What changed between two versions of a flow, element by element, on the meaning of the BPMN (ids, types, names,
 * references, conditions, Zeebe extensions: job types, inputs, outputs, headers, correlation keys, timers) and not on
 * its layout: bpmn-js and Camunda Modeler re-serialise files, and a moved shape is not a change of behaviour.
 */
final class FlowDiff {

    /** Children that only repeat what the sequence flows say, or draw. */
    private static final Set<String> DERIVED = Set.of("incoming", "outgoing");

    private FlowDiff() {
    }

    static List<FlowChange> compare(String before, String after) {
        Map<String, Element> a = elements(BpmnFacts.parse(before));
        Map<String, Element> b = elements(BpmnFacts.parse(after));
        Set<String> ids = new TreeSet<>(a.keySet());
        ids.addAll(b.keySet());
        List<FlowChange> changes = new ArrayList<>();
        for (String id : ids) {
            Element old = a.get(id);
            Element now = b.get(id);
            if (old == null) {
                changes.add(new FlowChange(id, now.getLocalName(), name(now), FlowChange.Kind.ADDED, List.of()));
            } else if (now == null) {
                changes.add(new FlowChange(id, old.getLocalName(), name(old), FlowChange.Kind.REMOVED, List.of()));
            } else {
                List<String> details = differences(flatten(old), flatten(now));
                if (!old.getLocalName().equals(now.getLocalName())) {
                    details.add(0, "type: " + old.getLocalName() + " → " + now.getLocalName());
                }
                if (!details.isEmpty()) {
                    String name = name(now) != null ? name(now) : name(old);
                    changes.add(new FlowChange(id, now.getLocalName(), name, FlowChange.Kind.CHANGED, details));
                }
            }
        }
        return changes;
    }

    /** Every BPMN element with an id, outside the diagram (bpmndi) part. */
    private static Map<String, Element> elements(Document doc) {
        Map<String, Element> byId = new HashMap<>();
        NodeList all = doc.getElementsByTagNameNS(BpmnFacts.BPMN_NS, "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            String id = e.getAttribute("id");
            if (!id.isEmpty() && !"definitions".equals(e.getLocalName()) && !partOfParent(e)) {
                byId.put(id, e);
            }
        }
        return byId;
    }

    /** Event definitions and expressions carry ids in some tools' files, but they are their parent's meaning. */
    private static boolean partOfParent(Element e) {
        String local = e.getLocalName();
        return local.endsWith("EventDefinition") || local.endsWith("Expression") || "timeDuration".equals(local)
                || "timeDate".equals(local) || "timeCycle".equals(local);
    }

    private static String name(Element e) {
        String n = e.getAttribute("name");
        return n.isEmpty() ? null : n;
    }

    /** The element's meaning as {@code property → value}, nested elements with an id of their own left out. */
    private static Map<String, String> flatten(Element root) {
        Map<String, String> out = new TreeMap<>();
        flatten(root, "", out, true);
        return out;
    }

    private static void flatten(Element e, String prefix, Map<String, String> out, boolean root) {
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attr = (Attr) attributes.item(i);
            String attrName = attr.getLocalName() == null ? attr.getName() : attr.getLocalName();
            if (root && "id".equals(attrName) || "http://www.w3.org/2000/xmlns/".equals(attr.getNamespaceURI())) {
                continue;
            }
            out.put(prefix + (prefix.isEmpty() ? "" : ".") + attrName, attr.getValue());
        }
        Map<String, Integer> seen = new HashMap<>();
        boolean hasElementChild = false;
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element child)) {
                continue;
            }
            hasElementChild = true;
            String local = child.getLocalName();
            boolean ownElement = BpmnFacts.BPMN_NS.equals(child.getNamespaceURI()) && !child.getAttribute("id").isEmpty()
                    && !partOfParent(child);
            if (DERIVED.contains(local) || ownElement) {
                continue;
            }
            String key = child.getPrefix() == null || !"http://camunda.org/schema/zeebe/1.0".equals(
                    child.getNamespaceURI()) ? local : "zeebe:" + local;
            String discriminator = child.hasAttribute("target") ? child.getAttribute("target")
                    : child.hasAttribute("key") ? child.getAttribute("key") : null;
            if (discriminator != null) {
                key += "[" + discriminator + "]";
            } else {
                int index = seen.merge(key, 1, Integer::sum);
                if (index > 1) {
                    key += "[" + index + "]";
                }
            }
            if ("extensionElements".equals(local) || "ioMapping".equals(local)) {
                flatten(child, prefix, out, false); // containers: their content is what matters
            } else {
                flatten(child, prefix + (prefix.isEmpty() ? "" : "/") + key, out, false);
            }
        }
        if (!hasElementChild && !root) {
            String text = e.getTextContent() == null ? "" : e.getTextContent().strip();
            if (!text.isEmpty()) {
                out.put(prefix, text);
            }
        }
    }

    private static List<String> differences(Map<String, String> before, Map<String, String> after) {
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<String> details = new ArrayList<>();
        for (String key : keys) {
            String x = before.get(key);
            String y = after.get(key);
            if (x == null || !x.equals(y)) {
                details.add(key + ": " + (x == null ? "∅" : x) + " → " + (y == null ? "∅" : y));
            }
        }
        return details;
    }
}
