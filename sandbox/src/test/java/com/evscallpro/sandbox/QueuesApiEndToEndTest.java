package com.evscallpro.sandbox;

import static com.evscallpro.sandbox.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.user.UserAccount;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v1/queues} on the running application: create with defaults, ETag and If-Match (a stale one is 412),
 * bad input refused with its code, the live figures, roles (a supervisor reads, only an admin changes).
 */
class QueuesApiEndToEndTest {

    private final SandboxTestContext stack = SandboxTestContext.get();
    private final ApiClient api = new ApiClient(stack);

    @Test
    void crud_of_a_queue_with_etags_bad_input_live_figures_and_roles() {
        ApiClient.user(stack, "api-queues-admin", UserAccount.Role.ADMIN, null);
        ApiClient.user(stack, "api-queues-sup", UserAccount.Role.SUPERVISOR, null);
        String admin = api.accessToken("api-queues-admin", "api-queues-admin-pw");
        String sup = api.accessToken("api-queues-sup", "api-queues-sup-pw");
        String name = "Api queue " + UUID.randomUUID().toString().substring(0, 8);
        long groupId = api.post("/api/v1/agent-groups", admin, map("name", name)).json().get("id").asLong();

        ApiClient.Response created = api.post("/api/v1/queues", admin, map("groupId", groupId, "priority", 30));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode queue = created.json();
        long id = queue.get("id").asLong();
        assertThat(queue.get("name").asText()).isEqualTo(name);
        assertThat(queue.get("strategy").asText()).isEqualTo("LONGEST_IDLE");
        assertThat(queue.get("serviceLevelSeconds").asInt()).isEqualTo(20);
        assertThat(queue.get("priority").asInt()).isEqualTo(30);
        String etag = created.headers().firstValue("ETag").orElseThrow();

        assertProblem(api.post("/api/v1/queues", admin, map("groupId", groupId)), 409, "queue.group-taken");
        assertProblem(api.post("/api/v1/queues", admin, map("groupId", 987654321)), 400, "queue.unknown-group");
        assertProblem(api.put("/api/v1/queues/" + id, admin, map("strategy", "SKILL_LEVEL"), Map.of("If-Match", etag)),
                400, "queue.skill-required");

        ApiClient.Response updated = api.put("/api/v1/queues/" + id, admin, map("maxWaitSeconds", 90),
                Map.of("If-Match", etag));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("maxWaitSeconds").asInt()).isEqualTo(90);
        assertThat(updated.json().get("priority").asInt()).as("left out: unchanged").isEqualTo(30);
        assertProblem(api.put("/api/v1/queues/" + id, admin, map("maxWaitSeconds", 60), Map.of("If-Match", etag)),
                412, "queue.version-mismatch");
        assertProblem(api.delete("/api/v1/queues/" + id, admin, Map.of("If-Match", etag)), 412,
                "queue.version-mismatch");

        ApiClient.Response status = api.get("/api/v1/queues/status", sup);
        assertThat(status.status()).as(status.body()).isEqualTo(200);
        JsonNode mine = null;
        for (JsonNode s : status.json()) {
            if (s.get("queueId").asLong() == id) {
                mine = s;
            }
        }
        assertThat(mine).as(status.body()).isNotNull();
        assertThat(mine.get("waiting").asInt()).isZero();
        assertThat(mine.get("today").get("entered").asInt()).isZero();
        assertThat(api.get("/api/v1/queues/" + id, sup).status()).isEqualTo(200);
        assertProblem(api.put("/api/v1/queues/" + id, sup, map("priority", 1),
                Map.of("If-Match", "*")), 403, "auth.forbidden");

        assertThat(api.delete("/api/v1/queues/" + id, admin, Map.of("If-Match", "*")).status()).isEqualTo(204);
        assertProblem(api.get("/api/v1/queues/" + id, admin), 404, "queue.not-found");
    }

    private static void assertProblem(ApiClient.Response r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.code()).as(r.body()).isEqualTo(code);
    }
}
