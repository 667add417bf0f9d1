package com.evscallpro.sandbox;

import static com.evscallpro.sandbox.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.evscallpro.core.user.UserAccount;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Contacts through the API over real HTTP: a CSV file larger than Tomcat's 2 MB form limit imported as multipart with
 * a column mapping, followed at /api/v1/imports/{id} to its end, its report of rejected lines, then the list searched
 * and filtered, the export (formulas neutralised), recycling, and who may do what.
 */
class ContactsApiEndToEndTest {

    private final SandboxTestContext stack = SandboxTestContext.get();
    private final ApiClient api = new ApiClient(stack);

    @Test
    void a_file_is_imported_with_a_mapping_followed_to_its_end_then_listed_exported_and_recycled() throws Exception {
        ApiClient.user(stack, "api-importer", UserAccount.Role.ADMIN, null);
        ApiClient.user(stack, "api-import-watcher", UserAccount.Role.SUPERVISOR, null);
        String admin = api.accessToken("api-importer", "api-importer-pw");
        String supervisor = api.accessToken("api-import-watcher", "api-import-watcher-pw");
        long campaign = api.post("/api/v1/campaigns", admin, map("name", "API import campaign")).json()
                .at("/summary/id").asLong();

        StringBuilder csv = new StringBuilder("Tel;Nom;Prénom;Ref;Commentaire\n");
        int rows = 40_000; // ~2.4 MB
        for (int i = 0; i < rows; i++) {
            String phone = i == 7 ? "pas-un-numero" : String.format("06%08d", 30_000_000 + i);
            csv.append(phone).append(";Nom").append(i).append(";Prénom").append(i).append(";R").append(i)
                    .append(";").append(i == 3 ? "=HYPERLINK(\"http://evil\")" : "un commentaire assez long " + i)
                    .append('\n');
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(file.length).isGreaterThan(2 * 1024 * 1024);
        String mapping = "{\"columns\": {\"Tel\": \"PHONE\", \"Ref\": \"CUSTOM:reference\", \"Commentaire\": \"CUSTOM\"}}";

        HttpResponse<byte[]> started = TestAudio.multipart(stack.httpPort(), "POST",
                "/api/v1/campaigns/" + campaign + "/contacts/import?mapping="
                        + java.net.URLEncoder.encode(mapping, StandardCharsets.UTF_8), admin, Map.of(),
                List.of(new TestAudio.Part("file", "contacts.csv", file)));
        assertThat(started.statusCode()).as(new String(started.body(), StandardCharsets.UTF_8)).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        List<Integer> seen = new ArrayList<>();
        JsonNode done = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode p = api.get(location, admin).json();
            seen.add(p.get("rowsRead").asInt());
            return p;
        }, p -> !p.get("state").asText().matches("QUEUED|RUNNING"));
        assertThat(done.get("state").asText()).isEqualTo("DONE");
        assertThat(done.get("imported").asInt()).isEqualTo(rows - 1);
        assertThat(done.get("rejected").asInt()).isEqualTo(1);
        assertThat(done.at("/firstRejections/0/line").asInt()).isEqualTo(9);
        assertThat(done.at("/firstRejections/0/column").asText()).isEqualTo("Tel");
        assertThat(done.at("/firstRejections/0/code").asText()).isEqualTo("import.not-a-phone");
        assertThat(seen).isSorted();
        String report = new String(TestAudio.getBytes(stack.httpPort(), location + "/report", admin).body(),
                StandardCharsets.UTF_8);
        assertThat(report).contains("line,column,code,reason,value")
                .contains("9,Tel,import.not-a-phone,pas-un-numero is not a valid phone number,pas-un-numero");
        assertThat(api.get(location, supervisor).status()).as("imports are for admins").isEqualTo(403);

        JsonNode found = api.get("/api/v1/campaigns/" + campaign + "/contacts?q=06%2030%2000%2000%2012", admin)
                .json();
        assertThat(found.get("total").asLong()).isEqualTo(1);
        assertThat(found.at("/items/0/phoneE164").asText()).isEqualTo("+33630000012");
        assertThat(found.at("/items/0/customFields/reference").asText()).isEqualTo("R12");
        assertThat(found.at("/items/0/customFields/Commentaire").asText()).isEqualTo("un commentaire assez long 12");
        assertThat(api.get("/api/v1/campaigns/" + campaign + "/contacts?q=Nom3999&sort=-lastName", supervisor)
                .json().get("total").asLong()).isEqualTo(11); // Nom3999, Nom39990..39999
        assertThat(api.get("/api/v1/campaigns/" + campaign + "/contacts?status=DONE", supervisor).json()
                .get("total").asLong()).isZero();

        HttpResponse<byte[]> export = TestAudio.getBytes(stack.httpPort(), "/api/v1/campaigns/" + campaign
                + "/contacts/export?q=Nom3", supervisor);
        String exported = new String(export.body(), StandardCharsets.UTF_8);
        assertThat(exported).contains("\"'=HYPERLINK(\"\"http://evil\"\")\"").contains(",+33630000003,");

        JdbcTemplate jdbc = stack.bean(JdbcTemplate.class);
        jdbc.update("UPDATE contact SET status = 'DONE', last_qualification_code = 'NO_INTEREST' WHERE campaign_id = ? "
                + "AND last_name IN ('Nom1', 'Nom2')", campaign);
        assertThat(api.post("/api/v1/campaigns/" + campaign + "/contacts/recycle", admin,
                map("qualifications", List.of("NO_INTEREST"), "dryRun", true)).json().get("contacts").asLong())
                .isEqualTo(2);
        assertThat(api.post("/api/v1/campaigns/" + campaign + "/contacts/recycle", supervisor,
                map("qualifications", List.of("NO_INTEREST"))).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/campaigns/" + campaign + "/contacts/recycle", admin,
                map("qualifications", List.of("NO_INTEREST"))).json().get("contacts").asLong()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM contact WHERE campaign_id = ? AND status = 'RETRY'",
                Long.class, campaign)).isEqualTo(2);
        assertThat(api.get("/api/v1/imports/00000000-0000-0000-0000-000000000000", admin).code())
                .isEqualTo("import.not-found");
    }
}
