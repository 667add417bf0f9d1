package com.evscallpro.core.webhook;

import com.evscallpro.core.audit.AuditTrail;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.lock.OptimisticVersions;
import com.evscallpro.core.lock.VersionedTable;
import com.evscallpro.core.secret.SecretCipher;
import com.evscallpro.db.webhook.WebhookTables;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class WebhookServiceImpl implements WebhookService {

    static final int MAX_NAME = 100;
    static final int MAX_URL = com.evscallpro.core.link.HttpUrls.MAX_LENGTH;

    private final WebhookTables tables;
    private final SecretCipher cipher;
    private final AuditTrail audit;
    private final SecureRandom random = new SecureRandom();

    private final WebhookTargets targets;
    private final OptimisticVersions versions;

    WebhookServiceImpl(WebhookTables tables, SecretCipher cipher, AuditTrail audit, WebhookTargets targets,
                       OptimisticVersions versions) {
        this.tables = tables;
        this.targets = targets;
        this.versions = versions;
        this.cipher = cipher;
        this.audit = audit;
    }

    @Override
    @Transactional
    public NewWebhook register(String name, String url, Set<WebhookEventType> events) {
        String n = checkedName(name);
        String u = checkedTarget(url);
        checkEvents(events);
        if (tables.nameTaken(n)) {
            throw new EvsException("webhook.name-taken", n);
        }
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        List<String> wire = EnumSet.copyOf(events).stream().map(WebhookEventType::wireName).toList();
        long id = tables.insertEndpoint(n, u, wire, cipher.seal(secret));
        WebhookEndpoint endpoint = endpoint(id);
        audit.record("create", "webhook", id, n, null, endpoint);
        return new NewWebhook(endpoint, secret);
    }

    @Override
    @Transactional
    public WebhookEndpoint update(long endpointId, Integer expectedVersion, String name, String url,
                                  Set<WebhookEventType> events) {
        WebhookEndpoint before = endpoint(endpointId);
        String n = checkedName(name);
        String u = checkedTarget(url);
        checkEvents(events);
        versions.bump(VersionedTable.WEBHOOK, endpointId, expectedVersion); // webhook.version-mismatch; row locked
        if (tables.nameTakenByOther(n, endpointId)) {
            throw new EvsException("webhook.name-taken", n);
        }
        tables.updateEndpoint(endpointId, n, u, EnumSet.copyOf(events).stream().map(WebhookEventType::wireName)
                .toList());
        WebhookEndpoint after = endpoint(endpointId);
        audit.record("update", "webhook", endpointId, n, before, after);
        return after;
    }

    private static String checkedName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new EvsException("webhook.name-required");
        }
        if (n.length() > MAX_NAME) {
            throw new EvsException("webhook.name-too-long", MAX_NAME);
        }
        return n;
    }

    private static void checkEvents(Set<WebhookEventType> events) {
        if (events == null || events.isEmpty()) {
            throw new EvsException("webhook.events-required");
        }
    }

    /** A well-formed URL whose target the site allows ({@link WebhookTargets}). */
    private String checkedTarget(String url) {
        String u = checkedUrl(url);
        targets.checkAtSave(u);
        return u;
    }

    /** http or https, with a host: anything else (file:, javascript:, no host) is refused. */
    static String checkedUrl(String url) {
        String u = url == null ? "" : url.strip();
        if (!com.evscallpro.core.link.HttpUrls.isHttp(u)) {
            throw new EvsException("webhook.url-invalid", u);
        }
        return u;
    }

    @Override
    @Transactional(readOnly = true)
    public List<WebhookEndpoint> endpoints() {
        return tables.endpoints().stream().map(WebhookServiceImpl::toEndpoint).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public WebhookEndpoint endpoint(long id) {
        return tables.endpoint(id).map(WebhookServiceImpl::toEndpoint)
                .orElseThrow(() -> new EvsException("webhook.not-found"));
    }

    @Override
    @Transactional
    public void setActive(long endpointId, Integer expectedVersion, boolean active) {
        WebhookEndpoint before = endpoint(endpointId);
        versions.bump(VersionedTable.WEBHOOK, endpointId, expectedVersion);
        tables.setActive(endpointId, active);
        audit.record(active ? "enable" : "disable", "webhook", endpointId, before.name(), before,
                endpoint(endpointId));
    }

    @Override
    @Transactional
    public void delete(long endpointId, Integer expectedVersion) {
        WebhookEndpoint before = endpoint(endpointId);
        versions.check(VersionedTable.WEBHOOK, endpointId, expectedVersion);
        tables.deleteEndpoint(endpointId);
        audit.record("delete", "webhook", endpointId, before.name(), before, null);
    }

    @Override
    @Transactional(readOnly = true)
    public List<WebhookDelivery> deliveries(Long endpointId, int offset, int limit) {
        return tables.deliveries(endpointId, offset, limit).stream().map(WebhookServiceImpl::toDelivery).toList();
    }

    @Override
    @Transactional
    public void retry(long deliveryId) {
        WebhookDelivery d = tables.delivery(deliveryId).map(WebhookServiceImpl::toDelivery)
                .orElseThrow(() -> new EvsException("webhook.delivery-not-found"));
        if (tables.retry(deliveryId, Instant.now()) == 0) {
            throw new EvsException("webhook.delivery-not-retryable");
        }
        audit.record("retry", "webhook-delivery", deliveryId, d.endpointName() + " " + d.eventType(),
                Map.of("status", d.status(), "attempts", d.attempts()), null);
    }

    static WebhookEndpoint toEndpoint(WebhookTables.EndpointRow r) {
        Set<WebhookEventType> events = r.events().stream().map(WebhookEventType::ofWireName)
                .flatMap(java.util.Optional::stream)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(WebhookEventType.class)));
        return new WebhookEndpoint(r.id(), r.name(), r.url(), events, r.active(), r.createdAt(), r.version());
    }

    static WebhookDelivery toDelivery(WebhookTables.DeliveryRow r) {
        return new WebhookDelivery(r.id(), r.endpointId(), r.endpointName(), r.eventId(), r.eventType(), r.payload(),
                r.status(), r.attempts(), r.nextAttemptAt(), r.lastStatus(), r.lastError(), r.createdAt(),
                r.deliveredAt());
    }
}
