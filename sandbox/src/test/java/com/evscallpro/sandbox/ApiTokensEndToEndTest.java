package com.evscallpro.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.api.security.AccessTokens;
import com.evscallpro.core.auth.TokenService;
import com.evscallpro.core.user.UserAccount;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * JWT access and refresh tokens on the running application, over HTTP: expiry, rotation, reuse detection revoking
 * the family, logout and "revoke all" (password change) refusing access tokens at once.
 */
class ApiTokensEndToEndTest {

    private static final String DATA = "/api/v1/application-data";

    private final SandboxTestContext stack = SandboxTestContext.get();
    private final ApiClient api = new ApiClient(stack);

    @Test
    void login_gives_a_short_lived_access_token_and_a_refresh_token_wrong_password_is_refused_with_a_code() {
        ApiClient.user(stack, "api-tok-1", UserAccount.Role.SUPERVISOR, null);
        JsonNode tokens = api.login("api-tok-1", "api-tok-1-pw");
        assertThat(tokens.get("tokenType").asText()).isEqualTo("Bearer");
        assertThat(tokens.get("expiresIn").asLong()).isBetween(1L, 300L);
        assertThat(tokens.get("refreshToken").asText()).hasSizeGreaterThan(30);
        assertThat(api.get(DATA, tokens.get("accessToken").asText()).status()).isEqualTo(200);

        ApiClient.Response wrong = api.post("/api/v1/auth/login", null,
                Map.of("username", "api-tok-1", "password", "nope"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(wrong.code()).isEqualTo("auth.bad-credentials");
        assertThat(api.post("/api/v1/auth/login", null, Map.of("username", "nobody-at-all", "password", "x")).code())
                .as("an unknown user gets the same answer").isEqualTo("auth.bad-credentials");
    }

    @Test
    void an_expired_access_token_is_refused() {
        UserAccount user = ApiClient.user(stack, "api-tok-2", UserAccount.Role.SUPERVISOR, null);
        long version = stack.bean(TokenService.class).tokenVersion(user.id());
        String shortLived = stack.bean(AccessTokens.class).issue(user, version, UUID.randomUUID(),
                Duration.ofSeconds(1)).value();
        assertThat(api.get(DATA, shortLived).status()).as("valid before expiry").isEqualTo(200);
        // expiry is 1 s plus the configured clock skew (5 s)
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.get(DATA, shortLived).status() == 401);
        ApiClient.Response expired = api.get(DATA, shortLived);
        assertThat(expired.code()).isEqualTo("auth.token-invalid");
        assertThat(expired.headers().firstValue("WWW-Authenticate").orElse("")).contains("invalid_token");
    }

    @Test
    void refresh_rotates_and_a_reused_refresh_token_revokes_its_whole_family() {
        ApiClient.user(stack, "api-tok-3", UserAccount.Role.ADMIN, null);
        JsonNode first = api.login("api-tok-3", "api-tok-3-pw");
        String r1 = first.get("refreshToken").asText();

        ApiClient.Response rotated = api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", r1));
        assertThat(rotated.status()).isEqualTo(200);
        String r2 = rotated.json().get("refreshToken").asText();
        assertThat(r2).isNotEqualTo(r1);
        assertThat(api.get(DATA, rotated.json().get("accessToken").asText()).status()).isEqualTo(200);

        ApiClient.Response reused = api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", r1));
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.code()).isEqualTo("auth.refresh-reused");
        ApiClient.Response afterReuse = api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", r2));
        assertThat(afterReuse.status()).as("the family is revoked: the newest token too").isEqualTo(401);
        assertThat(afterReuse.code()).isEqualTo("auth.refresh-invalid");

        JsonNode other = api.login("api-tok-3", "api-tok-3-pw");
        assertThat(api.post("/api/v1/auth/refresh", null, Map.of("refreshToken",
                other.get("refreshToken").asText())).status()).as("another login's family is untouched")
                .isEqualTo(200);
        assertThat(api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", "made-up")).code())
                .isEqualTo("auth.refresh-invalid");
    }

    @Test
    void logout_refuses_the_access_token_at_once_and_revokes_the_refresh_token() {
        ApiClient.user(stack, "api-tok-4", UserAccount.Role.SUPERVISOR, null);
        JsonNode tokens = api.login("api-tok-4", "api-tok-4-pw");
        String access = tokens.get("accessToken").asText();
        JsonNode otherLogin = api.login("api-tok-4", "api-tok-4-pw");
        assertThat(api.get(DATA, access).status()).isEqualTo(200);

        assertThat(api.post("/api/v1/auth/logout", access, Map.of("refreshToken",
                tokens.get("refreshToken").asText())).status()).isEqualTo(204);

        ApiClient.Response after = api.get(DATA, access);
        assertThat(after.status()).as("long before its expiry").isEqualTo(401);
        assertThat(after.code()).isEqualTo("auth.token-invalid");
        assertThat(api.post("/api/v1/auth/refresh", null, Map.of("refreshToken",
                tokens.get("refreshToken").asText())).code()).isEqualTo("auth.refresh-invalid");
        ApiClient.Response otherRefreshed = api.post("/api/v1/auth/refresh", null, Map.of("refreshToken",
                otherLogin.get("refreshToken").asText()));
        assertThat(otherRefreshed.status()).as("the other login goes on after a refresh").isEqualTo(200);
        assertThat(api.get(DATA, otherRefreshed.json().get("accessToken").asText()).status()).isEqualTo(200);
    }

    @Test
    void revoking_all_of_a_users_tokens_as_on_a_password_change_kills_access_and_refresh_tokens_at_once() {
        UserAccount user = ApiClient.user(stack, "api-tok-5", UserAccount.Role.AGENT, "2605");
        JsonNode tokens = api.login("api-tok-5", "api-tok-5-pw");
        String access = tokens.get("accessToken").asText();
        assertThat(api.get(DATA, access).status()).isEqualTo(200);

        stack.bean(TokenService.class).revokeAll(user.id());

        assertThat(api.get(DATA, access).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/refresh", null, Map.of("refreshToken",
                tokens.get("refreshToken").asText())).status()).isEqualTo(401);
        assertThat(api.get(DATA, api.accessToken("api-tok-5", "api-tok-5-pw")).status())
                .as("a new login works").isEqualTo(200);
    }

    @Test
    void logout_everywhere_revokes_every_login() {
        ApiClient.user(stack, "api-tok-6", UserAccount.Role.SUPERVISOR, null);
        JsonNode a = api.login("api-tok-6", "api-tok-6-pw");
        JsonNode b = api.login("api-tok-6", "api-tok-6-pw");
        assertThat(api.post("/api/v1/auth/logout?everywhere=true", a.get("accessToken").asText(), null).status())
                .isEqualTo(204);
        assertThat(api.get(DATA, b.get("accessToken").asText()).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", b.get("refreshToken").asText()))
                .code()).isEqualTo("auth.refresh-invalid");
    }
}
