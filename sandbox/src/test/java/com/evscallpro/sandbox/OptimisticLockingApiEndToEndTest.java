package com.evscallpro.sandbox;

import static com.evscallpro.sandbox.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.user.UserAccount;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Optimistic locking over real HTTP where it was missing: an agent script (its own version, V92: rename, draft,
 * delete) and a campaign's sub-resources (custom field labels, CRM link, agent script binding, calling rules), whose
 * ETag is the campaign's version: a write from an older version is 412 with its code and writes nothing, and a
 * sub-resource's change makes an older ETag of the campaign itself stale too; a PUT or DELETE without If-Match is 428
 * request.precondition-required, and {@code If-Match: *} overwrites whatever the version.
 */
class OptimisticLockingApiEndToEndTest {

    private final SandboxTestContext stack = SandboxTestContext.get();
    private final ApiClient api = new ApiClient(stack);

    private String admin() {
        ApiClient.user(stack, "api-locking-admin", UserAccount.Role.ADMIN, null);
        return api.accessToken("api-locking-admin", "api-locking-admin-pw");
    }

    private static Map<String, Object> form(String key) {
        return map("type", "default", "components", List.of(map("type", "textfield", "key", key, "label", "Q")));
    }

    private static String etag(ApiClient.Response r) {
        return r.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag: " + r.body()));
    }

    @Test
    void a_script_is_renamed_saved_and_deleted_from_the_version_read() {
        String admin = admin();
        ApiClient.Response created = api.post("/api/v1/scripts", admin, map("name", "Locking script",
                "schema", form("budget")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String one = "/api/v1/scripts/" + created.json().get("id").asLong();
        assertThat(etag(api.get(one, admin))).isEqualTo("\"1\"");

        ApiClient.Response renamed = api.put(one, admin, map("name", "Locking script (2)"), Map.of("If-Match", "\"1\""));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(etag(renamed)).isEqualTo("\"2\"");
        ApiClient.Response stale = api.put(one, admin, map("name", "Lost"), Map.of("If-Match", "\"1\""));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.code()).isEqualTo("script.version-mismatch");
        assertThat(stale.json().get("args").toString()).isEqualTo("[1,2]");

        ApiClient.Response draft = api.put(one + "/draft", admin, form("yearly"), Map.of("If-Match", "\"2\""));
        assertThat(draft.status()).as(draft.body()).isEqualTo(200);
        assertThat(etag(draft)).isEqualTo("\"3\"");
        assertThat(api.put(one + "/draft", admin, form("lost"), Map.of("If-Match", "\"2\"")).code())
                .isEqualTo("script.version-mismatch");
        assertThat(api.get(one, admin).json().get("name").asText()).isEqualTo("Locking script (2)");

        ApiClient.Response unconditional = api.delete(one, admin, Map.of());
        assertThat(unconditional.status()).as("a DELETE must say which version it deletes").isEqualTo(428);
        assertThat(unconditional.code()).isEqualTo("request.precondition-required");
        assertThat(api.delete(one, admin, Map.of("If-Match", "\"2\"")).code()).isEqualTo("script.version-mismatch");
        assertThat(api.delete(one, admin, Map.of("If-Match", "\"3\"")).status()).isEqualTo(204);
    }

    @Test
    void a_campaigns_sub_resources_are_changed_from_the_campaigns_version_read() {
        String admin = admin();
        ApiClient.Response campaign = api.post("/api/v1/campaigns", admin, map("name", "Locking campaign"));
        assertThat(campaign.status()).as(campaign.body()).isEqualTo(201);
        String path = "/api/v1/campaigns/" + campaign.json().at("/summary/id").asLong();
        String v0 = etag(campaign);
        assertThat(etag(api.get(path + "/custom-fields", admin))).isEqualTo(v0);

        ApiClient.Response fields = api.put(path + "/custom-fields", admin, map("fields", List.of(map("key", "ref",
                "labelEn", "Reference"))), Map.of("If-Match", v0));
        assertThat(fields.status()).as(fields.body()).isEqualTo(200);
        String v1 = etag(fields);
        assertThat(v1).isNotEqualTo(v0);
        ApiClient.Response staleFields = api.put(path + "/custom-fields", admin, map("fields", List.of()),
                Map.of("If-Match", v0));
        assertThat(staleFields.status()).isEqualTo(412);
        assertThat(staleFields.code()).isEqualTo("campaign.version-mismatch");
        assertThat(api.get(path + "/custom-fields", admin).json().get("fields").size()).as("nothing written")
                .isEqualTo(1);
        assertThat(api.put(path, admin, map("name", "Locking campaign", "maxAttempts", 7), Map.of("If-Match", v0))
                .code()).as("the campaign's own ETag is stale too").isEqualTo("campaign.version-mismatch");

        ApiClient.Response crm = api.put(path + "/crm-link", admin,
                map("template", "https://crm.example.com/c?phone={phone}"), Map.of("If-Match", v1));
        assertThat(crm.status()).as(crm.body()).isEqualTo(200);
        String v2 = etag(crm);
        assertThat(api.put(path + "/crm-link", admin, map("template", ""), Map.of("If-Match", v1)).code())
                .isEqualTo("campaign.version-mismatch");

        ApiClient.Response script = api.put(path + "/script", admin, map("scriptId", null), Map.of("If-Match", v2));
        assertThat(script.status()).as(script.body()).isEqualTo(200);
        String v3 = etag(script);
        assertThat(api.put(path + "/script", admin, map("scriptId", null), Map.of("If-Match", v2)).code())
                .isEqualTo("campaign.version-mismatch");

        String rules = "/api/v1/calling-rules/campaigns/" + campaign.json().at("/summary/id").asLong();
        assertThat(etag(api.get(rules, admin))).isEqualTo(v3);
        ApiClient.Response preset = api.put(rules + "/preset", admin, map("preset", "NONE", "reason", "test"),
                Map.of("If-Match", v3));
        assertThat(preset.status()).as(preset.body()).isEqualTo(200);
        assertThat(api.put(rules + "/preset", admin, map("preset", "NONE", "reason", "test"),
                Map.of("If-Match", v3)).code()).isEqualTo("campaign.version-mismatch");
        String v4 = etag(api.get(path, admin));
        assertThat(v4).as("one version for the campaign and its parts").isEqualTo(etag(preset));

        // a PUT without If-Match is 428 and writes nothing; "*" is the client's explicit "whatever the version"
        ApiClient.Response blind = api.put(path + "/crm-link", admin, map("template", ""), Map.of());
        assertThat(blind.status()).isEqualTo(428);
        assertThat(blind.code()).isEqualTo("request.precondition-required");
        assertThat(etag(api.get(path, admin))).isEqualTo(v4);
        ApiClient.Response overwrite = api.put(path + "/crm-link", admin, map("template", ""), Map.of("If-Match", "*"));
        assertThat(overwrite.status()).as(overwrite.body()).isEqualTo(200);
        assertThat(overwrite.json().get("template").isNull()).isTrue();
    }
}
