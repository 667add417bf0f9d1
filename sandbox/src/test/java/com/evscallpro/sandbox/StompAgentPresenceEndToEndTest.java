package com.evscallpro.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.evscallpro.core.agent.AgentPresence;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

        String cookie = signIn("stomp-agent", "secret-stomp-1");
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

    /** Signs in through the login form; returns the session cookie ({@code JSESSIONID=...}). */
    private String signIn(String username, String password) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + stack.httpPort();
        String page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher name = Pattern.compile("name=\"_csrf_parameter\" content=\"([^\"]+)\"").matcher(page);
        Matcher value = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(page);
        assertThat(name.find() && value.find()).as("the login page carries the CSRF token").isTrue();
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&" + enc(name.group(1)) + "="
                + enc(value.group(1));
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location").orElse("")).as("signed in").doesNotContain("error");
        HttpCookie session = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID")).findFirst().orElseThrow();
        return session.getName() + "=" + session.getValue();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
