package com.evscallpro.api.integration;

import com.evscallpro.api.web.ETags;
import com.evscallpro.api.web.Paged;
import com.evscallpro.core.webhook.NewWebhook;
import com.evscallpro.core.webhook.WebhookDelivery;
import com.evscallpro.core.webhook.WebhookEndpoint;
import com.evscallpro.core.webhook.WebhookEventType;
import com.evscallpro.core.webhook.WebhookService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/webhooks")
@Tag(name = "webhooks", description = "Outgoing webhooks on call and contact events, signed, retried (ADMIN); see "
        + "docs/webhooks.md")
class WebhookController {

    private static final Map<String, Comparator<WebhookEndpoint>> SORTS = new LinkedHashMap<>();

    static {
        SORTS.put("name", Comparator.comparing(WebhookEndpoint::name));
        SORTS.put("id", Comparator.comparingLong(WebhookEndpoint::id));
    }

    private final WebhookService webhooks;

    WebhookController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    record WebhookRequest(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 2000) String url,
                          @NotEmpty Set<@NotNull WebhookEventType> events) {
    }

    record ActiveRequest(@NotNull Boolean active) {
    }

    @GetMapping
    @Operation(summary = "List webhook endpoints", description = "Never their secrets.")
    Paged<WebhookEndpoint> list(@Parameter(description = Paged.PAGE_DOC) @RequestParam(defaultValue = "0") @Min(0)
                                int page,
                                @Parameter(description = Paged.SIZE_DOC) @RequestParam(defaultValue = "50") @Min(1)
                                @Max(Paged.MAX_SIZE) int size,
                                @RequestParam(required = false) String sort) {
        return Paged.ofAll(webhooks.endpoints(), page, size, sort, SORTS);
    }

    @PostMapping
    @Operation(summary = "Register an endpoint", description = "events: CALL_STARTED, CALL_ANSWERED, CALL_ENDED, "
            + "CALL_QUALIFIED, CONTACT_IMPORTED, CONTACT_CLOSED. The answer carries the signing secret, this once "
            + "only (stored sealed, never shown again). 400 webhook.url-invalid (http or https only), "
            + "webhook.url-forbidden-target (loopback, link-local, private or metadata address, unless "
            + "evs.webhooks.allow-private-targets), 409 webhook.name-taken.")
    ResponseEntity<NewWebhook> register(@Valid @RequestBody WebhookRequest request) {
        NewWebhook created = webhooks.register(request.name(), request.url(), request.events());
        return ResponseEntity.created(URI.create("/api/v1/webhooks/" + created.endpoint().id())).body(created);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read an endpoint", description = "Never its secret. The ETag header is its version: send "
            + "it back as If-Match. 404 webhook.not-found.")
    ResponseEntity<WebhookEndpoint> get(@PathVariable long id) {
        WebhookEndpoint e = webhooks.endpoint(id);
        return ETags.ok(e, e.version());
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change an endpoint", description = "Replaces its name, URL and events, checked as at "
            + "registration (400 webhook.url-invalid, webhook.url-forbidden-target; 409 webhook.name-taken); its "
            + "secret and active flag stay. Audited. If-Match: the version read; 412 webhook.version-mismatch "
            + "(expected, current) when it changed since, nothing written.")
    ResponseEntity<WebhookEndpoint> update(@PathVariable long id, @Valid @RequestBody WebhookRequest request,
                                           @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                           String ifMatch) {
        WebhookEndpoint e = webhooks.update(id, ETags.required(ifMatch), request.name(), request.url(),
                request.events());
        return ETags.ok(e, e.version());
    }

    @PutMapping("/{id}/active")
    @Operation(summary = "Pause or resume an endpoint", description = "A paused endpoint is sent nothing new. "
            + "If-Match as for the change (412 webhook.version-mismatch).")
    ResponseEntity<Void> setActive(@PathVariable long id, @Valid @RequestBody ActiveRequest request,
                                   @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        webhooks.setActive(id, ETags.required(ifMatch), request.active());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete an endpoint", description = "With its deliveries. If-Match as for the change (412 "
            + "webhook.version-mismatch).")
    ResponseEntity<Void> delete(@PathVariable long id,
                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        webhooks.delete(id, ETags.required(ifMatch));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/deliveries")
    @Operation(summary = "Deliveries, newest first", description = "Of one endpoint or all: status (PENDING, "
            + "DELIVERED, FAILED), attempts, last HTTP status or error, next try.")
    Paged<WebhookDelivery> deliveries(@RequestParam(required = false) Long endpointId,
                                      @Parameter(description = Paged.PAGE_DOC) @RequestParam(defaultValue = "0")
                                      @Min(0) int page,
                                      @Parameter(description = Paged.SIZE_DOC) @RequestParam(defaultValue = "50")
                                      @Min(1) @Max(Paged.MAX_SIZE) int size) {
        return Paged.ofFetched(webhooks.deliveries(endpointId, Math.multiplyExact(page, size), size + 1), page, size,
                null);
    }

    @PostMapping("/deliveries/{deliveryId}/retry")
    @Operation(summary = "Send a delivery again now", description = "409 webhook.delivery-not-retryable when it was "
            + "delivered.")
    ResponseEntity<Void> retry(@PathVariable long deliveryId) {
        webhooks.retry(deliveryId);
        return ResponseEntity.noContent().build();
    }
}
