package com.evscallpro.sandbox;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** What the engine's own record stream says about process instances: their definition, their incidents. */
final class JourneyRecords {

    private JourneyRecords() {
    }

    /** The definition key the engine runs the instance on. */
    static long definitionKeyOf(SandboxTestContext stack, long instanceKey) {
        Long key = definitionKeys(stack, Set.of(instanceKey)).get(instanceKey);
        if (key == null) {
            throw new AssertionError("no process instance record for " + instanceKey);
        }
        return key;
    }

    /** The definition key of each of these instances, from its process instance records. */
    static Map<Long, Long> definitionKeys(SandboxTestContext stack, Set<Long> instances) {
        Map<Long, Long> keys = new HashMap<>();
        for (Record<?> record : stack.infrastructure.engine().engine().getRecordStreamSource().getRecords()) {
            if (record.getValueType() == ValueType.PROCESS_INSTANCE
                    && record.getValue() instanceof ProcessInstanceRecordValue v
                    && instances.contains(v.getProcessInstanceKey())) {
                keys.putIfAbsent(v.getProcessInstanceKey(), v.getProcessDefinitionKey());
            }
        }
        return keys;
    }

    /** Of these instances, those with an incident created on the engine. */
    static Set<Long> withIncidents(SandboxTestContext stack, Set<Long> instances) {
        Set<Long> found = new HashSet<>();
        for (Record<?> record : stack.infrastructure.engine().engine().getRecordStreamSource().getRecords()) {
            if (record.getValueType() == ValueType.INCIDENT && record.getRecordType() == RecordType.EVENT
                    && record.getIntent() == IncidentIntent.CREATED
                    && record.getValue() instanceof IncidentRecordValue v
                    && instances.contains(v.getProcessInstanceKey())) {
                found.add(v.getProcessInstanceKey());
            }
        }
        return found;
    }

    /** Of these instances, those whose process completed (not cancelled). */
    static Set<Long> completed(SandboxTestContext stack, Set<Long> instances) {
        return completed(stack, instances, null);
    }

    /** Of these instances, those where the element {@code elementId} (null: the process itself) completed. */
    static Set<Long> completed(SandboxTestContext stack, Set<Long> instances, String elementId) {
        Set<Long> done = new HashSet<>();
        for (Record<?> record : stack.infrastructure.engine().engine().getRecordStreamSource().getRecords()) {
            if (record.getValueType() == ValueType.PROCESS_INSTANCE
                    && record.getIntent() == io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent
                    .ELEMENT_COMPLETED
                    && record.getValue() instanceof ProcessInstanceRecordValue v
                    && (elementId == null
                    ? v.getBpmnElementType() == io.camunda.zeebe.protocol.record.value.BpmnElementType.PROCESS
                    : elementId.equals(v.getElementId()))
                    && instances.contains(v.getProcessInstanceKey())) {
                done.add(v.getProcessInstanceKey());
            }
        }
        return done;
    }
}
