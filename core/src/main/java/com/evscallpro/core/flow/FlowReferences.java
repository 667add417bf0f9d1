package com.evscallpro.core.flow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The entities an IVR flow names, checked against the database before a validate, a publish or an import (rule
 * {@code unknown-reference}, an <b>error</b>: the block would fail on every call at run time with its BPMN error and
 * send the caller down the safe path). Only literal names are checked: a FEEL expression ({@code =…}) is computed per
 * call and left out. Names are matched as the blocks match them at run time: plannings, queues (an agent group's name
 * whose group has a queue) and campaigns ignoring case, trunks exactly (Asterisk's endpoint name).
 * <p>
 * A voicemail block's {@code mailbox} is not a reference: it is a label the message is stored under (any name is
 * valid, supervisors filter on it), so it is not checked.
 */
@Component
class FlowReferences {

    /** What a block input names: its kind (the translation key's suffix and {@code args[0]}), block and input. */
    enum Kind {
        PLANNING("hours", "planning"), QUEUE("queue", "queue"), TRUNK("transfer", "trunk"),
        CAMPAIGN("callback", "campaign");

        final String block;
        final String input;

        Kind(String block, String input) {
            this.block = block;
            this.input = input;
        }

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One literal name a block gives. */
    record Reference(String elementId, Kind kind, String name) {
    }

    private final JdbcTemplate jdbc;

    FlowReferences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An error per literal name the database does not hold (args: kind code, name), in element order. */
    List<FlowProblem> unknown(String xml) {
        List<Reference> references = references(xml);
        if (references.isEmpty()) {
            return List.of();
        }
        Map<Kind, Set<String>> known = new HashMap<>();
        for (Kind kind : Kind.values()) {
            known.put(kind, existing(kind));
        }
        List<FlowProblem> problems = new ArrayList<>();
        for (Reference r : references) {
            String key = r.kind() == Kind.TRUNK ? r.name() : r.name().toLowerCase(Locale.ROOT);
            if (!known.get(r.kind()).contains(key)) {
                problems.add(new FlowProblem(r.elementId(), "unknown-reference", List.of(r.kind().code(), r.name()),
                        "no " + r.kind().code() + " is named '" + r.name() + "' (" + r.kind().input + "): the "
                                + r.kind().block + " block would fail on every call"));
            }
        }
        return problems;
    }

    private Set<String> existing(Kind kind) {
        String sql = switch (kind) {
            case PLANNING -> "SELECT lower(name) FROM planning";
            case QUEUE -> "SELECT lower(g.name) FROM call_queue q JOIN agent_group g ON g.id = q.group_id";
            case TRUNK -> "SELECT name FROM sip_trunk";
            case CAMPAIGN -> "SELECT lower(name) FROM campaign";
        };
        return jdbc.queryForList(sql, String.class).stream().collect(Collectors.toSet());
    }

    /** The literal names the flow's IVR blocks give, per element (FEEL expressions and blanks left out). */
    static List<Reference> references(String xml) {
        Document doc = BpmnFacts.parse(xml);
        Map<String, List<Reference>> byElement = new TreeMap<>();
        NodeList tasks = doc.getElementsByTagNameNS(BpmnFacts.BPMN_NS, "serviceTask");
        for (int i = 0; i < tasks.getLength(); i++) {
            Element task = (Element) tasks.item(i);
            NodeList definitions = task.getElementsByTagNameNS(FlowLint.ZEEBE_NS, "taskDefinition");
            String block = definitions.getLength() == 0 ? null
                    : FlowJobTypes.ivrBlock(((Element) definitions.item(0)).getAttribute("type"));
            if (block == null) {
                continue;
            }
            NodeList inputs = task.getElementsByTagNameNS(FlowLint.ZEEBE_NS, "input");
            for (int j = 0; j < inputs.getLength(); j++) {
                Element input = (Element) inputs.item(j);
                String value = input.getAttribute("source").strip();
                for (Kind kind : Kind.values()) {
                    if (kind.block.equals(block) && kind.input.equals(input.getAttribute("target"))
                            && !value.isEmpty() && !value.startsWith("=")) {
                        byElement.computeIfAbsent(task.getAttribute("id"), k -> new ArrayList<>())
                                .add(new Reference(task.getAttribute("id"), kind, value));
                    }
                }
            }
        }
        return byElement.values().stream().flatMap(List::stream).toList();
    }
}
