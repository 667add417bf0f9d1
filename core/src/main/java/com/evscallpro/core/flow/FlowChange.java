package com.evscallpro.core.flow;

import java.util.List;

/**
 * One element that differs between two versions of a flow.
 *
 * @param elementId the BPMN id
 * @param type      its BPMN type ({@code serviceTask}, {@code sequenceFlow}…)
 * @param name      its name (the newer one when both have one), or null
 * @param kind      added, removed or changed
 * @param details   for a change, what changed: {@code <property>: <before> → <after>} (properties such as
 *                  {@code name}, {@code zeebe:input[prompt].source}, {@code conditionExpression})
 */
public record FlowChange(String elementId, String type, String name, Kind kind, List<String> details) {

    public enum Kind { ADDED, REMOVED, CHANGED }

    public FlowChange {
        details = details == null ? List.of() : List.copyOf(details);
    }
}
