package com.evscallpro.sandbox;

import static com.evscallpro.sandbox.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.user.UserAccount;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The API as a client sees it on the running application, with plain HTTP calls: the OpenAPI document lists the
 * endpoints; an admin creates a campaign, imports contacts (a bad row is reported while the good ones import),
 * starts and pauses it with If-Match; admin and agent read their application data; roles are enforced.
 */
class ApiContractEndToEndTest {

    private final SandboxTestContext stack = SandboxTestContext.get();
    private final ApiClient api = new ApiClient(stack);

    @Test
    void the_openapi_document_lists_every_endpoint_and_the_browsable_page_is_served_beside_vaadin() {
        ApiClient.Response doc = api.get("/api/docs/openapi", null);
        assertThat(doc.status()).isEqualTo(200);
        JsonNode paths = doc.json().get("paths");
        List<String> listed = new ArrayList<>();
        paths.fieldNames().forEachRemaining(listed::add);
        assertThat(listed).contains("/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/logout",
                "/api/v1/application-data", "/api/v1/campaigns", "/api/v1/campaigns/{id}",
                "/api/v1/campaigns/{id}/start", "/api/v1/campaigns/{id}/pause",
                "/api/v1/campaigns/{campaignId}/contacts", "/api/v1/calls", "/api/v1/agent/ready",
                "/api/v1/agent/pause", "/api/v1/agent/qualify", "/api/v1/agent/presence");
        assertThat(listed).allMatch(p -> p.startsWith("/api/v1/"));
        assertThat(doc.json().at("/components/securitySchemes/bearer-jwt/scheme").asText()).isEqualTo("bearer");
        assertThat(paths.at("/~1api~1v1~1auth~1login/post/security").isArray()).as("login needs no token").isTrue();
        assertThat(paths.at("/~1api~1v1~1campaigns~1{id}/get/responses/4XX/content/application~1problem+json")
                .isMissingNode()).as("errors are documented as problem+json").isFalse();
        assertThat(doc.json().at("/components/schemas/Problem/properties/code").isMissingNode()).isFalse();

        ApiClient.Response page = api.get("/api/docs", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("swagger-ui");
        assertThat(api.get("/login", null).body()).as("Vaadin still serves its views")
                .containsIgnoringCase("vaadin");
    }

    @Test
    void an_admin_creates_a_campaign_imports_contacts_starts_it_and_reads_the_application_data() {
        ApiClient.user(stack, "api-admin", UserAccount.Role.ADMIN, null);
        String admin = api.accessToken("api-admin", "api-admin-pw");

        ApiClient.Response created = api.post("/api/v1/campaigns", admin,
                map("name", "API contract campaign", "maxAttempts", 2, "retryDelaySeconds", 60));
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().at("/summary/id").asLong();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/campaigns/" + id);
        assertThat(created.json().at("/summary/status").asText()).isEqualTo("DRAFT");
        assertThat(created.json().at("/settings/maxAttempts").asInt()).isEqualTo(2);

        ApiClient.Response imported = api.post("/api/v1/campaigns/" + id + "/contacts", admin, map("contacts", List.of(
                map("firstName", "Ada", "lastName", "Lovelace", "phone", "+33655500001"),
                map("firstName", "Bad", "lastName", "Row", "phone", "not a number"),
                map("firstName", "Alan", "lastName", "Turing", "phone", "06 55 50 00 02",
                        "customFields", Map.of("crmId", "A-2")))));
        assertThat(imported.status()).isEqualTo(200);
        assertThat(imported.json().get("imported").asInt()).isEqualTo(2);
        assertThat(imported.json().get("rejected")).hasSize(1);
        assertThat(imported.json().at("/rejected/0/line").asInt()).isEqualTo(2);
        assertThat(imported.json().at("/rejected/0/code").asText()).isEqualTo("import.not-a-phone");

        ApiClient.Response contacts = api.get("/api/v1/campaigns/" + id + "/contacts?page=0&size=1", admin);
        assertThat(contacts.status()).isEqualTo(200);
        assertThat(contacts.json().get("total").asLong()).isEqualTo(2);
        assertThat(contacts.json().get("hasNext").asBoolean()).isTrue();
        assertThat(contacts.json().at("/items/0/phoneE164").asText()).isEqualTo("+33655500001");

        ApiClient.Response read = api.get("/api/v1/campaigns/" + id, admin);
        String etag = read.headers().firstValue("ETag").orElseThrow();
        ApiClient.Response stale = api.post("/api/v1/campaigns/" + id + "/start", admin, null,
                Map.of("If-Match", "\"999\""));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.code()).isEqualTo("campaign.version-mismatch");
        ApiClient.Response started = api.post("/api/v1/campaigns/" + id + "/start", admin, null,
                Map.of("If-Match", etag));
        // paused at once: the shared stack's ready agents must not call these numbers
        ApiClient.Response paused = api.post("/api/v1/campaigns/" + id + "/pause", admin, null,
                Map.of("If-Match", started.headers().firstValue("ETag").orElseThrow()));
        assertThat(started.status()).isEqualTo(200);
        assertThat(started.json().at("/summary/status").asText()).isEqualTo("RUNNING");
        assertThat(started.headers().firstValue("ETag")).isNotEqualTo(etag);
        assertThat(paused.status()).isEqualTo(200);
        assertThat(paused.json().at("/summary/status").asText()).isEqualTo("PAUSED");
        assertThat(api.post("/api/v1/campaigns/" + id + "/start", admin, null, Map.of("If-Match", etag)).status())
                .as("the first ETag is stale now").isEqualTo(412);

        ApiClient.Response list = api.get("/api/v1/campaigns?sort=-id&size=5", admin);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().at("/items/0/id").asLong()).isEqualTo(id);

        JsonNode adminData = api.get("/api/v1/application-data", admin).json();
        assertThat(adminData.at("/user/username").asText()).isEqualTo("api-admin");
        assertThat(adminData.at("/user/role").asText()).isEqualTo("ADMIN");
        assertThat(adminData.get("agent")).as("no agent part for an admin").isNull();
        assertThat(adminData.get("campaigns").findValuesAsText("name")).contains("API contract campaign");
        assertThat(adminData.get("pauseReasons").findValuesAsText("code")).contains("break", "lunch");

        ApiClient.user(stack, "api-agent", UserAccount.Role.AGENT, "2611");
        String agent = api.accessToken("api-agent", "api-agent-pw");
        JsonNode agentData = api.get("/api/v1/application-data", agent).json();
        assertThat(agentData.at("/user/role").asText()).isEqualTo("AGENT");
        assertThat(agentData.at("/agent/status/state").asText()).isEqualTo("OFFLINE");
        assertThat(agentData.get("campaigns")).as("campaigns are for admins and supervisors").isNull();
        assertThat(agentData.get("pauseReasons").findValuesAsText("code")).doesNotContain("disconnected");
    }

    /**
     * Issue 7's contract scenario in one flow of plain HTTP calls: a site, a trunk on it, a DID on the trunk, a
     * planning, then a campaign that names them, with contacts; the application data lists the campaign.
     */
    @Test
    void a_client_creates_a_site_a_trunk_a_did_a_planning_and_a_campaign_with_contacts_then_reads_the_application_data() {
        ApiClient.user(stack, "api-chain-admin", UserAccount.Role.ADMIN, null);
        String admin = api.accessToken("api-chain-admin", "api-chain-admin-pw");

        ApiClient.Response site = api.post("/api/v1/sites", admin, map("code", "api-chain", "name", "API chain site",
                "timeZone", "Europe/Paris", "pbxMode", "ASTERISK_AMI", "enabled", false));
        assertThat(site.status()).as(site.body()).isEqualTo(201);
        long siteId = site.json().get("id").asLong();
        ApiClient.Response trunk = api.post("/api/v1/trunks", admin, map("name", "api-chain", "host",
                "sip.chain.example", "siteId", siteId));
        assertThat(trunk.status()).as(trunk.body()).isEqualTo(201);
        long trunkId = trunk.json().get("id").asLong();
        ApiClient.Response did = api.post("/api/v1/dids", admin, map("number", "+33184120001", "trunkId", trunkId,
                "label", "API chain line"));
        assertThat(did.status()).as(did.body()).isEqualTo(201);
        assertThat(did.json().get("trunkName").asText()).isEqualTo("api-chain");
        ApiClient.Response planning = api.post("/api/v1/plannings", admin, map("name", "API chain hours",
                "timeZone", "Europe/Paris", "holidays", "FR", "slots", List.of(map("day", "MONDAY", "start", "09:00",
                        "end", "12:00")), "exceptions", List.of()));
        assertThat(planning.status()).as(planning.body()).isEqualTo(201);
        long planningId = planning.json().at("/planning/id").asLong();

        ApiClient.Response campaign = api.post("/api/v1/campaigns", admin, map("name", "API chain campaign",
                "siteId", siteId, "trunkId", trunkId, "planningId", planningId));
        assertThat(campaign.status()).as(campaign.body()).isEqualTo(201);
        long campaignId = campaign.json().at("/summary/id").asLong();
        assertThat(campaign.json().at("/settings/siteId").asLong()).isEqualTo(siteId);
        assertThat(campaign.json().at("/settings/trunkId").asLong()).isEqualTo(trunkId);
        assertThat(campaign.json().at("/settings/planningId").asLong()).isEqualTo(planningId);
        ApiClient.Response contacts = api.post("/api/v1/campaigns/" + campaignId + "/contacts", admin,
                map("contacts", List.of(map("firstName", "Grace", "lastName", "Hopper", "phone", "+33655500011"))));
        assertThat(contacts.status()).as(contacts.body()).isEqualTo(200);
        assertThat(contacts.json().get("imported").asInt()).isEqualTo(1);

        JsonNode data = api.get("/api/v1/application-data", admin).json();
        assertThat(data.get("campaigns").findValuesAsText("name")).contains("API chain campaign");
    }

    @Test
    void roles_are_enforced_an_agent_is_refused_admin_endpoints_and_no_token_is_401() {
        ApiClient.user(stack, "api-agent-2", UserAccount.Role.AGENT, "2612");
        ApiClient.user(stack, "api-supervisor", UserAccount.Role.SUPERVISOR, null);
        String agent = api.accessToken("api-agent-2", "api-agent-2-pw");
        String supervisor = api.accessToken("api-supervisor", "api-supervisor-pw");

        for (ApiClient.Response r : List.of(api.get("/api/v1/campaigns", agent),
                api.get("/api/v1/campaigns/1/contacts", agent),
                api.post("/api/v1/campaigns", agent, map("name", "agent's campaign")),
                api.post("/api/v1/campaigns", supervisor, map("name", "supervisor's campaign")),
                api.post("/api/v1/agent/ready", supervisor, null))) {
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.code()).isEqualTo("auth.forbidden");
        }
        assertThat(api.get("/api/v1/campaigns", supervisor).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/calls?size=5", supervisor).status()).isEqualTo(200);

        for (ApiClient.Response r : List.of(api.get("/api/v1/campaigns", null),
                api.get("/api/v1/application-data", null), api.post("/api/v1/agent/ready", null, null),
                api.get("/api/v1/campaigns", "not.a.jwt"))) {
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.code()).isIn("auth.unauthenticated", "auth.token-invalid");
        }
    }

    /**
     * An RBAC matrix generated from the OpenAPI document (itself generated from the code): every documented
     * operation × anonymous / agent / supervisor / admin is allowed or refused as designed; a new endpoint is covered
     * without editing this test. "Allowed" means not 401/403 (the call may still be refused for its input).
     */
    @Test
    void every_documented_operation_is_allowed_or_refused_per_role_as_designed() throws Exception {
        ApiClient.user(stack, "api-rbac-agent", UserAccount.Role.AGENT, "2614");
        ApiClient.user(stack, "api-rbac-sup", UserAccount.Role.SUPERVISOR, null);
        ApiClient.user(stack, "api-rbac-admin", UserAccount.Role.ADMIN, null);
        Map<String, String> tokens = new java.util.LinkedHashMap<>();
        tokens.put("ANONYMOUS", null);
        tokens.put("AGENT", api.accessToken("api-rbac-agent", "api-rbac-agent-pw"));
        tokens.put("SUPERVISOR", api.accessToken("api-rbac-sup", "api-rbac-sup-pw"));
        tokens.put("ADMIN", api.accessToken("api-rbac-admin", "api-rbac-admin-pw"));
        ApiClient.Response doc = api.get("/api/docs/openapi", null);
        java.nio.file.Path out = java.nio.file.Path.of("target", "openapi", "openapi.json");
        java.nio.file.Files.createDirectories(out.getParent());
        java.nio.file.Files.writeString(out, doc.body()); // the document the build produced, kept with the build

        List<String> checked = new ArrayList<>();
        doc.json().get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(
                method -> {
                    String url = path.getKey().replaceAll("\\{[A-Za-z]+}", "987654321");
                    if (url.endsWith("/logout")) {
                        return; // would revoke the tokens of the next rows; covered by ApiTokensEndToEndTest
                    }
                    java.util.Set<String> allowed = allowedRoles(method.toUpperCase(), url);
                    tokens.forEach((role, token) -> {
                        if (role.equals("AGENT") && url.endsWith("/agent/ready")) {
                            return; // a READY agent on the shared stack could be given other tests' calls
                        }
                        ApiClient.Response r = method.equals("get") ? api.get(url, token)
                                : api.send(method.toUpperCase(), url, token, "{}", Map.of());
                        boolean refused = r.status() == 401 || r.status() == 403;
                        assertThat(refused).as(role + " " + method + " " + url + " -> " + r.status() + " " + r.body())
                                .isEqualTo(!allowed.contains(role));
                        if (refused) {
                            assertThat(r.status()).as(role + " " + url)
                                    .isEqualTo(role.equals("ANONYMOUS") ? 401 : 403);
                        }
                        assertThat(r.status()).as(role + " " + url + " never a 500").isLessThan(500);
                    });
                    checked.add(method + " " + url);
                }));
        assertThat(checked).hasSizeGreaterThanOrEqualTo(15);
    }

    /** The designed roles of each operation (docs/api.md, "Roles"). */
    private static java.util.Set<String> allowedRoles(String method, String url) {
        if (url.equals("/api/v1/auth/login") || url.equals("/api/v1/auth/refresh")
                || url.equals("/api/v1/auth/password")) {
            return java.util.Set.of("ANONYMOUS", "AGENT", "SUPERVISOR", "ADMIN");
        }
        if (url.equals("/api/v1/application-data")) {
            return java.util.Set.of("AGENT", "SUPERVISOR", "ADMIN");
        }
        if (url.startsWith("/api/v1/agent/")) {
            return java.util.Set.of("AGENT");
        }
        if (url.startsWith("/api/v1/audit") || url.startsWith("/api/v1/flows") || url.startsWith("/api/v1/webhooks")
                || url.startsWith("/api/v1/privacy") || url.startsWith("/api/v1/prompt")
                || url.startsWith("/api/v1/imports")) { // contact file imports are admins' work, progress included
            return java.util.Set.of("ADMIN");
        }
        if (url.startsWith("/api/v1/scripts")) { // agent scripts: analysts and admins write, supervisors read
            return method.equals("GET") ? java.util.Set.of("SUPERVISOR", "ADMIN") : java.util.Set.of("ADMIN");
        }
        if (url.startsWith("/api/v1/callbacks")) { // agents read their own; supervisors manage them (issue 9)
            return method.equals("GET") ? java.util.Set.of("AGENT", "SUPERVISOR", "ADMIN")
                    : java.util.Set.of("SUPERVISOR", "ADMIN");
        }
        if (url.startsWith("/api/v1/recordings") && !url.startsWith("/api/v1/recordings/policies")) {
            return java.util.Set.of("AGENT", "SUPERVISOR", "ADMIN"); // an agent: their own calls (else 404)
        }
        if (url.startsWith("/api/v1/voicemails")) {
            return java.util.Set.of("SUPERVISOR", "ADMIN"); // listening and archiving are supervisors' work too
        }
        if (url.startsWith("/api/v1/calls")) { // the call history: agents read their own calls (issue 11)
            return method.equals("GET") ? java.util.Set.of("AGENT", "SUPERVISOR", "ADMIN") : java.util.Set.of("ADMIN");
        }
        if (url.startsWith("/api/v1/supervisor-actions")) { // the journal of supervisors' actions: admins read it
            return java.util.Set.of("ADMIN");
        }
        if (url.startsWith("/api/v1/supervision")) { // supervisors' call control: listen, whisper, barge... (issue 11)
            return java.util.Set.of("SUPERVISOR", "ADMIN");
        }
        if (url.matches("/api/v1/(sites|trunks|dids)(/.*)?")) {
            return java.util.Set.of("ADMIN"); // PBX connections and their secrets: admins only, reads included
        }
        return method.equals("GET") ? java.util.Set.of("SUPERVISOR", "ADMIN") : java.util.Set.of("ADMIN");
    }

    @Test
    void an_agent_works_through_the_api_presence_ready_and_pause() {
        ApiClient.user(stack, "api-agent-3", UserAccount.Role.AGENT, "2613");
        String agent = api.accessToken("api-agent-3", "api-agent-3-pw");
        assertThat(api.post("/api/v1/agent/presence", agent, null).status()).isEqualTo(204);
        ApiClient.Response paused = api.post("/api/v1/agent/pause", agent, map("reason", "break"));
        assertThat(paused.status()).isEqualTo(200);
        assertThat(paused.json().get("state").asText()).isEqualTo("PAUSED");
        assertThat(paused.json().get("pauseReason").asText()).isEqualTo("break");
        ApiClient.Response unknown = api.post("/api/v1/agent/pause", agent, map("reason", "nap"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("agent.unknown-pause-reason");
        ApiClient.Response qualify = api.post("/api/v1/agent/qualify", agent, map("qualificationCode", "SALE"));
        assertThat(qualify.status()).isEqualTo(400);
        assertThat(qualify.code()).isEqualTo("task.not-assigned");
    }
}
