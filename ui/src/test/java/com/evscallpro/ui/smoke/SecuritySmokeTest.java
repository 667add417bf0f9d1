package com.evscallpro.ui.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Boots the UI module (Vaadin dev mode with the default bundle) and checks the HTTP side of security. The flow
 * editor's package ({@code ui.flow}) and the reports' ({@code ui.report}, echarts) are left out of the scan: its npm packages are in the application's production
 * bundle only (the sandbox's browser tests use it), and dev mode would otherwise build a bundle with npm here.
 */
@SpringBootTest(classes = UiTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vaadin.allowed-packages=com.vaadin,org.vaadin,com.evscallpro.ui.admin,"
                        + "com.evscallpro.ui.agent,"
                        + "com.evscallpro.ui.audit,"
                        + "com.evscallpro.ui.history,"
                        + "com.evscallpro.ui.i18n,"
                        + "com.evscallpro.ui.layout,"
                        + "com.evscallpro.ui.login,"
                        + "com.evscallpro.ui.password,"
                        + "com.evscallpro.ui.pause,"
                        + "com.evscallpro.ui.pbxconfig,"
                        + "com.evscallpro.ui.planning,"
                        + "com.evscallpro.ui.privacy,"
                        + "com.evscallpro.ui.prompt,"
                        + "com.evscallpro.ui.qualification,"
                        + "com.evscallpro.ui.queue,"
                        + "com.evscallpro.ui.recording,"
                        + "com.evscallpro.ui.security,"
                        + "com.evscallpro.ui.site,"
                        + "com.evscallpro.ui.supervision,"
                        + "com.evscallpro.ui.technical,"
                        + "com.evscallpro.ui.user,"
                        + "com.evscallpro.ui.voicemail,"
                        + "com.evscallpro.ui.wallboard,"
                        + "com.evscallpro.ui.webhook",
                "vaadin.launch-browser=false", "spring.main.banner-mode=off",
                "spring.autoconfigure.exclude="
                        + "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration,"
                        + "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration,"
                        + "org.springframework.boot.autoconfigure.data.jdbc.JdbcRepositoriesAutoConfiguration"})
class SecuritySmokeTest {

    @LocalServerPort
    int port;

    private HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postLogin(HttpClient client, String user, String password, String csrfName,
                                           String csrf) throws Exception {
        String form = "username=" + enc(user) + "&password=" + enc(password)
                + (csrf == null ? "" : "&" + enc(csrfName) + "=" + enc(csrf));
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void login_page_is_public_and_workspaces_redirect_anonymous_users_to_it() throws Exception {
        HttpClient client = client();
        assertThat(get(client, "/login").statusCode()).isEqualTo(200);
        for (String path : new String[] {"/agent", "/supervision", "/admin", "/"}) {
            HttpResponse<String> response = get(client, path);
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).as(path).hasValueSatisfying(
                    l -> assertThat(l).endsWith("/login"));
        }
        assertThat(get(client, "/ws/info").statusCode()).isEqualTo(302);
        // a direct request to /error is no error dispatch: it goes to the login page instead of answering 500
        assertThat(get(client, "/error").statusCode()).isLessThan(500);
    }

    @Test
    void login_needs_the_csrf_token_and_refuses_disabled_accounts() throws Exception {
        HttpClient anonymous = client();
        HttpResponse<String> noToken = postLogin(anonymous, "admin", UiTestApplication.PASSWORD, "_csrf", null);
        assertThat(noToken.headers().firstValue("Location").orElse(""))
                .as("a login POST without the CSRF token must not sign in").doesNotEndWith(":" + port + "/");
        assertThat(get(anonymous, "/admin").statusCode()).isEqualTo(302);

        HttpClient disabled = client();
        String[] token = csrf(get(disabled, "/login").body());
        HttpResponse<String> refused = postLogin(disabled, "gone", UiTestApplication.PASSWORD, token[0], token[1]);
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).contains("/login?error"));
    }

    @Test
    void a_user_with_the_right_password_and_token_gets_in() throws Exception {
        HttpClient client = client();
        String[] token = csrf(get(client, "/login").body());
        HttpResponse<String> login = postLogin(client, "admin", UiTestApplication.PASSWORD, token[0], token[1]);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        assertThat(get(client, "/admin").statusCode()).isEqualTo(200);
    }

    /** The token Spring Security puts in Vaadin's bootstrap page: {parameter name, value}. */
    private static String[] csrf(String html) {
        Matcher name = Pattern.compile("name=\"_csrf_parameter\" content=\"([^\"]+)\"").matcher(html);
        Matcher value = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(html);
        assertThat(name.find()).as("csrf parameter meta tag in the login page").isTrue();
        assertThat(value.find()).as("csrf meta tag in the login page").isTrue();
        return new String[] {name.group(1), value.group(1)};
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
