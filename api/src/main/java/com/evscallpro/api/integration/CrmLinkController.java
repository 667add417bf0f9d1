package com.evscallpro.api.integration;

import com.evscallpro.core.webhook.CrmLinks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/campaigns/{campaignId}/crm-link")
@Tag(name = "campaigns")
class CrmLinkController {

    private final CrmLinks links;

    CrmLinkController(CrmLinks links) {
        this.links = links;
    }

    /** The template; null or blank: none (the screen-pop shows no CRM link). */
    record CrmLink(@Size(max = 2000) String template) {
    }

    @GetMapping
    @Operation(summary = "A campaign's CRM link template", description = "Read: ADMIN, SUPERVISOR.")
    CrmLink get(@PathVariable long campaignId) {
        return new CrmLink(links.template(campaignId).orElse(null));
    }

    @PutMapping
    @Operation(summary = "Set a campaign's CRM link template", description = "e.g. https://crm.example.com/c?"
            + "phone={phone}&ref={contactId}: http or https with a host, only the placeholders of docs/webhooks.md, "
            + "values URL-encoded when the screen-pop opens it. 400 crm-link.invalid-url, crm-link.unknown-placeholder; "
            + "a blank template removes it. ADMIN.")
    CrmLink set(@PathVariable long campaignId, @Valid @RequestBody CrmLink link) {
        links.setTemplate(campaignId, link.template());
        return get(campaignId);
    }
}
