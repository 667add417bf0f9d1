package com.evscallpro.core.webhook;

/**
 * A just registered endpoint and its signing secret, given this once (it is stored sealed and never shown again).
 */
public record NewWebhook(WebhookEndpoint endpoint, String secret) {

    @Override
    public String toString() {
        return "NewWebhook[endpoint=" + endpoint + ", secret=****]";
    }
}
