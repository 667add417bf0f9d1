package com.evscallpro.core.flow;

import com.evscallpro.core.error.EvsException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** What we read of a BPMN file ourselves: its one executable process id, its elements' names. The XML parser refuses DTDs (no XXE). */
final class BpmnFacts {

    static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final int MAX_BYTES = 5 * 1024 * 1024;

    private BpmnFacts() {
    }

    /** The id of the file's one executable process; {@code flow.bpmn-invalid} otherwise. */
    static String processId(String xml) {
        return processId(parse(xml));
    }

    static String processId(Document document) {
        NodeList processes = document.getElementsByTagNameNS(BPMN_NS, "process");
        List<String> executable = new ArrayList<>();
        for (int i = 0; i < processes.getLength(); i++) {
            Element p = (Element) processes.item(i);
            if ("true".equals(p.getAttribute("isExecutable"))) {
                executable.add(p.getAttribute("id"));
            }
        }
        if (executable.size() != 1) {
            throw new EvsException("flow.bpmn-invalid", executable.isEmpty() ? "no executable process"
                    : "several executable processes: " + String.join(", ", executable));
        }
        return executable.get(0);
    }

    /** The file's one executable process element; {@code flow.bpmn-invalid} otherwise. */
    static Element process(Document document) {
        String id = processId(document);
        NodeList processes = document.getElementsByTagNameNS(BPMN_NS, "process");
        for (int i = 0; i < processes.getLength(); i++) {
            Element p = (Element) processes.item(i);
            if (id.equals(p.getAttribute("id"))) {
                return p;
            }
        }
        throw new IllegalStateException("process " + id + " vanished");
    }

    /** The file as a namespace-aware DOM; {@code flow.bpmn-invalid} when empty, too large or not XML. */
    static Document parse(String xml) {
        if (xml == null || xml.isBlank()) {
            throw new EvsException("flow.bpmn-invalid", "empty file");
        }
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            throw new EvsException("flow.bpmn-invalid", "larger than " + MAX_BYTES / 1024 / 1024 + " MB");
        }
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            throw new EvsException("flow.bpmn-invalid", "not a readable BPMN XML file: " + e.getMessage());
        }
    }

    /** Every BPMN element's {@code name} by its {@code id} (elements without a name left out). */
    static Map<String, String> elementNames(String xml) {
        Map<String, String> names = new LinkedHashMap<>();
        NodeList all = parse(xml).getElementsByTagNameNS(BPMN_NS, "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            String id = e.getAttribute("id");
            String name = e.getAttribute("name").strip();
            if (!id.isEmpty() && !name.isEmpty()) {
                names.put(id, name.replaceAll("\\s+", " "));
            }
        }
        return names;
    }

    static String checksum(String xml) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
