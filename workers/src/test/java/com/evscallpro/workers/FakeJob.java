package com.evscallpro.workers;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DocumentReferenceResponse;
import io.camunda.client.api.response.UserTaskProperties;
import io.camunda.client.api.search.enums.JobKind;
import io.camunda.client.api.search.enums.ListenerEventType;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An activated job as the engine hands it to a worker: only its retries and variables matter to our workers. */
public record FakeJob(String type, int retries, Map<String, Object> variables) implements ActivatedJob {

    @Override public long getKey() { return 42; }
    @Override public String getType() { return type; }
    @Override public long getProcessInstanceKey() { return 7; }
    @Override public String getBpmnProcessId() { return "outbound-call"; }
    @Override public int getProcessDefinitionVersion() { return 1; }
    @Override public long getProcessDefinitionKey() { return 1; }
    @Override public String getElementId() { return "Task"; }
    @Override public long getElementInstanceKey() { return 8; }
    @Override public Map<String, String> getCustomHeaders() { return Map.of(); }
    @Override public String getWorker() { return "test"; }
    @Override public int getRetries() { return retries; }
    @Override public long getDeadline() { return 0; }
    @Override public String getVariables() { return variables.toString(); }
    @Override public Map<String, Object> getVariablesAsMap() { return variables; }
    @Override public <T> T getVariablesAsType(Class<T> type) { throw new UnsupportedOperationException(); }
    @Override public Object getVariable(String name) { return variables.get(name); }
    @Override public UserTaskProperties getUserTask() { return null; }
    @Override public JobKind getKind() { return null; }
    @Override public ListenerEventType getListenerEventType() { return null; }
    @Override public String toJson() { return "{}"; }
    @Override public String getTenantId() { return "<default>"; }
    @Override public List<DocumentReferenceResponse> getDocumentReferences(String name) { return List.of(); }
    @Override public Set<String> getTags() { return Set.of(); }
}
