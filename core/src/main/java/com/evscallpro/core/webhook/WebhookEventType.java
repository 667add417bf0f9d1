package com.evscallpro.core.webhook;

import java.util.Arrays;
import java.util.Optional;

/** The events an endpoint can subscribe to, with their name on the wire. */
public enum WebhookEventType {
    CALL_STARTED("call.started"),
    CALL_ANSWERED("call.answered"),
    CALL_ENDED("call.ended"),
    CALL_QUALIFIED("call.qualified"),
    CONTACT_IMPORTED("contact.imported"),
    CONTACT_CLOSED("contact.closed");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEventType> ofWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
