package com.evscallpro.core.webhook;

import java.util.List;
import java.util.Set;

/** Admins' side of the webhooks: endpoints and their deliveries. Errors are {@code webhook.*} EvsException codes. */
public interface WebhookService {

    /**
     * Registers an endpoint with a fresh signing secret (returned this once).
     *
     * @throws com.evscallpro.core.error.EvsException {@code webhook.name-required}, {@code webhook.name-taken},
     *                                                {@code webhook.url-invalid} (http or https only),
     *                                                {@code webhook.events-required}
     */
    NewWebhook register(String name, String url, Set<WebhookEventType> events);

    List<WebhookEndpoint> endpoints();

    void setActive(long endpointId, boolean active);

    void delete(long endpointId);

    /** Newest first; a null endpoint lists every delivery. */
    List<WebhookDelivery> deliveries(Long endpointId, int offset, int limit);

    /** Sends a pending or failed delivery again at once ({@code webhook.delivery-not-retryable} when delivered). */
    void retry(long deliveryId);
}
