package com.evscallpro.app.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.ivr.IvrCallersChanged;
import com.evscallpro.core.ivr.IvrFlowCallers;
import com.evscallpro.core.user.UserAccount.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON of {@code /topic/ivrCallers} against its published JSON Schema, and who may subscribe to it. */
class IvrCallersTopicTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void ivr_callers_json_follows_its_schema_with_the_count_per_flow_and_did() throws Exception {
        IvrCallersChanged e = new IvrCallersChanged(12, Instant.parse("2026-12-07T09:30:00Z"), 3, List.of(
                new IvrFlowCallers(4L, "Standard (démo)", 3, List.of(new IvrFlowCallers.DidCallers("+33184880000", 2),
                        new IvrFlowCallers.DidCallers("+33184880001", 1)))));

        JsonNode json = JSON.valueToTree(WallboardPublisher.ivrCallers(e));

        assertThat(WallboardFiguresPublisherTest.schema("ivrCallers.schema.json").validate(json)).isEmpty();
        assertThat(json.get("event").asText()).isEqualTo("ivrCallers");
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.get("occurredAt").asText()).isEqualTo("2026-12-07T09:30:00Z");
        assertThat(json.get("version").asLong()).isEqualTo(12);
        assertThat(json.get("total").asInt()).isEqualTo(3);
        JsonNode flow = json.get("flows").get(0);
        assertThat(flow.get("flow").asText()).isEqualTo("Standard (démo)");
        assertThat(flow.get("dids").get(1).get("did").asText()).isEqualTo("+33184880001");
        assertThat(flow.get("dids").get(1).get("callers").asInt()).isEqualTo(1);
    }

    @Test
    void an_empty_ivr_follows_the_schema_and_a_flow_without_callers_does_not() throws Exception {
        JsonNode empty = JSON.valueToTree(WallboardPublisher.ivrCallers(
                new IvrCallersChanged(13, Instant.parse("2026-12-07T09:30:01Z"), 0, List.of())));
        assertThat(WallboardFiguresPublisherTest.schema("ivrCallers.schema.json").validate(empty)).isEmpty();

        JsonNode zero = JSON.valueToTree(WallboardPublisher.ivrCallers(new IvrCallersChanged(14,
                Instant.parse("2026-12-07T09:30:02Z"), 0, List.of(new IvrFlowCallers(4L, "x", 0, List.of())))));
        assertThat(WallboardFiguresPublisherTest.schema("ivrCallers.schema.json").validate(zero)).isNotEmpty();
    }

    @Test
    void supervisors_and_admins_subscribe_to_ivr_callers_and_agents_do_not() {
        assertThat(WallboardTopics.maySubscribe(Role.SUPERVISOR, "/topic/ivrCallers")).isTrue();
        assertThat(WallboardTopics.maySubscribe(Role.ADMIN, "/topic/ivrCallers")).isTrue();
        assertThat(WallboardTopics.maySubscribe(Role.AGENT, "/topic/ivrCallers")).isFalse();
    }
}
