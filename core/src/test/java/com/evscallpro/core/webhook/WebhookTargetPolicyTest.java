package com.evscallpro.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.NewCampaign;
import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.contact.ContactInput;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.testsupport.DataServicesTestApplication;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The webhook target policy as production runs it ({@code evs.webhooks.allow-private-targets} not set: false), with
 * the JDK's real resolver, the real database and sender: internal addresses are refused at save, and a delivery whose
 * host has come to point at one (DNS changed after the save) is not sent.
 */
@SpringBootTest(classes = {DataServicesTestApplication.class, WebhookDeliveryTest.Config.class}, properties = {
        "evs.secrets.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", "evs.webhooks.poll-interval=100ms",
        "evs.webhooks.initial-backoff=200ms", "evs.webhooks.max-backoff=1s", "evs.webhooks.max-attempts=2",
        "evs.webhooks.timeout=5s", "evs.webhooks.enabled=false"}) // this test polls the outbox itself
@org.springframework.test.annotation.DirtiesContext
class WebhookTargetPolicyTest {

    @Autowired
    WebhookService webhooks;
    @Autowired
    CampaignService campaigns;
    @Autowired
    ContactImportService imports;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WebhookSender sender;

    private HttpServer receiver;
    private final AtomicInteger received = new AtomicInteger();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            received.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
        webhooks.endpoints().forEach(e -> webhooks.delete(e.id()));
    }

    @Test
    void urls_to_loopback_link_local_private_and_metadata_addresses_are_refused_at_save() {
        int port = receiver.getAddress().getPort();
        for (String url : List.of("http://127.0.0.1:" + port + "/hook", "http://localhost:" + port + "/hook",
                "http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/hook", "http://172.16.0.9/hook",
                "http://192.168.1.20/hook", "http://100.100.100.200/latest/meta-data", "http://0.0.0.0:" + port,
                "http://[::1]:" + port + "/hook", "http://[fe80::1]/hook", "http://[fd00:ec2::254]/latest",
                "http://[::ffff:127.0.0.1]:" + port + "/hook", "http://metadata.google.internal/computeMetadata/v1/")) {
            assertThatThrownBy(() -> webhooks.register("private " + UUID.randomUUID(), url,
                    EnumSet.of(WebhookEventType.CONTACT_IMPORTED)))
                    .as(url).isInstanceOf(EvsException.class)
                    .extracting(e -> ((EvsException) e).code()).isEqualTo("webhook.url-forbidden-target");
        }
        assertThat(received).hasValue(0);
        assertThat(webhooks.endpoints()).isEmpty();

        // a public address, and a name that does not resolve yet, are accepted (the delivery checks again)
        NewWebhook hook = webhooks.register("public " + UUID.randomUUID(), "http://203.0.113.10/hook",
                EnumSet.of(WebhookEventType.CONTACT_IMPORTED));
        webhooks.register("later " + UUID.randomUUID(), "https://crm.invalid/hooks",
                EnumSet.of(WebhookEventType.CALL_ENDED));
        assertThatThrownBy(() -> webhooks.update(hook.endpoint().id(), hook.endpoint().version(), "changed",
                "http://127.0.0.1:" + port + "/hook", EnumSet.of(WebhookEventType.CONTACT_IMPORTED)))
                .extracting(e -> ((EvsException) e).code()).isEqualTo("webhook.url-forbidden-target");
        assertThat(webhooks.endpoint(hook.endpoint().id()).url()).isEqualTo("http://203.0.113.10/hook");
        assertThat(webhooks.endpoint(hook.endpoint().id()).version()).as("nothing written")
                .isEqualTo(hook.endpoint().version());
    }

    @Test
    void a_delivery_to_a_host_that_now_points_inside_is_not_sent() {
        NewWebhook hook = webhooks.register("rebound " + UUID.randomUUID(), "http://203.0.113.10/hook",
                EnumSet.of(WebhookEventType.CONTACT_IMPORTED));
        // what a DNS change does to a saved name: the target is now this machine
        jdbc.sql("UPDATE webhook_endpoint SET url = ? WHERE id = ?")
                .params("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", hook.endpoint().id())
                .update();
        long campaign = campaigns.create(new NewCampaign("Rebound " + UUID.randomUUID(), 3, 600, 25, null));

        imports.importContacts(campaign, List.of(new ContactInput("Ada", "L", "0612345678", Map.of())));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            sender.poll(); // the real sender's round, with the production policy
            return webhooks.deliveries(hook.endpoint().id(), 0, 10).stream().anyMatch(d -> d.status().equals("FAILED"));
        });
        WebhookDelivery d = webhooks.deliveries(hook.endpoint().id(), 0, 10).getFirst();
        assertThat(d.lastError()).startsWith("webhook.url-forbidden-target").contains("127.0.0.1");
        assertThat(d.lastStatus()).isNull();
        assertThat(received).as("nothing reached the internal address").hasValue(0);
    }
}
