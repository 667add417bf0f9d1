package com.evscallpro.sandbox;

import static com.evscallpro.sandbox.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.user.UserAccount;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The back office's reference data through the API on the running application: plannings (with their opening
 * computed by the real holiday calendar), qualification groups and pause reasons are created, replaced with
 * If-Match, refused with 412 when stale and with their codes when invalid (nothing half-written), every change lands
 * in the audit log, which an admin reads and exports; roles are enforced.
 */
class ApiBackOfficeEndToEndTest {

    private final SandboxTestContext stack = SandboxTestContext.get();
    private final ApiClient api = new ApiClient(stack);

    private String admin() {
        ApiClient.user(stack, "api-bo-admin", UserAccount.Role.ADMIN, null);
        return api.accessToken("api-bo-admin", "api-bo-admin-pw");
    }

    private static Map<String, Object> weekdayMornings(String name) {
        return map("name", name, "timeZone", "Europe/Paris", "holidays", "FR", "slots", List.of(
                map("day", "MONDAY", "start", "10:00", "end", "13:00"),
                map("day", "TUESDAY", "start", "10:00", "end", "13:00"),
                map("day", "WEDNESDAY", "start", "10:00", "end", "13:00"),
                map("day", "THURSDAY", "start", "10:00", "end", "13:00"),
                map("day", "FRIDAY", "start", "10:00", "end", "13:00")));
    }

    @Test
    void a_planning_is_created_read_with_its_etag_replaced_with_if_match_and_refused_when_stale() {
        String admin = admin();
        ApiClient.Response created = api.post("/api/v1/plannings", admin, weekdayMornings("API mornings"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().at("/planning/id").asLong();
        String etag = created.headers().firstValue("ETag").orElseThrow();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/plannings/" + id);

        // Friday 25 December 2026 10:30 in Paris is Christmas: closed; next opening Monday 28th 10:00 Paris (09:00Z)
        JsonNode christmas = api.get("/api/v1/plannings/" + id + "/opening?at=2026-12-25T09:30:00Z", admin).json();
        assertThat(christmas.get("open").asBoolean()).isFalse();
        assertThat(christmas.get("nextOpening").asText()).isEqualTo("2026-12-28T09:00:00Z");
        assertThat(api.get("/api/v1/plannings/" + id + "/opening?at=2026-12-28T11:00:00Z", admin).json()
                .get("open").asBoolean()).isTrue();

        Map<String, Object> afternoons = weekdayMornings("API mornings");
        afternoons.put("slots", List.of(map("day", "MONDAY", "start", "14:00", "end", "20:00")));
        ApiClient.Response replaced = api.put("/api/v1/plannings/" + id, admin, afternoons, Map.of("If-Match", etag));
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.headers().firstValue("ETag")).isNotEqualTo(etag);
        assertThat(replaced.json().at("/planning/slots/0/start").asText()).startsWith("14:00");

        ApiClient.Response stale = api.put("/api/v1/plannings/" + id, admin, weekdayMornings("API mornings"),
                Map.of("If-Match", etag));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.code()).isEqualTo("planning.version-mismatch");
        assertThat(api.delete("/api/v1/plannings/" + id, admin, Map.of("If-Match", etag)).code())
                .isEqualTo("planning.version-mismatch");
        assertThat(api.get("/api/v1/plannings/" + id, admin).json().at("/planning/slots").size())
                .as("the stale change wrote nothing").isEqualTo(1);

        Map<String, Object> overlapping = weekdayMornings("API overlapping");
        overlapping.put("slots", List.of(map("day", "MONDAY", "start", "10:00", "end", "13:00"),
                map("day", "MONDAY", "start", "12:00", "end", "14:00")));
        assertThat(api.post("/api/v1/plannings", admin, overlapping).code()).isEqualTo("planning.slots-overlap");
        Map<String, Object> badZone = weekdayMornings("API bad zone");
        badZone.put("timeZone", "Mars/Olympus");
        assertThat(api.post("/api/v1/plannings", admin, badZone).code()).isEqualTo("planning.zone-unknown");
        assertThat(api.post("/api/v1/plannings", admin, weekdayMornings("x".repeat(101))).code())
                .isEqualTo("request.invalid");
        ApiClient.Response taken = api.post("/api/v1/plannings", admin, weekdayMornings("API mornings"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.code()).isEqualTo("planning.name-taken");
        assertThat(api.get("/api/v1/plannings?size=500", admin).json().get("items").findValuesAsText("name"))
                .doesNotContain("API overlapping", "API bad zone");

        String current = api.get("/api/v1/plannings/" + id, admin).headers().firstValue("ETag").orElseThrow();
        assertThat(api.delete("/api/v1/plannings/" + id, admin, Map.of("If-Match", current)).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/plannings/" + id, admin).status()).isEqualTo(404);
    }

    @Test
    void qualification_groups_and_pause_reasons_follow_the_same_rules_and_every_change_is_audited() {
        String admin = admin();
        Map<String, Object> group = map("name", "API dispositions", "qualifications", List.of(
                map("code", "SALE", "labelFr", "Vente", "labelEn", "Sale", "category", "POSITIVE"),
                map("code", "RECALL", "labelFr", "À rappeler", "labelEn", "Call back", "category", "CALLBACK",
                        "finalOutcome", false)));
        ApiClient.Response created = api.post("/api/v1/qualification-groups", admin, group);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().at("/group/id").asLong();
        String etag = created.headers().firstValue("ETag").orElseThrow();
        assertThat(created.json().at("/group/qualifications/1/finalOutcome").asBoolean()).isFalse();

        group.put("qualifications", List.of(map("code", "SALE", "labelFr", "Vente", "labelEn", "Sale",
                "category", "POSITIVE")));
        assertThat(api.put("/api/v1/qualification-groups/" + id, admin, group, Map.of("If-Match", etag)).status())
                .isEqualTo(200);
        assertThat(api.put("/api/v1/qualification-groups/" + id, admin, group, Map.of("If-Match", etag)).code())
                .isEqualTo("qualification.version-mismatch");
        group.put("qualifications", List.of(map("code", "SALE", "labelFr", "Vente", "labelEn", "Sale",
                "category", "MAYBE")));
        assertThat(api.put("/api/v1/qualification-groups/" + id, admin, group, Map.of("If-Match", "*")).code())
                .as("an unknown category").isEqualTo("request.invalid");
        assertThat(api.get("/api/v1/qualification-groups/" + id, admin).json().at("/group/qualifications/0/category")
                .asText()).isEqualTo("POSITIVE");

        ApiClient.Response reason = api.put("/api/v1/pause-reasons/coaching", admin,
                map("labelFr", "Coaching", "labelEn", "Coaching", "position", 9), Map.of("If-Match", "*"));
        assertThat(reason.status()).as(reason.body()).isEqualTo(200);
        String reasonTag = reason.headers().firstValue("ETag").orElseThrow();
        assertThat(api.put("/api/v1/pause-reasons/coaching", admin,
                map("labelFr", "Coaching", "labelEn", "Coaching", "position", 9, "active", false),
                Map.of("If-Match", reasonTag)).json().at("/reason/active").asBoolean()).isFalse();
        assertThat(api.put("/api/v1/pause-reasons/coaching", admin,
                map("labelFr", "x", "labelEn", "x", "position", 1), Map.of("If-Match", reasonTag)).code())
                .isEqualTo("pause.version-mismatch");
        assertThat(api.put("/api/v1/pause-reasons/disconnected", admin,
                map("labelFr", "x", "labelEn", "x", "position", 1), Map.of("If-Match", "*")).code())
                .isEqualTo("pause.code-reserved");
        assertThat(api.put("/api/v1/pause-reasons/Bad%20Code", admin,
                map("labelFr", "x", "labelEn", "x", "position", 1), Map.of("If-Match", "*")).code())
                .isEqualTo("pause.code-invalid");

        JsonNode audit = api.get("/api/v1/audit?actor=api-bo-admin&entity=qualification-group&size=50", admin).json();
        assertThat(audit.get("items").findValuesAsText("action")).contains("create", "update");
        assertThat(audit.get("items").findValuesAsText("summary")).contains("API dispositions");
        assertThat(api.get("/api/v1/audit?actor=api-bo-admin&entity=pause-reason", admin).json().get("items")
                .findValuesAsText("entityId")).contains("coaching");
        ApiClient.Response csv = api.get("/api/v1/audit/export?actor=api-bo-admin&entity=qualification-group", admin);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body()).contains("API dispositions").contains("api-bo-admin");

        ApiClient.user(stack, "api-bo-supervisor", UserAccount.Role.SUPERVISOR, null);
        String supervisor = api.accessToken("api-bo-supervisor", "api-bo-supervisor-pw");
        assertThat(api.get("/api/v1/qualification-groups/" + id, supervisor).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/pause-reasons", supervisor).status()).isEqualTo(200);
        assertThat(api.put("/api/v1/qualification-groups/" + id, supervisor, group, Map.of("If-Match", "*")).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/audit", supervisor).status()).isEqualTo(403);
        ApiClient.user(stack, "api-bo-agent", UserAccount.Role.AGENT, null);
        String agent = api.accessToken("api-bo-agent", "api-bo-agent-pw");
        assertThat(api.get("/api/v1/plannings", agent).status()).isEqualTo(403);
    }

    @Test
    void an_admin_creates_a_flow_saves_a_draft_as_bpmn_and_publishes_it_through_the_api() {
        String admin = admin();
        String processId = "api-ivr-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        java.util.function.Function<String, String> bpmn = name -> io.camunda.zeebe.model.bpmn.Bpmn.convertToString(
                io.camunda.zeebe.model.bpmn.Bpmn.createExecutableProcess(processId).startEvent()
                        .serviceTask("play", t -> t.name(name).zeebeJobTypeExpression("\"ivr.play.\" + evsNode")
                                .zeebeInput("hello-world", "prompt")).endEvent().done());
        ApiClient.Response created = api.post("/api/v1/flows", admin, map("kind", "IVR", "name", "API flow " + processId,
                "bpmnXml", bpmn.apply("Hello")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("processId").asText()).isEqualTo(processId);

        ApiClient.Response draft = api.send("PUT", "/api/v1/flows/" + id + "/draft?comment=new%20prompt", admin,
                bpmn.apply("Bonjour"), Map.of("Content-Type", "application/xml"));
        assertThat(draft.status()).as(draft.body()).isEqualTo(200);
        long versionId = draft.json().get("id").asLong();
        assertThat(draft.json().get("status").asText()).isEqualTo("DRAFT");
        assertThat(api.get("/api/v1/flows/versions/" + versionId + "/bpmn", admin).body()).contains("Bonjour");

        ApiClient.Response published = api.post("/api/v1/flows/versions/" + versionId + "/publish", admin, null);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(published.json().get("publishedBy").asText()).isEqualTo("api-bo-admin");
        assertThat(api.get("/api/v1/flows/" + id, admin).json().get("publishedVersionId").asLong()).isEqualTo(versionId);

        String broken = io.camunda.zeebe.model.bpmn.Bpmn.convertToString(io.camunda.zeebe.model.bpmn.Bpmn
                .createExecutableProcess(processId).startEvent().serviceTask("no-job-type").endEvent().done());
        long brokenId = api.send("PUT", "/api/v1/flows/" + id + "/draft", admin, broken,
                Map.of("Content-Type", "application/xml")).json().get("id").asLong();
        ApiClient.Response refused = api.post("/api/v1/flows/versions/" + brokenId + "/publish", admin, null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("flow.bpmn-invalid");
        assertThat(refused.body()).contains("no-job-type");
        assertThat(api.get("/api/v1/flows/" + id, admin).json().get("publishedVersionId").asLong())
                .as("what was published stays").isEqualTo(versionId);
        assertThat(api.get("/api/v1/flows/" + id + "/versions", admin).json().findValuesAsText("status"))
                .containsExactly("DRAFT", "PUBLISHED");
    }

    @Test
    void webhooks_and_a_campaigns_crm_link_are_managed_through_the_api_and_a_secret_is_shown_once() {
        String admin = admin();
        String name = "API hook " + java.util.UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Response created = api.post("/api/v1/webhooks", admin, map("name", name,
                "url", "https://crm.example.com/hooks", "events", List.of("CALL_ENDED", "CONTACT_IMPORTED")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String secret = created.json().get("secret").asText();
        assertThat(secret).hasSizeGreaterThan(20);
        ApiClient.Response list = api.get("/api/v1/webhooks?size=500", admin);
        assertThat(list.json().get("items").findValuesAsText("name")).contains(name);
        assertThat(list.body()).doesNotContain(secret);
        assertThat(api.post("/api/v1/webhooks", admin, map("name", name + "-2", "url", "ftp://crm.example.com",
                "events", List.of("CALL_ENDED"))).code()).isEqualTo("webhook.url-invalid");
        assertThat(api.get("/api/v1/webhooks/deliveries", admin).status()).isEqualTo(200);
        long id = created.json().at("/endpoint/id").asLong();
        assertThat(api.put("/api/v1/webhooks/" + id + "/active", admin, map("active", false),
                Map.of("If-Match", "*")).status())
                .isEqualTo(204);
        assertThat(api.delete("/api/v1/webhooks/" + id, admin, Map.of("If-Match", "*")).status()).isEqualTo(204);

        long campaign = api.post("/api/v1/campaigns", admin, map("name", "CRM link " + name)).json()
                .at("/summary/id").asLong();
        ApiClient.Response set = api.put("/api/v1/campaigns/" + campaign + "/crm-link", admin,
                map("template", "https://crm.example.com/c?phone={phone}&ref={contactId}"), Map.of("If-Match", "*"));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/campaigns/" + campaign + "/crm-link", admin).json().get("template").asText())
                .isEqualTo("https://crm.example.com/c?phone={phone}&ref={contactId}");
        assertThat(api.put("/api/v1/campaigns/" + campaign + "/crm-link", admin,
                map("template", "https://crm.example.com/c?x={password}"), Map.of("If-Match", "*")).code())
                .isEqualTo("crm-link.unknown-placeholder");
    }

    @Test
    void a_persons_data_is_found_exported_and_erased_by_phone_number_through_the_api() {
        String admin = admin();
        String phone = String.format("+3365577%04d", (int) (Math.random() * 10_000));
        long campaign = api.post("/api/v1/campaigns", admin, map("name", "Privacy API " + phone)).json()
                .at("/summary/id").asLong();
        assertThat(api.post("/api/v1/campaigns/" + campaign + "/contacts", admin, map("contacts",
                List.of(map("firstName", "Erin", "lastName", "Erase", "phone", phone)))).json().get("imported")
                .asInt()).isEqualTo(1);

        JsonNode found = api.post("/api/v1/privacy/search", admin, map("phone", phone)).json();
        assertThat(found.get("phone").asText()).isEqualTo(phone);
        assertThat(found.toString()).contains("Erin");
        ApiClient.Response export = api.post("/api/v1/privacy/export?format=CSV", admin, map("phone", phone));
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body()).contains("Erin");
        assertThat(api.post("/api/v1/privacy/search", admin, map("phone", "not a number")).code())
                .isEqualTo("privacy.invalid-phone");

        ApiClient.Response proof = api.post("/api/v1/privacy/erasure", admin, map("phone", phone, "mode", "DELETE"));
        assertThat(proof.status()).as(proof.body()).isEqualTo(200);
        assertThat(proof.body()).doesNotContain(phone);
        assertThat(api.post("/api/v1/privacy/search", admin, map("phone", phone)).json().toString())
                .doesNotContain("Erin");
        assertThat(api.get("/api/v1/privacy/requests", admin).json().get("items").findValuesAsText("kind"))
                .contains("ERASE", "EXPORT", "ACCESS");
    }
}
