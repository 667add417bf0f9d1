package com.evscallpro.processes;

import static com.evscallpro.processes.OutboundCallProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The analyst-facing element templates offer exactly the job types of the contract, as service tasks. */
class ElementTemplatesTest {

    static final String TEMPLATES = "element-templates/evscallpro-tasks.json";

    @Test
    void templates_cover_the_analyst_facing_job_types() throws Exception {
        JsonNode templates;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(TEMPLATES)) {
            assertThat(in).isNotNull();
            templates = new ObjectMapper().readTree(in);
        }
        assertThat(templates.isArray()).isTrue();
        List<String> jobTypes = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (JsonNode template : templates) {
            ids.add(template.path("id").asText());
            assertThat(template.path("$schema").asText()).contains("zeebe-element-templates-json-schema");
            assertThat(template.path("version").asInt()).isPositive();
            assertThat(template.path("elementType").path("value").asText()).isEqualTo("bpmn:ServiceTask");
            for (JsonNode property : template.path("properties")) {
                JsonNode binding = property.path("binding");
                if (binding.path("type").asText().equals("zeebe:taskDefinition")
                        && binding.path("property").asText().equals("type")) {
                    assertThat(property.path("type").asText()).isEqualTo("Hidden");
                    jobTypes.add(property.path("value").asText());
                }
            }
        }
        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.startsWith("com.evscallpro."));
        assertThat(jobTypes).containsExactlyInAnyOrder(JOB_PBX_ORIGINATE, JOB_PBX_HANGUP, JOB_CDR_RECORD,
                JOB_CONTACT_SCHEDULE_CALLBACK, JOB_CONTACT_SCHEDULE_RETRY, JOB_CONTACT_CLOSE);
    }
}
