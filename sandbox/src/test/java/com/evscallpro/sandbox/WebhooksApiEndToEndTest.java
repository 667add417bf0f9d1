package com.evscallpro.sandbox;

import static com.evscallpro.sandbox.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.audit.AuditEntry;
import com.evscallpro.core.audit.AuditFilter;
import com.evscallpro.core.audit.AuditTrail;
import com.evscallpro.core.user.UserAccount;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Webhook endpoints through the API on the running application, as production runs them
 * ({@code evs.webhooks.allow-private-targets} not set): read with their version as ETag, changed with If-Match (412
 * webhook.version-mismatch when stale, nothing written), paused and deleted with If-Match, and a URL to this machine,
 * a private network or a cloud metadata service refused with webhook.url-forbidden-target, at registration and at a
 * change.
 */
class WebhooksApiEndToEndTest {

    private final SandboxTestContext stack = SandboxTestContext.get();
    private final ApiClient api = new ApiClient(stack);

    @Test
    void an_endpoint_is_changed_with_if_match_and_internal_targets_are_refused() {
        ApiClient.user(stack, "api-hooks-admin", UserAccount.Role.ADMIN, null);
        String admin = api.accessToken("api-hooks-admin", "api-hooks-admin-pw");
        ApiClient.Response created = api.post("/api/v1/webhooks", admin, map("name", "API hooks edit",
                "url", "https://crm.example.com/hooks", "events", List.of("CALL_ENDED")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().at("/endpoint/id").asLong();
        String one = "/api/v1/webhooks/" + id;
        ApiClient.Response read = api.get(one, admin);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(read.body()).doesNotContain(created.json().get("secret").asText());

        ApiClient.Response changed = api.put(one, admin, map("name", "API hooks edited",
                "url", "https://crm2.example.com/hooks", "events", List.of("CALL_ENDED", "CONTACT_CLOSED")),
                Map.of("If-Match", "\"1\""));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(changed.json().get("url").asText()).isEqualTo("https://crm2.example.com/hooks");
        assertThat(changed.json().get("events").toString()).contains("CALL_ENDED", "CONTACT_CLOSED");

        ApiClient.Response stale = api.put(one, admin, map("name", "Lost", "url", "https://crm3.example.com/x",
                "events", List.of("CALL_ENDED")), Map.of("If-Match", "\"1\""));
        assertThat(stale.status()).as(stale.body()).isEqualTo(412);
        assertThat(stale.code()).isEqualTo("webhook.version-mismatch");
        assertThat(stale.json().get("args").toString()).isEqualTo("[1,2]");
        assertThat(api.get(one, admin).json().get("name").asText()).isEqualTo("API hooks edited");

        for (String url : List.of("http://127.0.0.1:" + stack.httpPort() + "/api/v1/auth/login",
                "http://localhost:8080/actuator", "http://169.254.169.254/latest/meta-data/",
                "http://10.0.0.8/hook", "http://[::1]/hook", "http://[fd00:ec2::254]/latest")) {
            ApiClient.Response refused = api.put(one, admin, map("name", "API hooks edited", "url", url,
                    "events", List.of("CALL_ENDED")), Map.of("If-Match", "\"2\""));
            assertThat(refused.status()).as(url + " " + refused.body()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("webhook.url-forbidden-target");
            ApiClient.Response registered = api.post("/api/v1/webhooks", admin, map("name", "API hooks inside",
                    "url", url, "events", List.of("CALL_ENDED")));
            assertThat(registered.code()).as(url).isEqualTo("webhook.url-forbidden-target");
        }
        assertThat(api.get(one, admin).headers().firstValue("ETag")).as("refusals wrote nothing").hasValue("\"2\"");

        assertThat(api.put(one + "/active", admin, map("active", false), Map.of("If-Match", "\"1\"")).code())
                .isEqualTo("webhook.version-mismatch");
        assertThat(api.put(one + "/active", admin, map("active", false), Map.of("If-Match", "\"2\"")).status())
                .isEqualTo(204);
        assertThat(api.delete(one, admin, Map.of("If-Match", "\"2\"")).code()).isEqualTo("webhook.version-mismatch");
        assertThat(api.delete(one, admin, Map.of("If-Match", "\"3\"")).status()).isEqualTo(204);
        assertThat(api.get(one, admin).code()).isEqualTo("webhook.not-found");

        List<AuditEntry> audit = stack.bean(AuditTrail.class).search(new AuditFilter("api-hooks-admin", "webhook",
                null, null), 0, 10);
        assertThat(audit).extracting(AuditEntry::action).containsExactly("delete", "disable", "update", "create");
    }
}
