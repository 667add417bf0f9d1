package com.evscallpro.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.evscallpro.core.user.UserAccount;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * An external wallboard without a session: it sends the API's access token in the STOMP CONNECT frame
 * ({@code Authorization: Bearer ...}); the handshake is anonymous. A supervisor's token subscribes to a supervision
 * topic and receives its events; an agent's token is refused that topic; a bad, revoked or missing token is refused at
 * CONNECT.
 */
class StompBearerTokenEndToEndTest {

    private final SandboxTestContext stack = SandboxTestContext.get();
    private final ApiClient api = new ApiClient(stack);
    private final WebSocketStompClient client = StompRecorder.client();

    @AfterEach
    void stop() {
        client.stop();
    }

    @Test
    void a_supervisor_token_in_connect_subscribes_and_receives_events() throws Exception {
        ApiClient.user(stack, "stomp-token-sup", UserAccount.Role.SUPERVISOR, null);
        StompRecorder wallboard = connect(api.accessToken("stomp-token-sup", "stomp-token-sup-pw"));
        wallboard.session.subscribe("/topic/agentStatusUpdate", wallboard);
        String probe = "{\"event\":\"agentStatusUpdate\",\"probe\":\"" + System.nanoTime() + "\"}";
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            stack.bean(SimpMessagingTemplate.class).convertAndSend("/topic/agentStatusUpdate", probe);
            return wallboard.received.contains(probe);
        });
        assertThat(wallboard.errors).isEmpty();
        wallboard.session.disconnect();
    }

    @Test
    void an_agent_token_is_connected_but_refused_a_supervision_topic() throws Exception {
        ApiClient.user(stack, "stomp-token-agent", UserAccount.Role.AGENT, null);
        StompRecorder agent = connect(api.accessToken("stomp-token-agent", "stomp-token-agent-pw"));
        agent.session.subscribe("/topic/newCall", agent);
        await().atMost(Duration.ofSeconds(20)).until(() -> !agent.errors.isEmpty());
    }

    @Test
    void a_bad_a_revoked_or_a_missing_token_is_refused_at_connect() {
        ApiClient.user(stack, "stomp-token-revoked", UserAccount.Role.SUPERVISOR, null);
        String token = api.accessToken("stomp-token-revoked", "stomp-token-revoked-pw");
        assertThat(api.post("/api/v1/auth/logout?everywhere=true", token, null).status()).isEqualTo(204);

        assertThatThrownBy(() -> connect("not-a-jwt")).isInstanceOf(ExecutionException.class);
        assertThatThrownBy(() -> connect(token)).as("revoked at logout").isInstanceOf(ExecutionException.class);
        assertThatThrownBy(() -> connect(null)).as("no token, no session").isInstanceOf(ExecutionException.class);
    }

    private StompRecorder connect(String token) throws Exception {
        return StompRecorder.connect(client, stack.httpPort(), token);
    }
}
