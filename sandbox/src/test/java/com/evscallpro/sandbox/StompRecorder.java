package com.evscallpro.sandbox;

import java.lang.reflect.Type;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.springframework.messaging.converter.StringMessageConverter;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/** One STOMP session of a wallboard on {@code /ws}: records the messages and the ERROR frames it gets. */
final class StompRecorder extends StompSessionHandlerAdapter {

    final List<String> received = new CopyOnWriteArrayList<>();
    final List<String> errors = new CopyOnWriteArrayList<>();
    StompSession session;

    /** A STOMP client over WebSocket that reads messages as strings (JSON included). */
    static WebSocketStompClient client() {
        // a wallboard message carries every board whole: on the shared test stack (dozens of campaigns and agents
        // left by earlier tests) it outgrows the JSR-356 client's 8 KB text buffer (the container closes the
        // connection: "Connection closed", seen in CI) and Spring's 64 KB STOMP limit (docs/stomp-events.md)
        jakarta.websocket.WebSocketContainer container = jakarta.websocket.ContainerProvider.getWebSocketContainer();
        container.setDefaultMaxTextMessageBufferSize(16 * 1024 * 1024);
        WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient(container));
        client.setInboundMessageSizeLimit(16 * 1024 * 1024);
        client.setMessageConverter(new StringMessageConverter() {
            {
                addSupportedMimeTypes(MimeTypeUtils.APPLICATION_JSON);
            }
        });
        return client;
    }

    /** Connects with the API's access token in the CONNECT frame (none when {@code token} is null). */
    static StompRecorder connect(WebSocketStompClient client, int port, String token) throws Exception {
        StompRecorder r = new StompRecorder();
        StompHeaders connect = new StompHeaders();
        if (token != null) {
            connect.add("Authorization", "Bearer " + token);
        }
        r.session = client.connectAsync("ws://localhost:" + port + "/ws", new WebSocketHttpHeaders(), connect, r)
                .get(15, TimeUnit.SECONDS);
        return r;
    }

    @Override
    public Type getPayloadType(StompHeaders headers) {
        return String.class;
    }

    @Override
    public void handleFrame(StompHeaders headers, Object payload) {
        if (headers.containsKey("message") && !headers.containsKey("subscription")) {
            errors.add(headers.getFirst("message"));
        } else {
            received.add(String.valueOf(payload));
        }
    }

    @Override
    public void handleException(StompSession s, StompCommand command, StompHeaders headers, byte[] payload,
                                Throwable exception) {
        errors.add(String.valueOf(exception));
    }

    @Override
    public void handleTransportError(StompSession s, Throwable exception) {
        errors.add(String.valueOf(exception));
    }
}
