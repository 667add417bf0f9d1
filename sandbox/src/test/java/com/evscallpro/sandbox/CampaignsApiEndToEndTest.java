package com.evscallpro.sandbox;

import static com.evscallpro.sandbox.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.contact.ContactInput;
import com.evscallpro.core.contact.ContactLifecycleService;
import com.evscallpro.core.group.AgentGroup;
import com.evscallpro.core.group.AgentGroupAdmin;
import com.evscallpro.core.user.UserAccount;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The campaign editor through the API on the running application: a campaign created with every setting, updated
 * with If-Match (412 when stale, nothing written), cloned, finished and archived; the callbacks list, reassigned and
 * rescheduled by a supervisor, an agent seeing only their own; the measured AMD false-positive rate written, kept,
 * reset and refused out of range with its code.
 */
class CampaignsApiEndToEndTest {

    private final SandboxTestContext stack = SandboxTestContext.get();
    private final ApiClient api = new ApiClient(stack);

    @Test
    void a_campaign_is_created_with_every_setting_updated_with_if_match_cloned_finished_and_archived() {
        String admin = api.tokenOf("api-camp-admin", UserAccount.Role.ADMIN);
        long group = stack.bean(AgentGroupAdmin.class).saveGroup(new AgentGroup(null, "API campaign group", null,
                null, 0, 0)).id();
        Map<String, Object> body = map("name", "API editor campaign", "description", "Renewals",
                "maxAttempts", 4, "retryDelaySeconds", 900, "ringTimeoutSeconds", 30, "defaultRegion", "BE",
                "legalPreset", "NONE", "dialingMode", "PREVIEW", "previewTimeoutSeconds", 45,
                "retryBusySeconds", 120, "retryNoAnswerSeconds", 3600, "retryMachineSeconds", 7200,
                "retryCongestionSeconds", 60, "amdMode", "HANGUP", "personalCallbacks", true,
                "callbackGraceSeconds", 300, "wrapUpTimeoutSeconds", 60, "agentGroupIds", List.of(group));
        ApiClient.Response created = api.post("/api/v1/campaigns", admin, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().at("/summary/id").asLong();
        String etag = created.headers().firstValue("ETag").orElseThrow();
        JsonNode settings = created.json().get("settings");
        assertThat(settings.at("/dialing/mode").asText()).isEqualTo("PREVIEW");
        assertThat(settings.at("/retryDelays/noAnswer").asInt()).isEqualTo(3600);
        assertThat(settings.at("/retryDelays/machine").asInt()).isEqualTo(7200);
        assertThat(settings.get("defaultRegion").asText()).isEqualTo("BE");
        assertThat(settings.get("agentGroupIds").get(0).asLong()).isEqualTo(group);
        assertThat(created.json().get("description").asText()).isEqualTo("Renewals");

        Map<String, Object> change = map("name", "API editor campaign", "dialingMode", "PROGRESSIVE",
                "retryBusySeconds", 240, "agentGroupIds", List.of());
        ApiClient.Response updated = api.put("/api/v1/campaigns/" + id, admin, change, Map.of("If-Match", etag));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.headers().firstValue("ETag")).isNotEqualTo(etag);
        assertThat(updated.json().at("/settings/dialing/mode").asText()).isEqualTo("PROGRESSIVE");
        assertThat(updated.json().at("/settings/retryDelays/busy").asInt()).isEqualTo(240);
        assertThat(updated.json().at("/settings/retryDelays/noAnswer").asInt()).as("left out: kept").isEqualTo(3600);
        assertThat(updated.json().at("/settings/agentGroupIds").size()).isZero();

        ApiClient.Response stale = api.put("/api/v1/campaigns/" + id, admin, map("name", "API editor campaign",
                "maxAttempts", 9), Map.of("If-Match", etag));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.code()).isEqualTo("campaign.version-mismatch");
        assertThat(api.get("/api/v1/campaigns/" + id, admin).json().at("/settings/maxAttempts").asInt())
                .as("the stale change wrote nothing").isEqualTo(4);
        ApiClient.Response tooHigh = api.put("/api/v1/campaigns/" + id, admin, map("name", "API editor campaign",
                "abandonTargetPercent", 4.0), Map.of("If-Match", "*"));
        assertThat(tooHigh.status()).isEqualTo(400);

        ApiClient.Response copy = api.post("/api/v1/campaigns/" + id + "/clone", admin, map());
        assertThat(copy.status()).as(copy.body()).isEqualTo(201);
        assertThat(copy.json().at("/summary/name").asText()).isEqualTo("API editor campaign (copy)");
        assertThat(copy.json().at("/summary/status").asText()).isEqualTo("DRAFT");
        assertThat(copy.json().at("/settings/retryDelays/busy").asInt()).isEqualTo(240);
        assertThat(copy.json().at("/summary/contactsTotal").asInt()).isZero();

        assertThat(api.post("/api/v1/campaigns/" + id + "/archive", admin, map()).code())
                .isEqualTo("campaign.cannot-archive");
        assertThat(api.post("/api/v1/campaigns/" + id + "/start", admin, map()).status()).isEqualTo(200);
        ApiClient.Response finished = api.post("/api/v1/campaigns/" + id + "/finish", admin, map());
        assertThat(finished.json().at("/summary/status").asText()).isEqualTo("FINISHED");
        ApiClient.Response archived = api.post("/api/v1/campaigns/" + id + "/archive", admin, map(),
                Map.of("If-Match", finished.headers().firstValue("ETag").orElseThrow()));
        assertThat(archived.status()).as(archived.body()).isEqualTo(200);
        assertThat(archived.json().at("/summary/status").asText()).isEqualTo("ARCHIVED");
        assertThat(names(api.get("/api/v1/campaigns?size=500&name=API+editor", admin).json()))
                .containsExactly("API editor campaign (copy)");
        assertThat(names(api.get("/api/v1/campaigns?size=500&name=API+editor&archived=true", admin).json()))
                .containsExactly("API editor campaign", "API editor campaign (copy)");
        assertThat(api.put("/api/v1/campaigns/" + id, admin, change, Map.of("If-Match", "*")).code())
                .isEqualTo("campaign.cannot-edit");

        String supervisor = api.tokenOf("api-camp-supervisor", UserAccount.Role.SUPERVISOR);
        assertThat(api.put("/api/v1/campaigns/" + id, supervisor, change,
                Map.of("If-Match", "*")).status()).isEqualTo(403);
    }

    @Test
    void the_amd_false_positive_rate_is_written_read_back_reset_and_refused_out_of_range_with_its_code() {
        String admin = api.tokenOf("api-camp-amd-admin", UserAccount.Role.ADMIN);
        String name = "API AMD rate campaign";
        ApiClient.Response refused = api.post("/api/v1/campaigns", admin, map("name", name, "dialingMode",
                "PREDICTIVE", "amdMode", "HANGUP", "amdFalsePositivePercent", 100.5));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.code()).isEqualTo("campaign.invalid-amd-false-positive-percent");
        assertThat(api.get("/api/v1/campaigns?name=" + name.replace(' ', '+'), admin).json().get("total").asInt())
                .as("nothing half-written").isZero();

        ApiClient.Response created = api.post("/api/v1/campaigns", admin, map("name", name, "dialingMode",
                "PREDICTIVE", "amdMode", "HANGUP", "amdFalsePositivePercent", 4.5));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().at("/summary/id").asLong();
        assertThat(created.json().at("/settings/dialing/amdFalsePositivePercent").asDouble()).isEqualTo(4.5);
        String path = "/api/v1/campaigns/" + id;

        ApiClient.Response other = api.put(path, admin, map("name", name, "maxAttempts", 5), Map.of("If-Match",
                created.headers().firstValue("ETag").orElseThrow()));
        assertThat(other.status()).as(other.body()).isEqualTo(200);
        assertThat(other.json().at("/settings/dialing/amdFalsePositivePercent").asDouble()).as("left out: kept")
                .isEqualTo(4.5);
        ApiClient.Response changed = api.put(path, admin, map("name", name, "amdFalsePositivePercent", 7.25),
                Map.of("If-Match", "*"));
        assertThat(changed.json().at("/settings/dialing/amdFalsePositivePercent").asDouble()).isEqualTo(7.25);
        for (Object bad : List.of(150, -1)) {
            ApiClient.Response outOfRange = api.put(path, admin, map("name", name, "amdFalsePositivePercent", bad),
                    Map.of("If-Match", "*"));
            assertThat(outOfRange.status()).isEqualTo(400);
            assertThat(outOfRange.code()).isEqualTo("campaign.invalid-amd-false-positive-percent");
        }
        ApiClient.Response notANumber = api.put(path, admin, map("name", name, "amdFalsePositivePercent", "ten"),
                Map.of("If-Match", "*"));
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.code()).isEqualTo("request.invalid");
        assertThat(notANumber.json().at("/errors/0/field").asText()).isEqualTo("amdFalsePositivePercent");
        assertThat(notANumber.json().at("/errors/0/code").asText()).isEqualTo("type-mismatch");
        ApiClient.Response read = api.get(path, admin);
        assertThat(read.json().at("/settings/dialing/amdFalsePositivePercent").asDouble())
                .as("the refused values wrote nothing").isEqualTo(7.25);

        // back to the dialer's default, with If-Match; a stale one is refused
        String etag = read.headers().firstValue("ETag").orElseThrow();
        ApiClient.Response reset = api.put(path + "/amd-false-positive-percent", admin, map("percent", null),
                Map.of("If-Match", etag));
        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        assertThat(reset.json().at("/settings/dialing/amdFalsePositivePercent").isNull()).isTrue();
        ApiClient.Response stale = api.put(path + "/amd-false-positive-percent", admin, map("percent", 3),
                Map.of("If-Match", etag));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.code()).isEqualTo("campaign.version-mismatch");
        assertThat(api.put(path + "/amd-false-positive-percent", admin, map("percent", 101),
                Map.of("If-Match", "*")).code())
                .isEqualTo("campaign.invalid-amd-false-positive-percent");

        String supervisor = api.tokenOf("api-camp-amd-super", UserAccount.Role.SUPERVISOR);
        assertThat(api.get(path, supervisor).json().at("/settings/dialing/amdFalsePositivePercent").isNull())
                .isTrue();
        assertThat(api.put(path + "/amd-false-positive-percent", supervisor, map("percent", 3), Map.of("If-Match", "*"))
                .status()).isEqualTo(403);
    }

    @Test
    void callbacks_are_listed_reassigned_and_rescheduled_and_an_agent_sees_only_their_own() {
        String supervisor = api.tokenOf("api-cb-supervisor", UserAccount.Role.SUPERVISOR);
        String agentToken = api.tokenOf("api-cb-agent", UserAccount.Role.AGENT);
        long agentId = ApiClient.user(stack, "api-cb-agent", UserAccount.Role.AGENT, null).id();
        String admin = api.tokenOf("api-cb-admin", UserAccount.Role.ADMIN);
        long campaign = api.post("/api/v1/campaigns", admin, map("name", "API callbacks")).json()
                .at("/summary/id").asLong();
        stack.bean(ContactImportService.class).importContacts(campaign, List.of(
                new ContactInput("Cal", "Back", "+33612000077", Map.of())));
        ContactLifecycleService contacts = stack.bean(ContactLifecycleService.class);
        long contact = contacts.claimDue(campaign, 1).getFirst().contactId();
        contacts.scheduleCallback(contact, Instant.parse("2030-01-02T10:00:00Z"), null);

        JsonNode all = api.get("/api/v1/callbacks?campaignId=" + campaign, supervisor).json();
        assertThat(all.get("total").asInt()).isEqualTo(1);
        assertThat(all.at("/items/0/agentId").isNull()).isTrue();
        assertThat(api.get("/api/v1/callbacks?campaignId=" + campaign, agentToken).json().get("total").asInt())
                .as("a campaign callback is nobody's own").isZero();

        assertThat(api.post("/api/v1/callbacks/" + contact + "/reassign", supervisor, map("agentId", agentId))
                .status()).isEqualTo(204);
        assertThat(api.post("/api/v1/callbacks/" + contact + "/reschedule", supervisor,
                map("at", "2030-01-03T09:00:00Z")).status()).isEqualTo(204);
        JsonNode own = api.get("/api/v1/callbacks?campaignId=" + campaign, agentToken).json();
        assertThat(own.get("total").asInt()).isEqualTo(1);
        assertThat(own.at("/items/0/dueAt").asText()).isEqualTo("2030-01-03T09:00:00Z");
        assertThat(api.post("/api/v1/callbacks/" + contact + "/reassign", agentToken, map()).status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/callbacks/999999999/reschedule", supervisor, map("at", "2030-01-03T09:00:00Z"))
                .code()).isEqualTo("callback.not-found");
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new java.util.ArrayList<>();
        page.get("items").forEach(n -> names.add(n.get("name").asText()));
        return names;
    }

    @Test
    void custom_field_labels_are_defined_read_back_audited_and_refused_when_wrong() {
        String admin = api.tokenOf("api-fields-admin", UserAccount.Role.ADMIN);
        String supervisor = api.tokenOf("api-fields-sup", UserAccount.Role.SUPERVISOR);
        long id = api.post("/api/v1/campaigns", admin, map("name", "API custom fields campaign")).json()
                .at("/summary/id").asLong();
        stack.bean(ContactImportService.class).importContacts(id, List.of(new ContactInput("Ann", "A",
                "+33612345601", Map.of("contract_no", "K-1", "birthDate", "1980-02-03"))));

        ApiClient.Response defined = api.put("/api/v1/campaigns/" + id + "/custom-fields", admin,
                map("fields", List.of(map("key", "contract_no", "labelFr", "N° de contrat", "labelEn", "Contract no."),
                        map("key", "birthDate", "labelFr", "Date de naissance"))), Map.of("If-Match", "*"));
        assertThat(defined.status()).as(defined.body()).isEqualTo(200);
        JsonNode read = api.get("/api/v1/campaigns/" + id + "/custom-fields", supervisor).json();
        assertThat(read.at("/fields/0/key").asText()).isEqualTo("contract_no");
        assertThat(read.at("/fields/0/labelFr").asText()).isEqualTo("N° de contrat");
        assertThat(read.at("/fields/1/labelEn").asText()).as("one language given: the other takes it")
                .isEqualTo("Date de naissance");
        assertThat(read.get("keysInUse").toString()).isEqualTo("[\"birthDate\",\"contract_no\"]");
        assertThat(stack.bean(com.evscallpro.core.audit.AuditTrail.class)
                .search(new com.evscallpro.core.audit.AuditFilter("api-fields-admin", "campaign-custom-fields", null,
                        null), 0, 10))
                .extracting(com.evscallpro.core.audit.AuditEntry::entityId).containsExactly(Long.toString(id));

        assertThat(api.put("/api/v1/campaigns/" + id + "/custom-fields", supervisor, map("fields", List.of()),
                Map.of("If-Match", "*")).status()).as("supervisors read, admins change").isEqualTo(403);
        ApiClient.Response twice = api.put("/api/v1/campaigns/" + id + "/custom-fields", admin,
                map("fields", List.of(map("key", "a", "labelEn", "A"), map("key", "a", "labelEn", "B"))),
                Map.of("If-Match", "*"));
        assertThat(twice.status()).isEqualTo(400);
        ApiClient.Response noLabel = api.put("/api/v1/campaigns/" + id + "/custom-fields", admin,
                map("fields", List.of(map("key", "a"))), Map.of("If-Match", "*"));
        assertThat(noLabel.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/campaigns/" + id + "/custom-fields", admin).json().get("fields").size())
                .as("refused changes wrote nothing").isEqualTo(2);
        assertThat(api.put("/api/v1/campaigns/987654321/custom-fields", admin, map("fields", List.of()),
                Map.of("If-Match", "*"))
                .code()).isEqualTo("campaign.not-found");
        assertThat(api.get("/api/v1/campaigns/987654321/custom-fields", admin).status()).isEqualTo(404);
    }
}
