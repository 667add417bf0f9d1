package com.evscallpro.api.campaign;

import com.evscallpro.api.web.ETags;
import com.evscallpro.api.web.Paged;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.CampaignSettings;
import com.evscallpro.core.campaign.CampaignSummary;
import com.evscallpro.core.campaign.NewCampaign;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/campaigns")
@Tag(name = "campaigns", description = "Outbound campaigns (read: ADMIN, SUPERVISOR; change: ADMIN)")
class CampaignController {

    /** Sort keys: the campaign's primary key and its unique (indexed) name. */
    private static final Map<String, Comparator<CampaignSummary>> SORTS = new LinkedHashMap<>();

    static {
        SORTS.put("name", Comparator.comparing(CampaignSummary::name));
        SORTS.put("id", Comparator.comparingLong(CampaignSummary::id));
    }

    private final CampaignService campaigns;

    CampaignController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    record CampaignRequest(@NotBlank @Size(max = 200) String name,
                           @Min(1) @Max(50) Integer maxAttempts,
                           @Min(0) @Max(604_800) Integer retryDelaySeconds,
                           @Min(1) @Max(300) Integer ringTimeoutSeconds,
                           @Pattern(regexp = "^\\+[1-9][0-9]{6,14}$") String callerId) {
    }

    /** A campaign with its counts, settings and version (also its ETag). */
    record CampaignResponse(CampaignSummary summary, CampaignSettings settings, int version) {
    }

    @GetMapping
    @Operation(summary = "List campaigns", description = "Paged; sort by name (default) or id, '-' for descending.")
    Paged<CampaignSummary> list(@Parameter(description = Paged.PAGE_DOC) @RequestParam(defaultValue = "0") @Min(0)
                                int page,
                                @Parameter(description = Paged.SIZE_DOC) @RequestParam(defaultValue = "50") @Min(1)
                                @Max(Paged.MAX_SIZE) int size,
                                @Parameter(description = "name, id, -name, -id") @RequestParam(required = false)
                                String sort) {
        return Paged.ofAll(campaigns.summaries(), page, size, sort, SORTS);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a campaign", description = "The ETag header is its version: send it back as If-Match.")
    ResponseEntity<CampaignResponse> get(@PathVariable long id) {
        return withETag(HttpHeaders.EMPTY, read(id));
    }

    @PostMapping
    @Operation(summary = "Create a DRAFT campaign", description = "409 campaign.name-taken for a used name.")
    ResponseEntity<CampaignResponse> create(@Valid @RequestBody CampaignRequest request) {
        NewCampaign defaults = NewCampaign.withDefaults(request.name());
        long id = campaigns.create(new NewCampaign(request.name(),
                request.maxAttempts() == null ? defaults.maxAttempts() : request.maxAttempts(),
                request.retryDelaySeconds() == null ? defaults.retryDelaySeconds() : request.retryDelaySeconds(),
                request.ringTimeoutSeconds() == null ? defaults.ringTimeoutSeconds() : request.ringTimeoutSeconds(),
                request.callerId()));
        CampaignResponse created = read(id);
        return ResponseEntity.created(URI.create("/api/v1/campaigns/" + id)).eTag(etag(created.version()))
                .body(created);
    }

    @PostMapping("/{id}/start")
    @Operation(summary = "Start (or resume) a campaign", description = "If-Match: the version read; 412 "
            + "campaign.version-mismatch when it changed since. 409 campaign.cannot-start from its status.")
    ResponseEntity<CampaignResponse> start(@PathVariable long id,
                                           @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                           String ifMatch) {
        campaigns.start(id, version(ifMatch));
        return withETag(HttpHeaders.EMPTY, read(id));
    }

    @PostMapping("/{id}/pause")
    @Operation(summary = "Pause a running campaign", description = "If-Match as for start; 409 campaign.cannot-pause.")
    ResponseEntity<CampaignResponse> pause(@PathVariable long id,
                                           @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                           String ifMatch) {
        campaigns.pause(id, version(ifMatch));
        return withETag(HttpHeaders.EMPTY, read(id));
    }

    private CampaignResponse read(long id) {
        return new CampaignResponse(campaigns.summary(id), campaigns.settings(id), campaigns.version(id));
    }

    private static ResponseEntity<CampaignResponse> withETag(HttpHeaders headers, CampaignResponse body) {
        return ResponseEntity.ok().headers(headers).eTag(etag(body.version())).body(body);
    }

    static String etag(int version) {
        return ETags.etag(version);
    }

    static Integer version(String ifMatch) {
        return ETags.version(ifMatch);
    }
}
