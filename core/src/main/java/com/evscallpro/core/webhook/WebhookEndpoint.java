package com.evscallpro.core.webhook;

import java.time.Instant;
import java.util.Set;

/** A registered endpoint; its signing secret is never read back. {@code version}: +1 on every change (V92). */
public record WebhookEndpoint(long id, String name, String url, Set<WebhookEventType> events, boolean active,
                              Instant createdAt, int version) {
}
