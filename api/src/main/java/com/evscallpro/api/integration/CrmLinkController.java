package com.evscallpro.api.integration;

import com.evscallpro.api.web.ETags;
import com.evscallpro.core.campaign.CampaignVersionGuard;
import com.evscallpro.core.webhook.CrmLinks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/campaigns/{campaignId}/crm-link")
@Tag(name = "campaigns")
class CrmLinkController {

    private final CrmLinks links;
    private final CampaignVersionGuard guard;

    CrmLinkController(CrmLinks links, CampaignVersionGuard guard) {
        this.links = links;
        this.guard = guard;
    }

    /** The template; null or blank: none (the screen-pop shows no CRM link). */
    record CrmLink(@Size(max = 2000) String template) {
    }

    @GetMapping
    @Operation(summary = "A campaign's CRM link template", description = "Read: ADMIN, SUPERVISOR. ETag: the "
            + "campaign's version.")
    ResponseEntity<CrmLink> get(@PathVariable long campaignId) {
        int version = guard.version(campaignId);
        return ETags.ok(new CrmLink(links.template(campaignId).orElse(null)), version);
    }

    @PutMapping
    @Operation(summary = "Set a campaign's CRM link template", description = "e.g. https://crm.example.com/c?"
            + "phone={phone}&ref={contactId}: http or https with a host, only the placeholders of docs/webhooks.md, "
            + "values URL-encoded when the screen-pop opens it. 400 crm-link.invalid-url, crm-link.unknown-placeholder; "
            + "a blank template removes it. ADMIN. If-Match: the campaign's version (412 "
            + "campaign.version-mismatch); the change adds 1 to it.")
    ResponseEntity<CrmLink> set(@PathVariable long campaignId, @Valid @RequestBody CrmLink link,
                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        guard.change(campaignId, ETags.required(ifMatch), () -> {
            links.setTemplate(campaignId, link.template());
            return null;
        });
        return get(campaignId);
    }
}
