package com.evscallpro.sandbox;

import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** Plain HTTP calls to the running application's REST API, as any client would make them. */
final class ApiClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    private final String base;
    private final SandboxTestContext stack;

    ApiClient(SandboxTestContext stack) {
        this.base = "http://localhost:" + stack.httpPort();
        this.stack = stack;
    }

    /** A response: status, headers, the body as text and as JSON (null when not JSON). */
    record Response(int status, java.net.http.HttpHeaders headers, String body) {

        JsonNode json() {
            try {
                return body == null || body.isBlank() ? null : JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        /** The problem's {@code code}. */
        String code() {
            JsonNode json = json();
            return json == null || json.get("code") == null ? null : json.get("code").asText();
        }
    }

    Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    Response post(String path, String token, Object body) {
        return post(path, token, body, Map.of());
    }

    Response post(String path, String token, Object body, Map<String, String> headers) {
        return send("POST", path, token, body, headers);
    }

    Response put(String path, String token, Object body, Map<String, String> headers) {
        return send("PUT", path, token, body, headers);
    }

    Response delete(String path, String token, Map<String, String> headers) {
        HttpRequest.Builder b = request(path, token).DELETE();
        headers.forEach(b::setHeader);
        return send(b);
    }

    /** A request with a JSON body (a String is sent as is) and extra headers. */
    Response send(String method, String path, String token, Object body, Map<String, String> headers) {
        String text;
        try {
            text = body == null ? "" : body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
        HttpRequest.Builder b = request(path, token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(text));
        headers.forEach(b::setHeader);
        return send(b);
    }

    /** Logs in; fails the test unless it worked. Returns the token response. */
    JsonNode login(String username, String password) {
        Response r = post("/api/v1/auth/login", null, Map.of("username", username, "password", password));
        if (r.status() != 200) {
            throw new AssertionError("login of " + username + " failed: " + r.status() + " " + r.body());
        }
        return r.json();
    }

    String accessToken(String username, String password) {
        return login(username, password).get("accessToken").asText();
    }

    /** The access token of a user of this role (created once, password {@code <username>-pw}). */
    String tokenOf(String username, UserAccount.Role role) {
        user(stack, username, role, null);
        return accessToken(username, username + "-pw");
    }

    /** Creates a user (once: the shared stack keeps them) and returns its account. */
    static UserAccount user(SandboxTestContext stack, String username, UserAccount.Role role, String extension) {
        UserAccountService users = stack.bean(UserAccountService.class);
        return users.findByUsername(username).orElseGet(() -> users.create(username, username + "-pw", username,
                role, extension, "en"));
    }

    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept",
                "application/json, application/problem+json, */*");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
