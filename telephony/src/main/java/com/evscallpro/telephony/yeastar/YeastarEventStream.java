package com.evscallpro.telephony.yeastar;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The WebSocket event push: {@code <api>/subscribe?access_token=…}, then {@code {"topic_list":[…]}}, a
 * {@code heartbeat} every {@code heartbeatInterval}, and a reconnect (new token if needed, resubscribe) with back-off
 * whenever the connection drops or the subscription is refused. Received reports are only handed to {@code sink}
 * (which enqueues them for the dispatcher): no translation happens on the WebSocket thread.
 */
final class YeastarEventStream {

    /** (30011) call status changed, (30012) new CDR = call end details, (30015) call failed. */
    static final int[] TOPICS = {30011, 30012, 30015};

    private static final Logger log = LoggerFactory.getLogger(YeastarEventStream.class);

    private final YeastarSettings settings;
    private final HttpClient http;
    private final ObjectMapper json;
    private final YeastarApiClient api;
    private final ScheduledExecutorService timer;
    private final Consumer<String> sink;
    private final Runnable onSubscribed;

    private WebSocket socket;                     // guarded by this
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null); // guarded by this
    private ScheduledFuture<?> heartbeat;         // guarded by this
    private Duration backoff;                     // guarded by this
    private volatile boolean subscribed;
    private volatile boolean closed;
    private volatile long lastReceivedNanos;      // anything from the PBX, "heartbeat response" included
    private volatile long unansweredSinceNanos;   // the first heartbeat sent since the last receipt, 0 = none
    private volatile long lastTickNanos;          // when the heartbeat timer last ran
    private int connections;                      // guarded by this

    YeastarEventStream(YeastarSettings settings, HttpClient http, ObjectMapper json, YeastarApiClient api,
                       ScheduledExecutorService timer, Consumer<String> sink, Runnable onSubscribed) {
        this.settings = settings;
        this.http = http;
        this.json = json;
        this.api = api;
        this.timer = timer;
        this.sink = sink;
        this.onSubscribed = onSubscribed;
        this.backoff = settings.reconnectMin();
    }

    boolean isSubscribed() {
        return subscribed && !closed;
    }

    void start() {
        connect();
    }

    private void connect() {
        if (closed) {
            return;
        }
        api.accessToken().thenCompose(tok -> {
            URI uri = URI.create(settings.subscribeUrl() + "?access_token="
                    + URLEncoder.encode(tok, StandardCharsets.UTF_8));
            return http.newWebSocketBuilder()
                    .connectTimeout(settings.connectTimeout())
                    .header("User-Agent", YeastarApiClient.USER_AGENT)
                    .buildAsync(uri, new Listener(tok))
                    .whenComplete((ws, e) -> {
                        WebSocketHandshakeException h = e == null ? null : handshakeFailure(e);
                        if (h != null && (h.getResponse().statusCode() == 401 || h.getResponse().statusCode() == 403)) {
                            api.tokenRefused(tok);
                        }
                    });
        }).whenComplete((ws, e) -> {
            if (e != null) {
                log.warn("Yeastar event push: connection failed ({}); retrying", YeastarApiClient.describe(e));
                scheduleReconnect();
                return;
            }
            synchronized (this) {
                if (closed) {
                    ws.abort();
                    return;
                }
                socket = ws;
                connections++;
            }
            StringBuilder topics = new StringBuilder("{\"topic_list\":[");
            for (int i = 0; i < TOPICS.length; i++) {
                topics.append(i == 0 ? "" : ",").append(TOPICS[i]);
            }
            send(ws, topics.append("]}").toString());
            startHeartbeat(ws);
        });
    }

    private synchronized void startHeartbeat(WebSocket ws) {
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        lastReceivedNanos = System.nanoTime();
        lastTickNanos = lastReceivedNanos;
        unansweredSinceNanos = 0;
        long every = settings.heartbeatInterval().toMillis();
        heartbeat = timer.scheduleAtFixedRate(() -> heartbeat(ws), every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Sends {@code heartbeat}; a connection that answered nothing (not even a {@code heartbeat response}) for two
     * intervals after a heartbeat went out is dead even if TCP did not say so (half-open, or a close the client never
     * saw): it is aborted and the push reconnects. Counted from the heartbeat sent, not from the last receipt, and a tick
     * that comes late (a pause of the JVM or the machine, when an answer may be waiting unread) restarts the count
     * instead of judging, so a pause does not condemn a healthy connection.
     */
    private void heartbeat(WebSocket ws) {
        long now = System.nanoTime();
        long received = lastReceivedNanos;
        long sinceLastTick = now - lastTickNanos;
        lastTickNanos = now;
        if (sinceLastTick > TimeUnit.MILLISECONDS.toNanos(settings.heartbeatInterval().toMillis() * 3 / 2)) {
            // this tick is late (a pause of the JVM or of the machine): an answer may be waiting to be read; start
            // counting again from this heartbeat rather than judge the connection now
            unansweredSinceNanos = now;
        } else if (unansweredSinceNanos != 0 && received - unansweredSinceNanos < 0) {
            long silentMillis = TimeUnit.NANOSECONDS.toMillis(now - unansweredSinceNanos);
            if (silentMillis > 2 * settings.heartbeatInterval().toMillis()) {
                unansweredSinceNanos = 0;
                ws.abort();
                dropped(ws, "no answer to the heartbeats sent over the last " + silentMillis + " ms");
                return;
            }
        } else {
            unansweredSinceNanos = now;
        }
        send(ws, "heartbeat");
    }

    /** java.net.http allows one outstanding send per WebSocket: chain them. */
    private synchronized void send(WebSocket ws, String text) {
        if (ws != socket || ws.isOutputClosed()) {
            return;
        }
        sending = sending.handle((x, e) -> null).thenCompose(x -> ws.sendText(text, true))
                .whenComplete((x, e) -> {
                    if (e != null) {
                        ws.abort();
                        dropped(ws, "send failed: " + YeastarApiClient.describe(e));
                    }
                });
    }

    private void dropped(WebSocket ws, String why) {
        synchronized (this) {
            if (ws != socket) {
                return; // an old socket
            }
            socket = null;
            if (heartbeat != null) {
                heartbeat.cancel(false);
            }
        }
        boolean was = subscribed;
        subscribed = false;
        if (!closed) {
            log.warn("Yeastar event push {} ({}); reconnecting", was ? "lost" : "not established", why);
            scheduleReconnect();
        }
    }

    private void scheduleReconnect() {
        if (closed) {
            return;
        }
        Duration wait;
        synchronized (this) {
            wait = backoff;
            Duration next = backoff.multipliedBy(2);
            backoff = next.compareTo(settings.reconnectMax()) > 0 ? settings.reconnectMax() : next;
        }
        timer.schedule(this::connect, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void onText(WebSocket ws, String text) {
        String t = text.strip();
        if (t.startsWith("{") && t.contains("\"errcode\"") && !t.contains("\"type\"")) {
            subscriptionAnswer(ws, t);
            return;
        }
        if (!t.startsWith("{")) {
            return; // "heartbeat response"
        }
        sink.accept(t);
    }

    private void subscriptionAnswer(WebSocket ws, String text) {
        JsonNode answer;
        try {
            answer = json.readTree(text);
        } catch (Exception e) {
            return;
        }
        int errcode = answer.path("errcode").asInt(-1);
        if (errcode == 0) {
            synchronized (this) {
                backoff = settings.reconnectMin();
            }
            boolean first = !subscribed;
            subscribed = true;
            if (first) {
                log.info("Yeastar event push subscribed to {}", java.util.Arrays.toString(TOPICS));
                onSubscribed.run();
            }
        } else {
            log.warn("Yeastar event push: subscription refused: errcode {} {}", errcode,
                    answer.path("errmsg").asText(""));
            ws.abort();
            dropped(ws, "subscription refused");
        }
    }

    synchronized int connectionCount() {
        return connections;
    }

    void close() {
        closed = true;
        subscribed = false;
        WebSocket ws;
        synchronized (this) {
            ws = socket;
            socket = null;
            if (heartbeat != null) {
                heartbeat.cancel(false);
            }
        }
        if (ws != null) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(1, TimeUnit.SECONDS)
                    .whenComplete((x, e) -> ws.abort());
        }
    }

    private static WebSocketHandshakeException handshakeFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof WebSocketHandshakeException h) {
                return h;
            }
        }
        return null;
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        Listener(String token) {
            // the token is not kept: it must never reach a log line
        }

        @Override
        public void onOpen(WebSocket ws) {
            ws.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            lastReceivedNanos = System.nanoTime();
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    YeastarEventStream.this.onText(ws, text);
                } catch (RuntimeException e) {
                    log.warn("Yeastar event push: report dropped ({})", e.toString());
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
            lastReceivedNanos = System.nanoTime();
            ws.request(1); // the JDK answers the ping with a pong itself
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket ws, ByteBuffer message) {
            lastReceivedNanos = System.nanoTime();
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            dropped(ws, "closed " + statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            dropped(ws, error.getClass().getSimpleName());
        }
    }
}
