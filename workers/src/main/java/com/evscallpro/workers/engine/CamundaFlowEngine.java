package com.evscallpro.workers.engine;

import com.evscallpro.core.flow.FlowEngine;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.xml.validation.ValidationResultType;
import org.springframework.stereotype.Component;

/**
 * Flows on the Camunda 8 engine: a model is checked with Zeebe's own model (schema, then Zeebe's design-time
 * validators: what the engine refuses at deploy), and deployed with the client.
 */
@Component
public class CamundaFlowEngine implements FlowEngine {

    private final CamundaClient client;

    public CamundaFlowEngine(CamundaClient client) {
        this.client = client;
    }

    @Override
    public List<String> validate(String bpmnXml) {
        BpmnModelInstance model;
        try {
            model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmnXml.getBytes(StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            return List.of(rootMessage(e));
        }
        List<String> problems = new ArrayList<>();
        model.validate(new ArrayList<>(ZeebeDesignTimeValidators.VALIDATORS)).getResults().forEach((element, results) ->
                results.stream().filter(r -> r.getType() == ValidationResultType.ERROR).forEach(r -> problems.add(
                        (element instanceof BaseElement b && b.getId() != null ? b.getId() + ": " : "")
                                + r.getMessage())));
        return problems;
    }

    @Override
    public long deploy(String resourceName, String bpmnXml) {
        try {
            return client.newDeployResourceCommand()
                    .addResourceString(bpmnXml, StandardCharsets.UTF_8, resourceName)
                    .send()
                    .join()
                    .getProcesses().get(0).getProcessDefinitionKey();
        } catch (RuntimeException e) {
            throw new FlowDeployException(rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
