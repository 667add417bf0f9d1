package com.evscallpro.sandbox;

import static com.evscallpro.sandbox.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.user.UserAccount;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input on the running API: each is a 4xx problem+json with a stable code (and the field for invalid fields),
 * never a 500, and nothing is written.
 */
class ApiBadInputEndToEndTest {

    private final SandboxTestContext stack = SandboxTestContext.get();
    private final ApiClient api = new ApiClient(stack);
    private String admin;

    @BeforeEach
    void login() {
        ApiClient.user(stack, "api-bad-admin", UserAccount.Role.ADMIN, null);
        admin = api.accessToken("api-bad-admin", "api-bad-admin-pw");
    }

    @Test
    void malformed_json_is_request_malformed() {
        ApiClient.Response r = api.post("/api/v1/campaigns", admin, "{\"name\": ");
        assertProblem(r, 400, "request.malformed");
    }

    @Test
    void a_wrong_type_names_the_field() {
        ApiClient.Response r = api.post("/api/v1/campaigns", admin, "{\"name\":\"typed\",\"maxAttempts\":\"three\"}");
        assertProblem(r, 400, "request.invalid");
        assertThat(fieldError(r, "maxAttempts").get("code").asText()).isEqualTo("type-mismatch");
        ApiClient.Response path = api.get("/api/v1/campaigns/abc", admin);
        assertProblem(path, 400, "request.invalid");
        assertThat(fieldError(path, "id").get("code").asText()).isEqualTo("type-mismatch");
    }

    @Test
    void missing_out_of_range_and_oversized_fields_are_listed_each_with_its_constraint() {
        ApiClient.Response r = api.post("/api/v1/campaigns", admin,
                map("maxAttempts", 0, "callerId", "<script>alert(1)</script>"));
        assertProblem(r, 400, "request.invalid");
        assertThat(fieldError(r, "name").get("code").asText()).isEqualTo("NotBlank");
        assertThat(fieldError(r, "maxAttempts").get("code").asText()).isEqualTo("Min");
        assertThat(fieldError(r, "callerId").get("code").asText()).isEqualTo("Pattern");
        ApiClient.Response tooLong = api.post("/api/v1/campaigns", admin, map("name", "x".repeat(201)));
        assertThat(fieldError(tooLong, "name").get("code").asText()).isEqualTo("Size");
        assertThat(api.get("/api/v1/campaigns?size=5000", admin).code()).isEqualTo("request.invalid");
        assertThat(api.get("/api/v1/campaigns?page=-1", admin).code()).isEqualTo("request.invalid");
        assertProblem(api.post("/api/v1/campaigns/1/contacts", admin, map("contacts", List.of())), 400,
                "request.invalid");
        assertProblem(api.post("/api/v1/auth/login", null, map("username", "x")), 400, "request.invalid");
    }

    @Test
    void unknown_ids_are_404_with_the_domain_code() {
        ApiClient.Response r = api.get("/api/v1/campaigns/987654321", admin);
        assertProblem(r, 404, "campaign.not-found");
        assertThat(r.json().get("args").get(0).asLong()).isEqualTo(987654321L);
        assertProblem(api.post("/api/v1/campaigns/987654321/start", admin, null), 404, "campaign.not-found");
        assertProblem(api.get("/api/v1/campaigns/987654321/contacts", admin), 404, "campaign.not-found");
        assertProblem(api.post("/api/v1/campaigns/987654321/contacts", admin,
                map("contacts", List.of(map("phone", "+33655500009")))), 404, "campaign.not-found");
    }

    @Test
    void a_duplicate_name_is_409_and_nothing_is_written() {
        String name = "API duplicate " + System.nanoTime();
        assertThat(api.post("/api/v1/campaigns", admin, map("name", name)).status()).isEqualTo(201);
        long before = api.get("/api/v1/campaigns?size=500", admin).json().get("total").asLong();
        ApiClient.Response again = api.post("/api/v1/campaigns", admin, map("name", " " + name + " "));
        assertProblem(again, 409, "campaign.name-taken");
        assertThat(again.json().get("args").get(0).asText()).isEqualTo(name);
        assertThat(api.get("/api/v1/campaigns?size=500", admin).json().get("total").asLong()).isEqualTo(before);
    }

    @Test
    void unsupported_sort_bad_if_match_and_illegal_moves_have_codes() {
        assertProblem(api.get("/api/v1/campaigns?sort=status", admin), 400, "request.sort-unsupported");
        long id = api.post("/api/v1/campaigns", admin, map("name", "API moves " + System.nanoTime()))
                .json().at("/summary/id").asLong();
        assertProblem(api.post("/api/v1/campaigns/" + id + "/pause", admin, null), 409, "campaign.cannot-pause");
        assertProblem(api.post("/api/v1/campaigns/" + id + "/start", admin, null,
                java.util.Map.of("If-Match", "\"abc\"")), 400, "request.bad-if-match");
        assertProblem(api.post("/api/v1/calls", admin, null), 403, "auth.forbidden");
        ApiClient.Response wrongMedia = api.post("/api/v1/auth/login", null, "username=x&password=y",
                java.util.Map.of("Content-Type", "text/plain"));
        assertThat(wrongMedia.status()).isEqualTo(415);
        assertThat(wrongMedia.code()).isEqualTo("request.415");
    }

    private static void assertProblem(ApiClient.Response r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.code()).as(r.body()).isEqualTo(code);
    }

    private static JsonNode fieldError(ApiClient.Response r, String field) {
        for (JsonNode e : r.json().get("errors")) {
            if (e.get("field").asText().equals(field)) {
                return e;
            }
        }
        throw new AssertionError("no error for field " + field + " in " + r.body());
    }
}
