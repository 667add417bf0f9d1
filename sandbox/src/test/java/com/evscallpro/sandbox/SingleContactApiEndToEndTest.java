package com.evscallpro.sandbox;

import static com.evscallpro.sandbox.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.audit.AuditEntry;
import com.evscallpro.core.audit.AuditFilter;
import com.evscallpro.core.audit.AuditTrail;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.db.contact.ContactRepository;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One contact through the API on the running application (plain HTTP, embedded PostgreSQL): read with its version as
 * ETag, replaced with If-Match (412 contact.version-mismatch when stale, nothing written), refused with its code for a
 * bad or taken number, never changed nor deleted while the dialer calls it, deleted as the GDPR erasure deletes
 * (its calls stay, unlinked), every write audited; a supervisor reads, only an admin writes.
 */
class SingleContactApiEndToEndTest {

    private final SandboxTestContext stack = SandboxTestContext.get();
    private final ApiClient api = new ApiClient(stack);

    @Test
    void a_contact_is_read_replaced_with_if_match_refused_when_stale_or_in_a_call_and_deleted() {
        String admin = api.tokenOf("api-contact-admin", UserAccount.Role.ADMIN);
        String supervisor = api.tokenOf("api-contact-sup", UserAccount.Role.SUPERVISOR);
        ApiClient.Response campaign = api.post("/api/v1/campaigns", admin, map("name", "API single contact campaign"));
        assertThat(campaign.status()).as(campaign.body()).isEqualTo(201);
        long campaignId = campaign.json().at("/summary/id").asLong();
        String contacts = "/api/v1/campaigns/" + campaignId + "/contacts";
        ApiClient.Response imported = api.post(contacts, admin, map("contacts", List.of(
                map("firstName", "Ada", "lastName", "Lovelace", "phone", "06 71 23 45 01",
                        "customFields", map("crmId", "A-1", "tier", "gold")),
                map("firstName", "Alan", "lastName", "Turing", "phone", "06 71 23 45 02"))));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        JsonNode listed = api.get(contacts + "?sort=id", admin).json().get("items");
        long ada = listed.get(0).get("id").asLong();
        long alan = listed.get(1).get("id").asLong();
        String one = contacts + "/" + ada;

        ApiClient.Response read = api.get(one, supervisor);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(read.json().get("phoneE164").asText()).isEqualTo("+33671234501");
        assertThat(read.json().at("/customFields/crmId").asText()).isEqualTo("A-1");
        Map<String, Object> change = map("firstName", "Augusta Ada", "lastName", "King", "phone", "+33 6 71 23 45 03",
                "customFields", map("crmId", "A-1b"), "consentSource", "web form", "existingContract", true);
        assertThat(api.put(one, supervisor, change, Map.of("If-Match", "\"1\"")).status()).isEqualTo(403);

        ApiClient.Response replaced = api.put(one, admin, change, Map.of("If-Match", "\"1\""));
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(replaced.json().get("firstName").asText()).isEqualTo("Augusta Ada");
        assertThat(replaced.json().get("phoneE164").asText()).isEqualTo("+33671234503");
        assertThat(replaced.json().get("customFields").size()).as("replaced, not merged").isEqualTo(1);
        assertThat(replaced.json().get("existingContract").asBoolean()).isTrue();

        // another client still at version 1: refused, nothing written
        ApiClient.Response stale = api.put(one, admin, map("firstName", "Lost", "phone", "0671234501"),
                Map.of("If-Match", "\"1\""));
        assertThat(stale.status()).as(stale.body()).isEqualTo(412);
        assertThat(stale.code()).isEqualTo("contact.version-mismatch");
        assertThat(stale.json().get("args").toString()).isEqualTo("[" + ada + ",1,2]");
        assertThat(api.get(one, admin).json().get("firstName").asText()).isEqualTo("Augusta Ada");

        ApiClient.Response taken = api.put(one, admin, map("phone", "0671234502"), Map.of("If-Match", "\"2\""));
        assertThat(taken.status()).as(taken.body()).isEqualTo(409);
        assertThat(taken.code()).isEqualTo("contact.phone-taken");
        ApiClient.Response bad = api.put(one, admin, map("phone", "12"), Map.of("If-Match", "\"2\""));
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("import.not-a-phone");
        ApiClient.Response missing = api.put(one, admin, map("firstName", "No phone"), Map.of("If-Match", "*"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo("request.invalid");
        assertThat(api.get(one, admin).headers().firstValue("ETag")).as("refusals wrote nothing").hasValue("\"2\"");

        org.springframework.jdbc.core.JdbcTemplate jdbc = stack.bean(org.springframework.jdbc.core.JdbcTemplate.class);
        jdbc.update("INSERT INTO call_history (call_id, direction, started_at, campaign_id, contact_id, callee) "
                + "VALUES ('single-contact-api-call', 'OUTBOUND', now(), ?, ?, '+33671234503')", campaignId, ada);
        assertThat(api.delete(one, admin, Map.of("If-Match", "\"1\"")).code()).isEqualTo("contact.version-mismatch");
        assertThat(api.delete(one, supervisor, Map.of("If-Match", "\"2\"")).status()).isEqualTo(403);
        assertThat(api.delete(one, admin, Map.of("If-Match", "\"2\"")).status()).isEqualTo(204);
        ApiClient.Response gone = api.get(one, admin);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.code()).isEqualTo("contact.not-found");
        assertThat(jdbc.queryForList("SELECT contact_id FROM call_history WHERE call_id = 'single-contact-api-call'"))
                .as("the call stays for statistics, unlinked, as after a GDPR erasure's contact delete").singleElement()
                .satisfies(row -> assertThat(row.get("contact_id")).isNull());
        assertThat(api.get("/api/v1/campaigns/" + campaignId + "/contacts/" + Long.MAX_VALUE, admin).code())
                .isEqualTo("contact.not-found");

        // the dialer claims Alan, the only one left (IN_PROGRESS): neither changed nor deleted while called
        assertThat(stack.bean(ContactRepository.class).claimDue(campaignId, 1)).singleElement()
                .satisfies(c -> assertThat(c.id()).isEqualTo(alan));
        ApiClient.Response inCall = api.delete(contacts + "/" + alan, admin, Map.of("If-Match", "\"1\""));
        assertThat(inCall.status()).as(inCall.body()).isEqualTo(409);
        assertThat(inCall.code()).isEqualTo("contact.cannot-delete-in-call");
        ApiClient.Response changeInCall = api.put(contacts + "/" + alan, admin, map("phone", "0671234509"),
                Map.of("If-Match", "\"1\""));
        assertThat(changeInCall.code()).isEqualTo("contact.cannot-change-in-call");

        List<AuditEntry> audit = stack.bean(AuditTrail.class).search(new AuditFilter("api-contact-admin", "contact",
                null, null), 0, 10);
        assertThat(audit).extracting(AuditEntry::action).containsExactly("delete", "update");
        assertThat(audit).extracting(AuditEntry::entityId).containsOnly(Long.toString(ada));
        assertThat(audit.get(1).before()).contains("Lovelace");
        assertThat(audit.get(1).after()).contains("Augusta Ada", "+33671234503");
    }
}
