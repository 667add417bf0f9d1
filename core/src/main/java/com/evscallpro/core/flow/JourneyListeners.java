package com.evscallpro.core.flow;

import com.evscallpro.core.error.EvsException;
import java.io.StringWriter;
import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What an IVR flow's version gets at deploy time, never drawn by analysts nor stored: an execution listener that lets
 * the IVR write the call's journey where no block runs and nothing else can tell (issue 8, item 7). Every
 * intermediate catch event (message, timer, signal) gets an {@code end} listener (it fired): after an event-based
 * gateway, or before a block several events lead to, only the event itself knows which one fired. Its job type
 * carries the node holding the call, like the blocks': {@value #EVENT_JOB_TYPE}.
 * <p>
 * Gateways get none (they did until 2026-12-07: a {@code start} listener's job cost ~1.6 ms at p50 and ~9 ms at p99
 * per gateway on the caller's path, docs/benchmarks.md §3.IVR): their rows are written by the worker when the next
 * element of the call shows, from the version's diagram ({@link FlowGraph}).
 */
final class JourneyListeners {

    static final String ZEEBE_NS = "http://camunda.org/schema/zeebe/1.0";
    /** The catch events' listener's job type, on the call's node (workers.ivr). */
    static final String EVENT_JOB_TYPE = "=\"ivr." + FlowJobTypes.IVR_EVENT_LISTENER + ".\" + evsNode";

    private JourneyListeners() {
    }

    /** The XML with the journey's listeners added (those already there are kept; none is added twice). */
    static String addTo(String bpmnXml) {
        Document document = BpmnFacts.parse(bpmnXml);
        int added = addTo(document.getElementsByTagNameNS(BpmnFacts.BPMN_NS, "intermediateCatchEvent"), "end",
                EVENT_JOB_TYPE);
        return added == 0 ? bpmnXml : write(document);
    }

    private static int addTo(NodeList elements, String eventType, String jobType) {
        int added = 0;
        for (int i = 0; i < elements.getLength(); i++) {
            if (add((Element) elements.item(i), eventType, jobType)) {
                added++;
            }
        }
        return added;
    }

    private static boolean add(Element element, String eventType, String jobType) {
        Element extensions = child(element, BpmnFacts.BPMN_NS, "extensionElements");
        if (extensions == null) {
            extensions = element.getOwnerDocument().createElementNS(BpmnFacts.BPMN_NS,
                    prefixed(element, "extensionElements"));
            // BPMN's order: documentation first, then extensionElements, then the rest
            Node before = element.getFirstChild();
            while (before != null && (!(before instanceof Element e) || isDocumentation(e))) {
                before = before.getNextSibling();
            }
            element.insertBefore(extensions, before);
        }
        Element listeners = child(extensions, ZEEBE_NS, "executionListeners");
        if (listeners == null) {
            listeners = element.getOwnerDocument().createElementNS(ZEEBE_NS, "zeebe:executionListeners");
            extensions.appendChild(listeners);
        }
        NodeList existing = listeners.getElementsByTagNameNS(ZEEBE_NS, "executionListener");
        for (int i = 0; i < existing.getLength(); i++) {
            Element l = (Element) existing.item(i);
            if (eventType.equals(l.getAttribute("eventType")) && jobType.equals(l.getAttribute("type"))) {
                return false;
            }
        }
        Element listener = element.getOwnerDocument().createElementNS(ZEEBE_NS, "zeebe:executionListener");
        listener.setAttribute("eventType", eventType);
        listener.setAttribute("type", jobType);
        listener.setAttribute("retries", "1");
        listeners.appendChild(listener);
        return true;
    }

    private static boolean isDocumentation(Element e) {
        return BpmnFacts.BPMN_NS.equals(e.getNamespaceURI()) && "documentation".equals(e.getLocalName());
    }

    private static String prefixed(Element sibling, String localName) {
        return sibling.getPrefix() == null ? localName : sibling.getPrefix() + ":" + localName;
    }

    private static Element child(Element parent, String namespace, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && namespace.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static String write(Document document) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer t = factory.newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new EvsException("flow.deploy-failed", "the journey's listeners could not be added: " + e.getMessage());
        }
    }
}
