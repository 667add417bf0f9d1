package com.evscallpro.ui.webhook;

import com.evscallpro.core.webhook.WebhookEventType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.Set;

/** What the webhook edit form binds (bean validation as the API's request: the service checks the rest). */
public class WebhookBean {

    @NotBlank
    @Size(max = 100)
    private String name = "";
    @NotBlank
    @Size(max = 2000)
    private String url = "";
    @NotEmpty
    private Set<WebhookEventType> events = EnumSet.noneOf(WebhookEventType.class);

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public Set<WebhookEventType> getEvents() {
        return events;
    }

    public void setEvents(Set<WebhookEventType> events) {
        this.events = events;
    }
}
