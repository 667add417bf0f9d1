package com.evscallpro.sandbox;

import static com.evscallpro.sandbox.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserCredentials;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v1/users}, {@code /api/v1/agent-groups}, {@code /api/v1/skills} on the running application: CRUD with
 * ETags, a stale If-Match refused with 412, bad input refused with its code and nothing written, roles; the API's
 * sign-in shares the UI's lock-out.
 */
class UsersApiEndToEndTest {

    private static final String TEMP = "temporary-pass-1";

    private final SandboxTestContext stack = SandboxTestContext.get();
    private final ApiClient api = new ApiClient(stack);
    private String admin;

    @BeforeEach
    void login() {
        ApiClient.user(stack, "api-users-admin", UserAccount.Role.ADMIN, null);
        admin = api.accessToken("api-users-admin", "api-users-admin-pw");
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void crud_of_a_user_with_a_group_and_a_skill_and_a_stale_if_match_is_412() {
        ApiClient.Response group = api.post("/api/v1/agent-groups", admin, map("name", unique("Sales"),
                "description", "Outbound"));
        assertThat(group.status()).as(group.body()).isEqualTo(201);
        long groupId = group.json().get("id").asLong();
        ApiClient.Response skill = api.post("/api/v1/skills", admin, map("code", unique("es"), "labelFr", "Espagnol",
                "labelEn", "Spanish"));
        assertThat(skill.status()).as(skill.body()).isEqualTo(201);
        long skillId = skill.json().get("id").asLong();

        String username = unique("api-agent");
        ApiClient.Response created = api.post("/api/v1/users", admin, map("username", username, "displayName",
                "Api Agent", "role", "AGENT", "locale", "en", "password", TEMP, "groupIds", List.of(groupId),
                "skills", List.of(map("skillId", skillId, "level", 4))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode user = created.json();
        long id = user.get("id").asLong();
        assertThat(user.get("mustChangePassword").asBoolean()).isTrue();
        assertThat(user.get("groupIds").get(0).asLong()).isEqualTo(groupId);
        assertThat(user.get("skills").get(0).get("level").asInt()).isEqualTo(4);
        assertThat(created.body()).doesNotContain(TEMP).doesNotContain("$2").doesNotContainIgnoringCase("hash");
        assertThat(api.get("/api/v1/agent-groups/" + groupId, admin).json().get("memberIds").get(0).asLong())
                .isEqualTo(id);

        ApiClient.Response read = api.get("/api/v1/users/" + id, admin);
        String etag = read.headers().firstValue("ETag").orElseThrow();
        ApiClient.Response updated = api.put("/api/v1/users/" + id, admin, map("username", username, "displayName",
                "Renamed", "role", "AGENT", "locale", "fr"), Map.of("If-Match", etag));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("displayName").asText()).isEqualTo("Renamed");
        assertThat(updated.json().get("groupIds")).as("groups left out: unchanged").hasSize(1);
        assertThat(updated.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);

        ApiClient.Response stale = api.put("/api/v1/users/" + id, admin, map("username", username, "displayName",
                "Lost update", "role", "AGENT"), Map.of("If-Match", etag));
        assertProblem(stale, 412, "user.version-mismatch");
        assertThat(api.get("/api/v1/users/" + id, admin).json().get("displayName").asText()).isEqualTo("Renamed");
        assertProblem(api.delete("/api/v1/users/" + id, admin, Map.of("If-Match", etag)), 412,
                "user.version-mismatch");

        JsonNode page = api.get("/api/v1/users?q=" + username + "&groupId=" + groupId + "&sort=-lastLogin", admin)
                .json();
        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("id").asLong()).isEqualTo(id);

        assertThat(api.delete("/api/v1/users/" + id, admin, Map.of("If-Match", "*")).status()).isEqualTo(204);
        assertProblem(api.get("/api/v1/users/" + id, admin), 404, "user.not-found");
        assertThat(api.delete("/api/v1/agent-groups/" + groupId, admin,
                Map.of("If-Match", "*")).status()).isEqualTo(204);
        assertThat(api.delete("/api/v1/skills/" + skillId, admin, Map.of("If-Match", "*")).status()).isEqualTo(204);
    }

    @Test
    void bad_input_is_refused_with_its_code_and_nothing_is_half_written() {
        long users = total("/api/v1/users");
        long groups = total("/api/v1/agent-groups");
        String username = unique("half");
        assertProblem(api.post("/api/v1/users", admin, "{\"username\":\"x\",\"role\":\"AGENT\",\"siteId\":\"abc\"}"),
                400, "request.invalid");
        assertProblem(api.post("/api/v1/users", admin, map("username", "x".repeat(101), "role", "AGENT",
                "password", TEMP)), 400, "request.invalid");
        assertProblem(api.post("/api/v1/users", admin, map("displayName", "no user name", "password", TEMP)), 400,
                "request.invalid");
        assertProblem(api.post("/api/v1/users", admin, map("username", "bob<script>", "role", "AGENT",
                "password", TEMP)), 400, "user.username-invalid");
        assertProblem(api.post("/api/v1/users", admin, map("username", username, "role", "AGENT")), 400,
                "user.password-required");
        // the user is valid but a group is unknown: the user is not created either
        assertProblem(api.post("/api/v1/users", admin, map("username", username, "role", "AGENT", "password", TEMP,
                "groupIds", List.of(987654321))), 404, "group.not-found");
        assertProblem(api.post("/api/v1/users", admin, map("username", username, "role", "AGENT", "password", TEMP,
                "skills", List.of(map("skillId", 1, "level", 9)))), 400, "request.invalid");
        assertThat(total("/api/v1/users")).isEqualTo(users);
        assertProblem(api.get("/api/v1/users/987654321", admin), 404, "user.not-found");
        assertProblem(api.get("/api/v1/users?sort=password", admin), 400, "request.sort-unsupported");

        String name = unique("Dup");
        assertThat(api.post("/api/v1/agent-groups", admin, map("name", name)).status()).isEqualTo(201);
        assertProblem(api.post("/api/v1/agent-groups", admin, map("name", name)), 409, "group.name-taken");
        assertProblem(api.post("/api/v1/agent-groups", admin, map("name", unique("g"), "memberIds",
                List.of(987654321))), 400, "group.unknown-user");
        assertThat(total("/api/v1/agent-groups")).isEqualTo(groups + 1);
        assertProblem(api.post("/api/v1/skills", admin, map("code", "Not A Code", "labelFr", "a", "labelEn", "b")),
                400, "skill.code-invalid");
        assertProblem(api.put("/api/v1/skills/987654321", admin, map("code", "x", "labelFr", "a", "labelEn", "b"),
                Map.of("If-Match", "*")), 404, "skill.not-found");
    }

    @Test
    void a_supervisor_reads_users_and_groups_but_changes_nothing_an_agent_reads_nothing() {
        ApiClient.user(stack, "api-users-sup", UserAccount.Role.SUPERVISOR, null);
        ApiClient.user(stack, "api-users-agent", UserAccount.Role.AGENT, null);
        String sup = api.accessToken("api-users-sup", "api-users-sup-pw");
        String agent = api.accessToken("api-users-agent", "api-users-agent-pw");
        assertThat(api.get("/api/v1/users", sup).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/agent-groups", sup).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/skills", sup).status()).isEqualTo(200);
        assertProblem(api.post("/api/v1/agent-groups", sup, map("name", unique("sup"))), 403, "auth.forbidden");
        assertProblem(api.get("/api/v1/users", agent), 403, "auth.forbidden");
        assertProblem(api.get("/api/v1/users", null), 401, "auth.unauthenticated");
    }

    @Test
    void five_wrong_api_passwords_lock_the_ui_sign_in_too() throws Exception {
        String name = unique("api-lock");
        ApiClient.user(stack, name, UserAccount.Role.AGENT, null);
        for (int i = 0; i < 5; i++) {
            assertProblem(api.post("/api/v1/auth/login", null, map("username", name, "password", "wrong-" + i)),
                    401, "auth.bad-credentials");
        }
        assertProblem(api.post("/api/v1/auth/login", null, map("username", name, "password", name + "-pw")), 401,
                "auth.account-locked");
        assertThat(new FormLogin(stack.httpPort()).attempt(name, name + "-pw")).as("the UI's sign-in")
                .endsWith("/login?error");
        assertThat(stack.bean(UserCredentials.class).signInLocked(name)).isTrue();
    }

    @Test
    void a_user_who_owes_a_password_change_gets_no_token_until_they_change_it() {
        String username = unique("api-owe");
        assertThat(api.post("/api/v1/users", admin, map("username", username, "role", "AGENT", "password", TEMP))
                .status()).isEqualTo(201);
        assertProblem(api.post("/api/v1/auth/login", null, map("username", username, "password", TEMP)), 401,
                "auth.password-change-required");
        ApiClient.Response changed = api.post("/api/v1/auth/password", null, map("username", username,
                "currentPassword", TEMP, "newPassword", "my-own-password-1"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(204);
        JsonNode tokens = api.login(username, "my-own-password-1");
        assertThat(tokens.get("accessToken").asText()).isNotBlank();
        JsonNode me = api.get("/api/v1/users?q=" + username, admin).json().get("items").get(0);
        assertThat(me.get("lastLoginAt").isNull()).as("last sign-in recorded by the API").isFalse();
    }

    private long total(String path) {
        return api.get(path + "?size=1", admin).json().get("total").asLong();
    }

    private static void assertProblem(ApiClient.Response r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.code()).as(r.body()).isEqualTo(code);
    }
}
