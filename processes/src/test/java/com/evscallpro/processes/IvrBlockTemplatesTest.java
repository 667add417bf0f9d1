package com.evscallpro.processes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.ServiceTaskBuilder;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The IVR blocks' element templates ({@code element-templates/evscallpro-ivr-blocks.json}, what the editor and Camunda
 * Modeler offer analysts): each is a service task whose job type carries the node ({@code ="ivr.<block>." +
 * evsNode}), and a task made from it with its default values, as Modeler would write it, deploys on the engine.
 */
@ZeebeProcessTest
class IvrBlockTemplatesTest {

    static final String TEMPLATES = "element-templates/evscallpro-ivr-blocks.json";

    private ZeebeTestEngine engine;

    static JsonNode templates() throws Exception {
        try (InputStream in = IvrBlockTemplatesTest.class.getClassLoader().getResourceAsStream(TEMPLATES)) {
            assertThat(in).isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void each_block_template_makes_a_task_of_this_nodes_job_type_that_deploys_with_its_defaults() throws Exception {
        List<String> blocks = new ArrayList<>();
        for (JsonNode template : templates()) {
            String id = template.path("id").asText();
            assertThat(id).startsWith("com.evscallpro.ivr.");
            String block = id.substring("com.evscallpro.ivr.".length());
            blocks.add(block);
            assertThat(template.path("elementType").path("value").asText()).isEqualTo("bpmn:ServiceTask");
            String jobType = null;
            List<String[]> inputs = new ArrayList<>();
            for (JsonNode p : template.path("properties")) {
                JsonNode binding = p.path("binding");
                if (binding.path("type").asText().equals("zeebe:taskDefinition")
                        && binding.path("property").asText().equals("type")) {
                    jobType = p.path("value").asText();
                } else if (binding.path("type").asText().equals("zeebe:input")) {
                    assertThat(p.path("label").asText()).as(id + " input label").isNotBlank();
                    assertThat(p.path("description").asText()).as(id + " input description").isNotBlank();
                    String value = p.path("value").asText("");
                    String name = binding.path("name").asText();
                    if (!value.isEmpty()) {
                        inputs.add(new String[] {value, name});
                    } else if (p.path("constraints").path("notEmpty").asBoolean()) {
                        inputs.add(new String[] {"x", name}); // what an analyst types
                    }
                }
            }
            assertThat(jobType).as(id).isEqualTo("=\"ivr." + block + ".\" + evsNode");
            String type = jobType;
            BpmnModelInstance model = Bpmn.createExecutableProcess("template-" + block).startEvent()
                    .serviceTask("Block", t -> {
                        ServiceTaskBuilder task = t.zeebeJobType(type);
                        inputs.forEach(i -> task.zeebeInput(i[0], i[1]));
                    }).endEvent().done();
            try (CamundaClient client = client()) {
                client.newDeployResourceCommand().addProcessModel(model, block + ".bpmn").send().join();
            }
        }
        assertThat(blocks).containsExactlyInAnyOrder("play", "menu", "collect", "hours", "lookup", "set", "transfer",
                "queue", "voicemail", "callback", "hangup");
    }

    private CamundaClient client() {
        String address = engine.getGatewayAddress();
        int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
        return CamundaClient.newClientBuilder().grpcAddress(URI.create("http://127.0.0.1:" + port))
                .preferRestOverGrpc(false).applyEnvironmentVariableOverrides(false).build();
    }
}
