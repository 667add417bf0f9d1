package com.evscallpro.sandbox;

import static com.evscallpro.sandbox.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.user.UserAccount;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Agent scripts through the API on the running application: an analyst creates a script, saves a draft, publishes it;
 * bad schemas are refused with their codes (RFC 7807) and change nothing; a supervisor reads but cannot write; an
 * agent can do neither.
 */
class ApiScriptsEndToEndTest {

    private final SandboxTestContext stack = SandboxTestContext.get();
    private final ApiClient api = new ApiClient(stack);

    private static Map<String, Object> form(String key) {
        return map("type", "default", "components", List.of(
                map("type", "text", "text", "Hello {{contact.firstName}}"),
                map("type", "textfield", "key", key, "label", "Question")));
    }

    @Test
    void an_analyst_creates_saves_and_publishes_a_script_and_bad_schemas_are_refused_with_their_codes() {
        ApiClient.user(stack, "api-script-analyst", UserAccount.Role.ANALYST, null);
        ApiClient.user(stack, "api-script-sup", UserAccount.Role.SUPERVISOR, null);
        ApiClient.user(stack, "api-script-agent", UserAccount.Role.AGENT, "2615");
        String analyst = api.accessToken("api-script-analyst", "api-script-analyst-pw");
        String supervisor = api.accessToken("api-script-sup", "api-script-sup-pw");
        String agent = api.accessToken("api-script-agent", "api-script-agent-pw");
        String name = "API script " + UUID.randomUUID().toString().substring(0, 6);

        ApiClient.Response created = api.post("/api/v1/scripts", analyst,
                map("name", name, "schema", form("budget"), "comment", "first"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.headers().firstValue("Location")).contains("/api/v1/scripts/" + id);
        assertThat(created.json().get("hasDraft").asBoolean()).isTrue();
        assertThat(created.json().get("publishedNumber").isNull()).isTrue();

        ApiClient.Response draft = api.put("/api/v1/scripts/" + id + "/draft?comment=renamed", analyst, form("yearly"),
                Map.of("If-Match", "*"));
        assertThat(draft.status()).as(draft.body()).isEqualTo(200);
        long versionId = draft.json().get("id").asLong();
        assertThat(draft.json().get("number").asInt()).isEqualTo(1); // the draft is replaced, not piled up
        ApiClient.Response schema = api.get("/api/v1/scripts/versions/" + versionId + "/schema", supervisor);
        assertThat(schema.json().get("components").get(1).get("key").asText()).isEqualTo("yearly");

        ApiClient.Response published = api.post("/api/v1/scripts/versions/" + versionId + "/publish?comment=go",
                analyst, null);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(api.get("/api/v1/scripts/" + id, supervisor).json().get("publishedNumber").asInt()).isEqualTo(1);

        // refusals: each with its code, and the stored draft unchanged
        Map<String, Object> iframe = map("type", "default", "components", List.of(map("type", "iframe", "url",
                "https://example.com")));
        ApiClient.Response unknown = api.put("/api/v1/scripts/" + id + "/draft", analyst, iframe,
                Map.of("If-Match", "*"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("script.schema-unknown-type");
        assertThat(unknown.contentType()).contains("application/problem+json");
        Map<String, Object> twice = map("type", "default", "components", List.of(
                map("type", "textfield", "key", "a"), map("type", "number", "key", "a")));
        assertThat(api.put("/api/v1/scripts/" + id + "/draft", analyst, twice, Map.of("If-Match", "*")).code())
                .isEqualTo("script.schema-key-duplicate");
        assertThat(api.put("/api/v1/scripts/" + id + "/draft", analyst, List.of(1, 2), Map.of("If-Match", "*")).code())
                .isEqualTo("script.schema-not-a-form");
        assertThat(api.post("/api/v1/scripts", analyst, map("name", name, "schema", form("x"))).status())
                .isEqualTo(409);
        JsonNode versions = api.get("/api/v1/scripts/" + id + "/versions", supervisor).json();
        assertThat(versions).hasSize(1);
        assertThat(versions.get(0).get("status").asText()).isEqualTo("PUBLISHED");

        // roles: supervisors read, never write; agents neither
        assertThat(api.get("/api/v1/scripts", supervisor).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/scripts", supervisor, map("name", name + " sup", "schema", form("s"))).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/scripts", agent).status()).isEqualTo(403);

        // binding: admins choose a campaign's script, supervisors read it
        ApiClient.user(stack, "api-script-admin", UserAccount.Role.ADMIN, null);
        String admin = api.accessToken("api-script-admin", "api-script-admin-pw");
        long campaign = stack.bean(com.evscallpro.core.campaign.CampaignService.class).create(
                com.evscallpro.core.campaign.NewCampaign.withDefaults("API scripted " + name));
        ApiClient.Response bound = api.put("/api/v1/campaigns/" + campaign + "/script", admin, map("scriptId", id),
                Map.of("If-Match", "*"));
        assertThat(bound.status()).as(bound.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/campaigns/" + campaign + "/script", supervisor).json().get("scriptId").asLong())
                .isEqualTo(id);
        assertThat(api.put("/api/v1/campaigns/" + campaign + "/script", analyst, map("scriptId", id),
                Map.of("If-Match", "*"))
                .status()).isEqualTo(403);
        assertThat(api.put("/api/v1/campaigns/987654321/script", admin, map("scriptId", id),
                Map.of("If-Match", "*")).status())
                .isEqualTo(404);
        assertThat(api.put("/api/v1/campaigns/" + campaign + "/script", admin, map("scriptId", 987654321L),
                Map.of("If-Match", "*"))
                .code()).isEqualTo("script.not-found");

        assertThat(api.delete("/api/v1/scripts/" + id, analyst, Map.of("If-Match", "*")).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/campaigns/" + campaign + "/script", supervisor).json().get("scriptId").isNull())
                .as("deleting the script unbinds it").isTrue();
        assertThat(api.get("/api/v1/scripts/" + id, supervisor).status()).isEqualTo(404);
    }

    @Test
    void a_form_file_is_imported_as_a_draft_compared_with_the_published_version_and_exported_back() throws Exception {
        ApiClient.user(stack, "api-script-analyst", UserAccount.Role.ANALYST, null);
        ApiClient.user(stack, "api-script-sup", UserAccount.Role.SUPERVISOR, null);
        String analyst = api.accessToken("api-script-analyst", "api-script-analyst-pw");
        String supervisor = api.accessToken("api-script-sup", "api-script-sup-pw");
        String name = "API form " + UUID.randomUUID().toString().substring(0, 6);
        ApiClient.Response created = api.post("/api/v1/scripts", analyst, map("name", name, "schema", form("budget")));
        long id = created.json().get("id").asLong();
        long v1 = api.get("/api/v1/scripts/" + id + "/versions", supervisor).json().get(0).get("id").asLong();
        api.post("/api/v1/scripts/versions/" + v1 + "/publish", analyst, null);

        // a file as Camunda Modeler saves it (core's test fixture)
        String file = java.nio.file.Files.readString(java.nio.file.Path.of(
                "../core/src/test/resources/scripts/callback-survey.form"));
        ApiClient.Response imported = api.post("/api/v1/scripts/" + id + "/form?comment=from%20Modeler", analyst,
                file);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("number").asInt()).isEqualTo(2);
        assertThat(imported.json().get("status").asText()).isEqualTo("DRAFT");
        long v2 = imported.json().get("id").asLong();

        JsonNode changes = api.get("/api/v1/scripts/versions/" + v1 + "/compare/" + v2, supervisor).json();
        List<String> lines = new java.util.ArrayList<>();
        changes.forEach(c -> lines.add(c.get("kind").asText() + " " + c.get("component").asText()));
        assertThat(lines).contains("ADDED Customer e-mail", "ADDED Reason", "REMOVED Question");

        ApiClient.Response exported = api.get("/api/v1/scripts/versions/" + v2 + "/form", supervisor);
        assertThat(exported.status()).isEqualTo(200);
        assertThat(exported.headers().firstValue("Content-Disposition").orElse(""))
                .contains("attachment").contains("-v2.form");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(json.readTree(exported.body())).isEqualTo(json.readTree(file));

        // a bad file: refused with its code, nothing changes
        ApiClient.Response bad = api.post("/api/v1/scripts/" + id + "/form", analyst,
                file.replace("\"type\": \"checkbox\"", "\"type\": \"iframe\""));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("script.schema-unknown-type");
        assertThat(api.post("/api/v1/scripts/" + id + "/form", supervisor, file).status()).isEqualTo(403);
        JsonNode versions = api.get("/api/v1/scripts/" + id + "/versions", supervisor).json();
        assertThat(versions).hasSize(2);
        assertThat(json.readTree(api.get("/api/v1/scripts/versions/" + v2 + "/schema", supervisor).body()))
                .isEqualTo(json.readTree(file));
    }
}
