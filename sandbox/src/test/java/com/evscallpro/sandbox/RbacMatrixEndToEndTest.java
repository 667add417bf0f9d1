package com.evscallpro.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.evscallpro.core.user.UserAccount.Role;
import com.evscallpro.core.user.UserAccountService;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Type;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.messaging.converter.StringMessageConverter;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * The role matrix, generated from the code and checked over real HTTP and a real WebSocket against the running app:
 * every {@code @Route} view × anonymous, AGENT, SUPERVISOR, ADMIN, allowed or refused as its annotations say
 * (anonymous over plain HTTP; the roles in Chromium, since a Vaadin view is rendered by the client's navigation); the
 * actuator endpoints; the STOMP topics of {@code /ws} (subscribe per role, SEND refused to all). Anonymous is refused
 * everywhere except the login page, health and static assets.
 */
class RbacMatrixEndToEndTest {

    private static final Set<Role> NOBODY = EnumSet.noneOf(Role.class);

    private final SandboxTestContext stack = SandboxTestContext.get();

    /** Route path → the roles its annotations allow (null: anonymous allowed too). */
    static Map<String, Set<Role>> viewsFromCode() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        Map<String, Set<Role>> views = new TreeMap<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("com.evscallpro")) {
            Class<?> view;
            try {
                view = Class.forName(candidate.getBeanClassName());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            String path = view.getAnnotation(Route.class).value();
            if (view.isAnnotationPresent(AnonymousAllowed.class)) {
                views.put(path, null);
            } else if (view.isAnnotationPresent(PermitAll.class)) {
                views.put(path, EnumSet.allOf(Role.class));
            } else if (view.isAnnotationPresent(RolesAllowed.class)) {
                Set<Role> roles = EnumSet.noneOf(Role.class);
                Arrays.stream(view.getAnnotation(RolesAllowed.class).value()).map(Role::valueOf).forEach(roles::add);
                views.put(path, roles);
            } else {
                views.put(path, NOBODY);
            }
        }
        return views;
    }

    @Test
    void every_view_is_open_to_exactly_the_roles_its_annotations_name() throws Exception {
        Map<String, Set<Role>> views = viewsFromCode();
        assertThat(views).as("views found in the code").containsKeys("login", "admin", "agent", "supervision");
        // a call's path on the diagram, read-only and live: supervisors and admins; the editor stays the analysts'
        assertThat(views.get("call-path/:callId")).as("/call-path/<call id>")
                .containsExactlyInAnyOrder(Role.SUPERVISOR, Role.ADMIN);
        assertThat(views.get("flows")).as("the flow editor").doesNotContain(Role.SUPERVISOR, Role.AGENT);
        assertThat(views.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey))
                .as("the only view open to anonymous users").containsExactly("login");
        List<String> mismatches = new ArrayList<>();
        // routes with parameters are opened on a real object (a campaign of this test)
        long campaignId = stack.bean(com.evscallpro.core.campaign.CampaignService.class).create(
                new com.evscallpro.core.campaign.NewCampaign("RBAC " + System.nanoTime(), 1, 60, 20, null));
        java.util.function.UnaryOperator<String> concrete = path -> path.replace(":campaignId",
                Long.toString(campaignId));
        FormLogin anonymous = new FormLogin(stack.httpPort());
        for (var view : views.entrySet()) {
            HttpResponse<String> page = anonymous.get("/" + concrete.apply(view.getKey()));
            boolean allowed = view.getValue() == null;
            boolean served = page.statusCode() == 200;
            boolean toLogin = page.statusCode() == 302
                    && page.headers().firstValue("Location").orElse("").endsWith("/login");
            if (allowed != served || (!allowed && !toLogin)) {
                mismatches.add("anonymous /" + view.getKey() + " → " + page.statusCode());
            }
        }
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
            Browser browser = AgentAndSupervisorBrowserTest.chromium(playwright);
            for (Role role : Role.values()) {
                String cookie = signedIn(role).sessionCookie();
                BrowserContext context = browser.newContext();
                context.addCookies(List.of(new Cookie("JSESSIONID", cookie.substring(cookie.indexOf('=') + 1))
                        .setDomain("localhost").setPath("/").setHttpOnly(true)));
                Page page = context.newPage();
                page.setDefaultTimeout(30_000);
                boolean loaded = false;
                for (var view : views.entrySet()) {
                    boolean allowed = view.getValue() == null || view.getValue().contains(role);
                    String path = "/" + concrete.apply(view.getKey());
                    if (!loaded || view.getKey().equals("login")) {
                        page.navigate("http://localhost:" + stack.httpPort() + path);
                        loaded = !view.getKey().equals("login");
                    } else {
                        navigateInApp(page, path);
                    }
                    // every view has an id ending in -view; a refusal shows the 403 page instead
                    page.locator("[id$='-view'], #refused-page").first().waitFor();
                    boolean refused = page.locator("#refused-page[data-status='403']").count() > 0;
                    if (allowed == refused || page.url().endsWith("/login") && !view.getKey().equals("login")) {
                        mismatches.add(role + " /" + view.getKey() + " → " + page.url() + " expected "
                                + (allowed ? "allowed" : "refused"));
                    }
                }
                context.close();
            }
        }
        assertThat(mismatches).isEmpty();
    }

    /**
     * Navigates as a user following a link inside the application (a router link: Vaadin's client asks the server
     * for the view, no page load), and waits for the server's answer to be applied. For a signed-in user the decision
     * is the same as on a page load (Vaadin's navigation access control decides both; Spring Security's filter lets
     * any authenticated request through to it), and a view is not bootstrapped again for each of ~80 visits.
     */
    static void navigateInApp(Page page, String path) {
        page.evaluate("p => { const a = document.createElement('a'); a.href = p; a.setAttribute('router-link', '');"
                + " document.body.appendChild(a); a.click(); a.remove(); }", path);
        page.waitForFunction("p => location.pathname === p && window.Vaadin && window.Vaadin.Flow"
                + " && !Object.values(window.Vaadin.Flow.clients).some(c => c.isActive && c.isActive())", path);
    }

    @Test
    void actuator_is_for_admins_except_health_and_static_assets_are_public() throws Exception {
        FormLogin anonymous = new FormLogin(stack.httpPort());
        assertThat(anonymous.get("/actuator/health").statusCode()).isEqualTo(200);
        for (String path : List.of("/actuator", "/actuator/prometheus", "/actuator/info")) {
            HttpResponse<String> r = anonymous.get(path);
            assertThat(r.statusCode()).as("anonymous " + path).isIn(302, 401);
            assertThat(r.body()).as(path).doesNotContain("evs_pbx_connected");
        }
        for (Role role : Role.values()) {
            FormLogin user = signedIn(role);
            assertThat(user.get("/actuator/health").statusCode()).isEqualTo(200);
            HttpResponse<String> metrics = user.get("/actuator/prometheus");
            if (role == Role.ADMIN) {
                assertThat(metrics.statusCode()).isEqualTo(200);
                assertThat(metrics.body()).contains("evs_pbx_connected");
            } else {
                assertThat(metrics.statusCode()).as(role + " /actuator/prometheus").isEqualTo(403);
                assertThat(metrics.body()).doesNotContain("evs_pbx_connected");
            }
        }
        assertThat(basic("/actuator/prometheus", SandboxTestContext.MONITORING_USER,
                SandboxTestContext.MONITORING_PASSWORD).statusCode()).as("the monitoring credential").isEqualTo(200);
        assertThat(basic("/actuator/prometheus", SandboxTestContext.MONITORING_USER, "wrong").statusCode())
                .isEqualTo(401);
        stack.bean(UserAccountService.class).create("rbac-basic-admin", "rbac-password-1", null, Role.ADMIN, null,
                "en");
        assertThat(basic("/actuator/prometheus", "rbac-basic-admin", "rbac-password-1").statusCode())
                .as("user accounts cannot use HTTP Basic").isEqualTo(401);
        assertThat(basic("/actuator/info", SandboxTestContext.MONITORING_USER,
                SandboxTestContext.MONITORING_PASSWORD).statusCode()).as("the scraper reads metrics only").isIn(302, 401);

        HttpResponse<String> favicon = anonymous.get("/favicon.ico");
        assertThat(favicon.statusCode()).isEqualTo(200);
        assertThat(favicon.headers().firstValue("Content-Type").orElse("")).contains("icon");
        assertThat(anonymous.get("/icons/favicon.svg").statusCode()).isEqualTo(200);
        String login = anonymous.get("/login").body();
        Matcher bundle = Pattern.compile("src=\"\\./(VAADIN/build/[^\"]+\\.js)\"").matcher(login);
        assertThat(bundle.find()).as("the login page loads the production bundle").isTrue();
        assertThat(anonymous.get("/" + bundle.group(1)).statusCode()).isEqualTo(200);
    }

    @Test
    void error_never_answers_500_to_anonymous_users_and_pages_carry_the_security_headers() throws Exception {
        FormLogin anonymous = new FormLogin(stack.httpPort());
        for (String path : List.of("/error", "/error?x=1", "/error/anything")) {
            assertThat(anonymous.get(path).statusCode()).as(path).isNotEqualTo(500).isLessThan(500);
        }
        HttpResponse<String> login = anonymous.get("/login");
        assertThat(login.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("default-src 'self'").contains("frame-ancestors 'none'").contains("object-src 'none'");
        assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(login.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        FormLogin agent = signedIn(Role.AGENT);
        assertThat(agent.lastLogin.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))).as("the session cookie set at sign-in")
                .isNotEmpty().allSatisfy(c -> assertThat(c).contains("HttpOnly").contains("SameSite=Lax"));
    }

    @Test
    void stomp_topics_reach_only_their_roles_and_nobody_sends_to_them() throws Exception {
        Map<String, Set<Role>> topics = Map.of(
                "/topic/agentStatusUpdate", EnumSet.of(Role.SUPERVISOR, Role.ADMIN),
                "/topic/newCall", EnumSet.of(Role.SUPERVISOR, Role.ADMIN),
                "/topic/callHangup", EnumSet.of(Role.SUPERVISOR, Role.ADMIN));
        SimpMessagingTemplate server = stack.bean(SimpMessagingTemplate.class);
        WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
        client.setMessageConverter(new StringMessageConverter() {
            { // the events are JSON, the probes text: read both as text
                addSupportedMimeTypes(MimeTypeUtils.APPLICATION_JSON);
            }
        });
        try {
            assertThat(connectFails(client, null)).as("anonymous handshake").isTrue();
            Map<Role, String> cookies = new TreeMap<>();
            for (Role role : Role.values()) {
                cookies.put(role, signedIn(role).sessionCookie());
            }
            for (var topic : topics.entrySet()) {
                Client control = Client.open(client, cookies.get(Role.ADMIN), stack.httpPort());
                control.subscribe(topic.getKey());
                Map<Role, Client> subscribers = new TreeMap<>();
                for (Role role : Role.values()) {
                    Client c = Client.open(client, cookies.get(role), stack.httpPort());
                    c.subscribe(topic.getKey());
                    subscribers.put(role, c);
                }
                for (Role role : Role.values()) {
                    if (!topic.getValue().contains(role)) {
                        await().atMost(Duration.ofSeconds(20)).until(() -> !subscribers.get(role).errors.isEmpty());
                    }
                }
                // a forged event SENT by a client never reaches a subscriber
                Client forger = Client.open(client, cookies.get(Role.AGENT), stack.httpPort());
                forger.session.send(topic.getKey(), "{\"event\":\"forged<script>\"}");
                await().atMost(Duration.ofSeconds(20)).until(() -> !forger.errors.isEmpty());
                String probe = "probe-" + topic.getKey();
                server.convertAndSend(topic.getKey(), probe);
                await().atMost(Duration.ofSeconds(20)).until(() -> control.received.contains(probe));
                for (Role role : Role.values()) {
                    boolean allowed = topic.getValue().contains(role);
                    if (allowed) {
                        await().atMost(Duration.ofSeconds(20)).until(() -> subscribers.get(role).received.contains(probe));
                    } else {
                        assertThat(subscribers.get(role).received).as(role + " on " + topic.getKey()).isEmpty();
                    }
                }
                assertThat(control.received).as("forged").noneMatch(m -> m.contains("forged"));
                control.close();
                forger.close();
                subscribers.values().forEach(Client::close);
            }
        } finally {
            client.stop();
        }
    }

    private static boolean connectFails(WebSocketStompClient client, String cookie) throws Exception {
        WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
        if (cookie != null) {
            headers.add("Cookie", cookie);
        }
        try {
            client.connectAsync("ws://localhost:" + SandboxTestContext.get().httpPort() + "/ws", headers,
                    new StompSessionHandlerAdapter() { }).get(15, TimeUnit.SECONDS).disconnect();
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    private HttpResponse<String> basic(String path, String user, String password) throws Exception {
        String credential = java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + stack.httpPort() + path))
                .header("Authorization", "Basic " + credential).build(), HttpResponse.BodyHandlers.ofString());
    }

    private FormLogin signedIn(Role role) throws Exception {
        String name = "rbac-" + role.name().toLowerCase() + "-" + Long.toHexString(System.nanoTime());
        stack.bean(UserAccountService.class).create(name, "rbac-password-1", name, role, null, "en");
        FormLogin login = new FormLogin(stack.httpPort());
        login.signIn(name, "rbac-password-1");
        return login;
    }

    /** One STOMP session that records the messages and ERROR frames it receives. */
    private static final class Client extends StompSessionHandlerAdapter {
        final List<String> received = new CopyOnWriteArrayList<>();
        final List<String> errors = new CopyOnWriteArrayList<>();
        StompSession session;

        static Client open(WebSocketStompClient stomp, String cookie, int port) throws Exception {
            Client c = new Client();
            WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
            headers.add("Cookie", cookie);
            c.session = stomp.connectAsync("ws://localhost:" + port + "/ws", headers, c).get(15, TimeUnit.SECONDS);
            return c;
        }

        void subscribe(String topic) {
            session.subscribe(topic, this);
        }

        @Override
        public Type getPayloadType(StompHeaders headers) {
            return String.class;
        }

        @Override
        public void handleFrame(StompHeaders headers, Object payload) {
            if (headers.containsKey("message") && !headers.containsKey("subscription")) {
                errors.add(String.valueOf(headers.getFirst("message")));
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
            errors.add("transport: " + exception);
        }

        void close() {
            if (session.isConnected()) {
                session.disconnect();
            }
        }
    }
}
