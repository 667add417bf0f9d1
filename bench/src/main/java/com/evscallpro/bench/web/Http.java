package com.evscallpro.bench.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP/1.1 client of the API (keep-alive connections, as an integration would use). */
final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    /** Access tokens by user, signed in again before their 5 minutes run out. */
    private final java.util.Map<String, java.util.Map.Entry<String, Long>> tokens =
            new java.util.concurrent.ConcurrentHashMap<>();

    Http(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** Signs in through the API; returns an access token (5 minutes: sign in again for each measurement). */
    String token(String username, String password) {
        JsonNode r = json(send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\""
                        + password + "\"}")).build()));
        return r.get("accessToken").asText();
    }

    /** A valid access token of the user (password {@code <username>-pw}), at most 4 minutes old. */
    String tokenOf(String username) {
        return tokens.compute(username, (u, t) -> t != null && System.nanoTime() - t.getValue() < 240_000_000_000L ? t
                : java.util.Map.entry(token(u, u + "-pw"), System.nanoTime())).getKey();
    }

    /** GET as the user, failing on anything but 200; returns the body. */
    String getAs(String path, String username) {
        return get(path, tokenOf(username));
    }

    /** GET, failing on anything but 200; returns the body. */
    String get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").GET().build());
    }

    JsonNode getJson(String path, String token) {
        return json(get(path, token));
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " -> " + r.statusCode()
                        + " " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
