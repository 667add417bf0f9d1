package com.evscallpro.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.evscallpro.core.agent.AgentPresence;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * An agent signed in over HTTP opens a STOMP session on {@code /ws} (as a softphone or wallboard client would): the
 * agent counts as connected through it, and no longer once the session ends. Real login (form + CSRF token), real
 * WebSocket handshake with the session cookie, real STOMP CONNECT / DISCONNECT.
 */
class StompAgentPresenceEndToEndTest {

    private final SandboxTestContext stack = SandboxTestContext.get();

    @Test
    void a_signed_in_agents_stomp_session_is_one_of_the_agents_clients_while_it_lasts() throws Exception {
        UserAccount agent = stack.bean(UserAccountService.class).create("stomp-agent", "secret-stomp-1",
                "Agent Stomp", UserAccount.Role.AGENT, "2451", "en");
        AgentPresence presence = stack.bean(AgentPresence.class);
        assertThat(presence.connected(agent.id())).as("no client yet").isFalse();

        String cookie = new FormLogin(stack.httpPort()).signIn("stomp-agent", "secret-stomp-1");
        WebSocketStompClient stomp = new WebSocketStompClient(new StandardWebSocketClient());
        WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
        headers.add("Cookie", cookie);
        StompSession session = stomp.connectAsync("ws://localhost:" + stack.httpPort() + "/ws", headers,
                new StompSessionHandlerAdapter() { }).get(15, TimeUnit.SECONDS);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> presence.connected(agent.id()));
        } finally {
            session.disconnect();
            stomp.stop();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !presence.connected(agent.id()));
    }
}
