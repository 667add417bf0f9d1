package com.evscallpro.telephony.yeastar;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.evscallpro.telephony.PbxActionException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Open API over HTTP: {@code get_token} / {@code refresh_token}, the access token in the query string of every
 * other request, {@code errcode}/{@code errmsg} checking, one re-login and retry on a token error. Thread-safe.
 * Never logs a URI (it carries the token), a token or the secret.
 */
final class YeastarApiClient {

    /** User-Agent the PBX requires on every request (the docs' example value). */
    static final String USER_AGENT = "OpenAPI";
    /** errcode of an invalid / expired access token (observed "TOKEN EXPIRED"; the error table is not in our sources). */
    static final int ERR_TOKEN_EXPIRED = 10004;

    private static final Logger log = LoggerFactory.getLogger(YeastarApiClient.class);

    private final YeastarSettings settings;
    private final HttpClient http;
    private final ObjectMapper json;
    private final ScheduledExecutorService timer;

    private Token token;                          // guarded by this
    private CompletableFuture<Token> renewing;    // guarded by this
    private ScheduledFuture<?> scheduledRefresh;  // guarded by this
    private volatile boolean closed;

    record Token(String access, Instant accessExpiresAt, String refresh, Instant refreshExpiresAt) {
        @Override
        public String toString() {
            return "Token[expires=" + accessExpiresAt + "]";
        }
    }

    YeastarApiClient(YeastarSettings settings, HttpClient http, ObjectMapper json, ScheduledExecutorService timer) {
        this.settings = settings;
        this.http = http;
        this.json = json;
        this.timer = timer;
    }

    /** A valid access token: the current one, or a refreshed one, or a new login. */
    CompletableFuture<String> accessToken() {
        synchronized (this) {
            Token t = token;
            if (t != null && Instant.now().isBefore(t.accessExpiresAt().minus(settings.tokenRefreshMargin()))) {
                return CompletableFuture.completedFuture(t.access());
            }
            return renew(t != null && t.refresh() != null && Instant.now().isBefore(t.refreshExpiresAt()))
                    .thenApply(Token::access);
        }
    }

    /** True while we hold an access token that has not expired. */
    synchronized boolean hasValidToken() {
        return token != null && Instant.now().isBefore(token.accessExpiresAt());
    }

    /** The token {@code used} was refused (a 401-equivalent): forget it and log in again at the next request. */
    void tokenRefused(String used) {
        synchronized (this) {
            if (token != null && token.access().equals(used)) {
                log.info("Yeastar refused the access token; logging in again");
                token = null;
            }
        }
    }

    /**
     * POSTs {@code body} to {@code <api>/<endpoint>?access_token=…}; completes with the response when
     * {@code errcode == 0}, else exceptionally with a {@link PbxActionException} naming the endpoint, errcode and
     * errmsg. A token error (HTTP 401 or errcode 10004) forces a new login and the request is sent once more.
     */
    CompletableFuture<JsonNode> post(String endpoint, ObjectNode body) {
        return send(endpoint, "", body, true);
    }

    /**
     * GETs {@code <api>/<endpoint>?access_token=…&<params>} (e.g. {@code call/query?call_id=…}); the same answer
     * handling and token retry as {@link #post}.
     */
    CompletableFuture<JsonNode> get(String endpoint, Map<String, String> params) {
        StringBuilder query = new StringBuilder();
        params.forEach((k, v) -> query.append('&').append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return send(endpoint, query.toString(), null, true);
    }

    private CompletableFuture<JsonNode> send(String endpoint, String query, ObjectNode body, boolean mayRetry) {
        if (closed) {
            return CompletableFuture.failedFuture(new PbxActionException("Yeastar adapter closed"));
        }
        return accessToken().thenCompose(tok -> {
            URI uri = URI.create(settings.endpoint(endpoint) + "?access_token="
                    + URLEncoder.encode(tok, StandardCharsets.UTF_8) + query);
            return exchange(endpoint, uri, body).thenCompose(reply -> {
                if (reply.tokenRefused()) {
                    tokenRefused(tok);
                    if (mayRetry) {
                        return send(endpoint, query, body, false);
                    }
                }
                return CompletableFuture.completedFuture(reply.checked(endpoint));
            });
        });
    }

    /** Logs in with the client id / secret ({@code get_token}). */
    private CompletableFuture<Token> login() {
        ObjectNode body = json.createObjectNode().put("username", settings.username()).put("password", settings.secret());
        return exchange("get_token", settings.endpoint("get_token"), body)
                .thenApply(reply -> token(reply.checked("get_token")));
    }

    private CompletableFuture<Token> refresh(String refreshToken) {
        ObjectNode body = json.createObjectNode().put("refresh_token", refreshToken);
        return exchange("refresh_token", settings.endpoint("refresh_token"), body)
                .thenApply(reply -> token(reply.checked("refresh_token")));
    }

    private Token token(JsonNode r) {
        String access = r.path("access_token").asText("");
        if (access.isEmpty()) {
            throw new PbxActionException("Yeastar answered without access_token");
        }
        Instant now = Instant.now();
        long accessTtl = r.path("access_token_expire_time").asLong(1800);
        long refreshTtl = r.path("refresh_token_expire_time").asLong(86400);
        String refresh = r.path("refresh_token").asText(null);
        return new Token(access, now.plusSeconds(accessTtl), refresh, now.plusSeconds(refreshTtl));
    }

    private synchronized CompletableFuture<Token> renew(boolean tryRefresh) {
        if (renewing != null) {
            return renewing;
        }
        CompletableFuture<Token> f;
        if (tryRefresh) {
            String refreshToken = token.refresh();
            f = refresh(refreshToken).exceptionallyCompose(e -> {
                log.info("Yeastar token refresh failed ({}); logging in again", describe(e));
                return login();
            });
        } else {
            f = login();
        }
        renewing = f;
        f.whenComplete((t, e) -> {
            synchronized (YeastarApiClient.this) {
                renewing = null;
                if (t != null) {
                    token = t;
                    log.debug("Yeastar access token obtained, valid until {}", t.accessExpiresAt());
                    scheduleRefresh(t);
                } else {
                    log.warn("Yeastar login failed: {}", describe(e));
                    scheduleRetry();
                }
            }
        });
        return f;
    }

    /** Refresh ahead of expiry so the token stays valid even while idle (the event push reconnects with it). */
    private void scheduleRefresh(Token t) {
        if (closed) {
            return;
        }
        if (scheduledRefresh != null) {
            scheduledRefresh.cancel(false);
        }
        // +1 ms: toEpochMilli() truncates, and a timer firing a fraction of a millisecond early would find the
        // token still fresh and end the refresh chain (seen on a loaded CI machine).
        long delay = Math.max(50, t.accessExpiresAt().minus(settings.tokenRefreshMargin()).toEpochMilli()
                - System.currentTimeMillis() + 1);
        scheduledRefresh = timer.schedule(this::refreshDue, delay, TimeUnit.MILLISECONDS);
    }

    /** The scheduled refresh: renews now, or, should the timer have fired early, schedules itself again. */
    private void refreshDue() {
        synchronized (this) {
            Token t = token;
            if (closed) {
                return;
            }
            if (t != null && Instant.now().isBefore(t.accessExpiresAt().minus(settings.tokenRefreshMargin()))) {
                scheduleRefresh(t);
                return;
            }
        }
        accessToken();
    }

    private void scheduleRetry() {
        if (closed || token == null) {
            return; // no token to keep fresh: the next request logs in
        }
        if (scheduledRefresh != null) {
            scheduledRefresh.cancel(false);
        }
        scheduledRefresh = timer.schedule(this::refreshDue, settings.reconnectMax().toMillis(), TimeUnit.MILLISECONDS);
    }

    void close() {
        closed = true;
        synchronized (this) {
            if (scheduledRefresh != null) {
                scheduledRefresh.cancel(false);
            }
            token = null;
        }
    }

    /** One HTTP exchange: POST of {@code body} as JSON, or GET when {@code body} is null. */
    private CompletableFuture<Reply> exchange(String endpoint, URI uri, ObjectNode body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("User-Agent", USER_AGENT);
        HttpRequest request = body == null ? builder.GET().build()
                : builder.header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((resp, err) -> {
                    if (err != null) {
                        Throwable cause = err instanceof CompletionException && err.getCause() != null
                                ? err.getCause() : err;
                        throw new CompletionException(new PbxActionException(
                                "Yeastar " + endpoint + " unreachable: " + cause.getClass().getSimpleName()
                                        + (cause.getMessage() == null ? "" : " " + cause.getMessage()), cause));
                    }
                    return new Reply(endpoint, resp.statusCode(), parse(endpoint, resp));
                });
    }

    private JsonNode parse(String endpoint, HttpResponse<String> resp) {
        if (resp.statusCode() == 401) {
            return json.createObjectNode();
        }
        if (resp.statusCode() / 100 != 2) {
            throw new CompletionException(new PbxActionException("Yeastar " + endpoint + " answered HTTP "
                    + resp.statusCode()));
        }
        try {
            return json.readTree(resp.body());
        } catch (IOException e) {
            throw new CompletionException(new PbxActionException("Yeastar " + endpoint
                    + " answered something that is not JSON (HTTP " + resp.statusCode() + ")"));
        }
    }

    private record Reply(String endpoint, int status, JsonNode body) {
        boolean tokenRefused() {
            return status == 401 || body.path("errcode").asInt(0) == ERR_TOKEN_EXPIRED;
        }

        JsonNode checked(String what) {
            if (status == 401) {
                throw new PbxActionException("Yeastar " + what + " refused: HTTP 401 (token not accepted)");
            }
            int errcode = body.path("errcode").asInt(-1);
            if (errcode != 0) {
                String errmsg = body.path("errmsg").asText("");
                throw new PbxActionException("Yeastar " + what + " refused: errcode " + errcode
                        + (errmsg.isEmpty() ? "" : " " + errmsg));
            }
            return body;
        }
    }

    static String describe(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
