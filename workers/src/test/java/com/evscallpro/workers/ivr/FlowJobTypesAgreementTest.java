package com.evscallpro.workers.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.flow.FlowJobTypes;
import com.evscallpro.processes.OutboundCallProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The job types the flow validation accepts ({@link FlowJobTypes}) are exactly those our element templates offer
 * and our workers serve: a block added to the templates but not to the rules (or the reverse) fails here.
 */
class FlowJobTypesAgreementTest {

    @Test
    void the_ivr_blocks_and_their_required_inputs_are_those_of_the_element_templates() throws Exception {
        JsonNode templates;
        try (InputStream in = getClass().getResourceAsStream("/element-templates/evscallpro-ivr-blocks.json")) {
            templates = new ObjectMapper().readTree(in);
        }
        Map<String, List<String>> required = new HashMap<>();
        for (JsonNode t : templates) {
            String block = t.get("id").asText().replace("com.evscallpro.ivr.", "");
            List<String> inputs = new ArrayList<>();
            for (JsonNode p : t.get("properties")) {
                if (p.path("constraints").path("notEmpty").asBoolean(false)
                        && "zeebe:input".equals(p.path("binding").path("type").asText())) {
                    inputs.add(p.path("binding").path("name").asText());
                }
            }
            required.put(block, inputs);
        }
        assertThat(FlowJobTypes.IVR_BLOCKS).containsExactlyInAnyOrderElementsOf(required.keySet());
        assertThat(FlowJobTypes.IVR_REQUIRED_INPUTS).isEqualTo(required);
    }

    @Test
    void the_outbound_job_types_are_those_of_the_outbound_call_process() throws Exception {
        Set<String> declared = new HashSet<>();
        for (Field f : OutboundCallProcess.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getName().startsWith("JOB_")
                    && !f.getName().equals("JOB_USER_TASK")) {
                declared.add((String) f.get(null));
            }
        }
        assertThat(FlowJobTypes.OUTBOUND).containsExactlyInAnyOrderElementsOf(declared);
    }
}
