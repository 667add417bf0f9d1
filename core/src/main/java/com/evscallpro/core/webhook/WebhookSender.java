package com.evscallpro.core.webhook;

import com.evscallpro.core.secret.SecretCipher;
import com.evscallpro.db.webhook.WebhookTables;
import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posts the due deliveries of the outbox. Each poll claims a batch in a short transaction ({@code FOR UPDATE SKIP
 * LOCKED}, the rows' next attempt pushed past the sending time: several nodes never send the same delivery at
 * once), then posts each with its signature and a timeout. A 2xx answer is DELIVERED; anything else waits
 * initial × 2^(attempts-1) (at most the maximum back-off) before the next attempt, and after the maximum of attempts
 * the delivery is FAILED. Logs name the delivery and the endpoint, never the secret or the body.
 */
@Component
@EnableConfigurationProperties(WebhookSettings.class)
class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final int MAX_ERROR = 500;

    private final WebhookTables tables;
    private final SecretCipher cipher;
    private final WebhookSettings settings;
    private final TransactionTemplate tx;
    private final HttpClient http;
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "evs-webhook-sender");
        t.setDaemon(true);
        return t;
    });

    private final WebhookTargets targets;

    WebhookSender(WebhookTables tables, SecretCipher cipher, WebhookSettings settings, TransactionTemplate tx,
                  WebhookTargets targets) {
        this.tables = tables;
        this.targets = targets;
        this.cipher = cipher;
        this.settings = settings;
        this.tx = tx;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!settings.enabled()) {
            log.info("Webhook sender disabled (evs.webhooks.enabled=false)");
            return;
        }
        long period = settings.pollInterval().toMillis();
        loop.scheduleWithFixedDelay(this::pollSafely, period, period, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        loop.shutdownNow();
    }

    private void pollSafely() {
        try {
            while (poll() == settings.batch()) {
                // a full batch: more may be due
            }
        } catch (RuntimeException e) {
            log.warn("Webhook poll failed; the next poll retries: {}", e.toString());
        }
    }

    /** Sends the due deliveries of one batch; returns how many were claimed. */
    int poll() {
        Instant now = Instant.now();
        // the lease outlasts every attempt of the batch: a crashed node's deliveries are taken again after it
        Instant lease = now.plus(settings.timeout().multipliedBy(settings.batch() + 1L));
        List<WebhookTables.DeliveryRow> due = tx.execute(s -> tables.claimDue(now, lease, settings.batch()));
        if (due == null) {
            return 0;
        }
        for (WebhookTables.DeliveryRow d : due) {
            send(d);
        }
        return due.size();
    }

    private void send(WebhookTables.DeliveryRow d) {
        int attempt = d.attempts() + 1;
        Integer status = null;
        String error;
        try {
            WebhookTables.EndpointRow endpoint = tables.endpoint(d.endpointId()).orElseThrow();
            targets.checkAtDelivery(endpoint.url()); // what the name resolves to now (DNS can change since the save)
            String secret = cipher.open(endpoint.secretSealed());
            HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url())).timeout(settings.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "EVSCallPro-Webhooks/1")
                    .header("X-EVS-Event", d.eventType())
                    .header("X-EVS-Delivery", String.valueOf(d.eventId()))
                    .header(WebhookSignature.HEADER, WebhookSignature.header(secret,
                            Instant.now().getEpochSecond(), d.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(d.payload())).build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status >= 200 && status < 300) {
                tables.delivered(d.id(), attempt, status, Instant.now());
                log.debug("Webhook delivery {} to {} delivered ({})", d.id(), d.endpointName(), status);
                return;
            }
            error = "HTTP " + status;
        } catch (com.evscallpro.core.error.EvsException e) {
            error = e.getMessage(); // webhook.url-forbidden-target [host, address]: nothing was sent
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        error = error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        Instant next = attempt >= settings.maxAttempts() ? null : Instant.now().plus(settings.backoff(attempt));
        tables.attemptFailed(d.id(), attempt, status, error, next);
        if (next == null) {
            log.warn("Webhook delivery {} ({}) to {} FAILED after {} attempts: {}", d.id(), d.eventType(),
                    d.endpointName(), attempt, error);
        } else {
            log.info("Webhook delivery {} ({}) to {} attempt {} failed ({}); next at {}", d.id(), d.eventType(),
                    d.endpointName(), attempt, error, next);
        }
    }
}
