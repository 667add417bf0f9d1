package com.evscallpro.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-less client of the running app: its own cookie jar, no redirect followed, the real form login (login
 * page, its CSRF token, POST {@code /login}).
 */
final class FormLogin {

    final HttpClient client;
    private final CookieManager cookies = new CookieManager();
    private final String base;
    /** The answer to the last login POST. */
    HttpResponse<String> lastLogin;

    FormLogin(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Posts the login form; returns where the app redirects to (contains {@code ?error} on a refusal). */
    String attempt(String username, String password) throws Exception {
        String page = get("/login").body();
        Matcher name = Pattern.compile("name=\"_csrf_parameter\" content=\"([^\"]+)\"").matcher(page);
        Matcher value = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(page);
        assertThat(name.find() && value.find()).as("the login page carries the CSRF token").isTrue();
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&" + enc(name.group(1)) + "="
                + enc(value.group(1));
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        lastLogin = login;
        assertThat(login.statusCode()).as("login answers with a redirect").isEqualTo(302);
        return login.headers().firstValue("Location").orElse("");
    }

    /** Signs in (asserting success); returns the session cookie ({@code JSESSIONID=...}). */
    String signIn(String username, String password) throws Exception {
        assertThat(attempt(username, password)).as("signed in").doesNotContain("error");
        return sessionCookie();
    }

    String sessionCookie() {
        HttpCookie session = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID")).findFirst().orElseThrow();
        return session.getName() + "=" + session.getValue();
    }

    HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
