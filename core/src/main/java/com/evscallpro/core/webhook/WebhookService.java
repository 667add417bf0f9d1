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
     *                                                {@code webhook.events-required},
     *                                                {@code webhook.url-forbidden-target} (host, address: an
     *                                                internal address, see {@link WebhookTargets})
     */
    NewWebhook register(String name, String url, Set<WebhookEventType> events);

    List<WebhookEndpoint> endpoints();

    /** One endpoint ({@code webhook.not-found}). */
    WebhookEndpoint endpoint(long endpointId);

    /**
     * Replaces an endpoint's name, URL and events (its secret and active flag stay), checked as at registration
     * (the URL's target too), audited.
     *
     * @param expectedVersion the {@link WebhookEndpoint#version()} the change was made from; null: not checked
     * @throws com.evscallpro.core.error.EvsException {@code webhook.version-mismatch} (expected, current) when it
     *                                                changed since, {@code webhook.url-forbidden-target},
     *                                                {@code webhook.name-taken}... nothing written
     */
    WebhookEndpoint update(long endpointId, Integer expectedVersion, String name, String url,
                           Set<WebhookEventType> events);

    /** Pauses or resumes; refused ({@code webhook.version-mismatch}) when {@code expectedVersion} is stale. */
    void setActive(long endpointId, Integer expectedVersion, boolean active);

    default void setActive(long endpointId, boolean active) {
        setActive(endpointId, null, active);
    }

    /** Deletes with its deliveries; refused ({@code webhook.version-mismatch}) when {@code expectedVersion} is stale. */
    void delete(long endpointId, Integer expectedVersion);

    default void delete(long endpointId) {
        delete(endpointId, null);
    }

    /** Newest first; a null endpoint lists every delivery. */
    List<WebhookDelivery> deliveries(Long endpointId, int offset, int limit);

    /** Sends a pending or failed delivery again at once ({@code webhook.delivery-not-retryable} when delivered). */
    void retry(long deliveryId);
}
