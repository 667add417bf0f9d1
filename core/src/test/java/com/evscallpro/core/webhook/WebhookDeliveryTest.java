package com.evscallpro.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.evscallpro.core.call.LiveCall;
import com.evscallpro.core.call.LiveCallChanged;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.NewCampaign;
import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.contact.ContactInput;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.event.EventBus;
import com.evscallpro.core.testsupport.DataServicesTestApplication;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Webhooks end to end on the real database, the real outbox and sender, and a real HTTP receiver (the JDK's server):
 * signed posts, retries with back-off after 500s, a delivery that keeps failing ends FAILED and can be retried.
 */
@SpringBootTest(classes = {DataServicesTestApplication.class, WebhookDeliveryTest.Config.class}, properties = {
        "evs.secrets.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", "evs.webhooks.poll-interval=100ms",
        "evs.webhooks.initial-backoff=200ms", "evs.webhooks.max-backoff=1s", "evs.webhooks.max-attempts=3",
        "evs.webhooks.timeout=5s", "evs.webhooks.allow-private-targets=true"}) // the receiver is on 127.0.0.1
@org.springframework.test.annotation.DirtiesContext // its sender polls the shared outbox: stop it with the class
class WebhookDeliveryTest {

    @Configuration(proxyBeanMethods = false)
    @ComponentScan(basePackages = {"com.evscallpro.core.webhook", "com.evscallpro.db.webhook",
            "com.evscallpro.core.secret", "com.evscallpro.core.event", "com.evscallpro.core.lock"})
    static class Config {
    }

    record Received(String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().getFirst()).orElse(null);
        }
    }

    @Autowired
    WebhookService webhooks;
    @Autowired
    CampaignService campaigns;
    @Autowired
    ContactImportService imports;
    @Autowired
    EventBus events;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CrmLinks crmLinks;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger flakyCalls = new AtomicInteger();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(path, Map.copyOf(exchange.getRequestHeaders()), body));
            int status = path.startsWith("/down") ? 500
                    : path.startsWith("/flaky") && flakyCalls.incrementAndGet() <= 2 ? 500 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
        webhooks.endpoints().forEach(e -> webhooks.delete(e.id()));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    @Test
    void signed_delivery_fails_twice_with_500_then_succeeds_on_retry() throws Exception {
        NewWebhook hook = webhooks.register("crm " + UUID.randomUUID(), url("/flaky"),
                EnumSet.of(WebhookEventType.CONTACT_IMPORTED));
        long campaign = campaigns.create(new NewCampaign("Hooked " + UUID.randomUUID(), 3, 600, 25, null));

        imports.importContacts(campaign, List.of(new ContactInput("Ada", "L", "0612345678", Map.of())));

        await().atMost(Duration.ofSeconds(30)).until(() -> delivery(hook).status().equals("DELIVERED"));
        WebhookDelivery d = delivery(hook);
        assertThat(d.attempts()).isEqualTo(3);
        assertThat(d.lastStatus()).isEqualTo(204);
        assertThat(received).hasSize(3).allSatisfy(r -> {
            assertThat(WebhookSignature.verify(hook.secret(), r.header(WebhookSignature.HEADER), r.body()))
                    .as("signature of %s", r.header(WebhookSignature.HEADER)).isTrue();
            assertThat(WebhookSignature.verify("another secret", r.header(WebhookSignature.HEADER), r.body()))
                    .isFalse();
            assertThat(r.header("X-EVS-Event")).isEqualTo("contact.imported");
            assertThat(r.header("X-EVS-Delivery")).isEqualTo(d.eventId().toString());
        });
        JsonNode body = json.readTree(received.getFirst().body());
        assertThat(body.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(body.get("type").asText()).isEqualTo("contact.imported");
        assertThat(body.at("/data/campaignId").asLong()).isEqualTo(campaign);
        assertThat(body.at("/data/imported").asInt()).isEqualTo(1);
        String sealed = jdbc.sql("SELECT secret_sealed FROM webhook_endpoint WHERE id = ?")
                .param(hook.endpoint().id()).query(String.class).single();
        assertThat(sealed).startsWith("enc:v1:").doesNotContain(hook.secret());
        assertThat(hook.toString()).doesNotContain(hook.secret());
    }

    @Test
    void a_delivery_that_keeps_failing_ends_failed_and_can_be_retried() {
        NewWebhook hook = webhooks.register("down " + UUID.randomUUID(), url("/down"),
                EnumSet.of(WebhookEventType.CALL_STARTED, WebhookEventType.CALL_ANSWERED,
                        WebhookEventType.CALL_ENDED));
        String callId = UUID.randomUUID().toString();

        events.publish(new LiveCallChanged(call(callId, LiveCall.LiveCallState.DIALING)));
        events.publish(new LiveCallChanged(call(callId, LiveCall.LiveCallState.RINGING)));
        events.publish(new LiveCallChanged(call(callId, LiveCall.LiveCallState.CONNECTED)));
        events.publish(new LiveCallChanged(call(callId, LiveCall.LiveCallState.ENDED)));

        await().atMost(Duration.ofSeconds(30)).until(() -> webhooks.deliveries(hook.endpoint().id(), 0, 10).stream()
                .filter(d -> d.status().equals("FAILED")).count() == 3);
        List<WebhookDelivery> all = webhooks.deliveries(hook.endpoint().id(), 0, 10);
        assertThat(all).extracting(WebhookDelivery::eventType)
                .containsExactlyInAnyOrder("call.started", "call.answered", "call.ended");
        assertThat(all).allSatisfy(d -> {
            assertThat(d.attempts()).isEqualTo(3);
            assertThat(d.lastStatus()).isEqualTo(500);
            assertThat(d.lastError()).isEqualTo("HTTP 500");
        });
        assertThat(received).hasSize(9);

        webhooks.retry(all.getFirst().id());
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 12);
        await().atMost(Duration.ofSeconds(30)).until(() -> webhooks.deliveries(hook.endpoint().id(), 0, 10).stream()
                .filter(d -> d.status().equals("FAILED")).count() == 3);
    }

    @Test
    void a_rolled_back_import_sends_nothing() {
        NewWebhook hook = webhooks.register("rollback " + UUID.randomUUID(), url("/ok"),
                EnumSet.of(WebhookEventType.CONTACT_IMPORTED));
        long campaign = campaigns.create(new NewCampaign("Rolled back " + UUID.randomUUID(), 3, 600, 25, null));
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            imports.importContacts(campaign, List.of(new ContactInput("A", "B", "0612345679", Map.of())));
            throw new IllegalStateException("the business transaction fails after the import");
        })).isInstanceOf(IllegalStateException.class);
        imports.importContacts(campaign, List.of(new ContactInput("A", "B", "0612345670", Map.of())));

        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 1);
        assertThat(webhooks.deliveries(hook.endpoint().id(), 0, 10)).singleElement()
                .satisfies(d -> assertThat(d.payload()).contains("\"imported\":1"));
        assertThat(jdbc.sql("SELECT count(*) FROM contact WHERE campaign_id = ?").param(campaign).query(Long.class)
                .single()).isOne();
    }

    @Test
    void a_campaign_crm_link_is_stored_validated_and_expanded() {
        long campaign = campaigns.create(new NewCampaign("CRM " + UUID.randomUUID(), 3, 600, 25, null));
        assertThat(crmLinks.link(campaign, Map.of("phone", "+33612345678"))).isEmpty();
        crmLinks.setTemplate(campaign, " https://crm.example.com/c?phone={phone}&ref={contactId} ");
        assertThat(crmLinks.link(campaign, Map.of("phone", "+33612345678", "contactId", 9L)))
                .contains("https://crm.example.com/c?phone=%2B33612345678&ref=9");
        assertThatThrownBy(() -> crmLinks.setTemplate(campaign, "https://crm.example.com/{secret}"))
                .hasFieldOrPropertyWithValue("code", "crm-link.unknown-placeholder");
        assertThat(crmLinks.template(campaign)).contains("https://crm.example.com/c?phone={phone}&ref={contactId}");
        assertThatThrownBy(() -> crmLinks.setTemplate(-1, "https://crm.example.com/"))
                .hasFieldOrPropertyWithValue("code", "campaign.not-found");
        crmLinks.setTemplate(campaign, "");
        assertThat(crmLinks.template(campaign)).isEmpty();
    }

    @Test
    void registration_refuses_what_is_not_http_and_keeps_names_unique() {
        assertThatThrownBy(() -> webhooks.register("x", "ftp://crm.example.com/hook",
                Set.of(WebhookEventType.CALL_ENDED))).isInstanceOf(EvsException.class)
                .hasFieldOrPropertyWithValue("code", "webhook.url-invalid");
        assertThatThrownBy(() -> webhooks.register("x", "javascript:alert(1)", Set.of(WebhookEventType.CALL_ENDED)))
                .hasFieldOrPropertyWithValue("code", "webhook.url-invalid");
        assertThatThrownBy(() -> webhooks.register("x", url("/a"), Set.of()))
                .hasFieldOrPropertyWithValue("code", "webhook.events-required");
        String name = "dup " + UUID.randomUUID();
        webhooks.register(name, url("/a"), Set.of(WebhookEventType.CALL_ENDED));
        assertThatThrownBy(() -> webhooks.register(name, url("/b"), Set.of(WebhookEventType.CALL_ENDED)))
                .hasFieldOrPropertyWithValue("code", "webhook.name-taken");
    }

    private WebhookDelivery delivery(NewWebhook hook) {
        List<WebhookDelivery> list = webhooks.deliveries(hook.endpoint().id(), 0, 10);
        assertThat(list).hasSize(1);
        return list.getFirst();
    }

    private static LiveCall call(String callId, LiveCall.LiveCallState state) {
        return new LiveCall(callId, 1, "c", 1, "n", "+33 6•• •• •• 78", 7L, "agent", state, Instant.now(),
                state == LiveCall.LiveCallState.CONNECTED ? Instant.now() : null);
    }
}
