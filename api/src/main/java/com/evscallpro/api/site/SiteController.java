package com.evscallpro.api.site;

import com.evscallpro.api.web.ETags;
import com.evscallpro.api.web.Paged;
import com.evscallpro.core.site.AmiServerSettings;
import com.evscallpro.core.site.PbxMode;
import com.evscallpro.core.site.SiteDefinition;
import com.evscallpro.core.site.SiteDetails;
import com.evscallpro.core.site.SiteService;
import com.evscallpro.core.site.YeastarConnection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
@RequestMapping("/api/v1/sites")
@Tag(name = "sites", description = "Sites with their PBX connections (ADMIN). Secrets are write-only.")
class SiteController {

    private static final Map<String, Comparator<SiteDetails>> SORTS = new LinkedHashMap<>();

    static {
        SORTS.put("name", Comparator.comparing(SiteDetails::name));
        SORTS.put("code", Comparator.comparing(SiteDetails::code));
        SORTS.put("id", Comparator.comparingLong(SiteDetails::id));
    }

    private final SiteService sites;

    SiteController(SiteService sites) {
        this.sites = sites;
    }

    @Schema(description = "An AMI server; secret write-only: omit it on an update to keep the stored one")
    record AmiServerRequest(@NotBlank @Size(max = 40) String serverId, @NotBlank @Size(max = 253) String host,
                            @Min(1) @Max(65535) Integer port, @NotBlank @Size(max = 64) String username,
                            @Size(max = 200) String secret, @Size(max = 200) String customerDialTemplate,
                            @Size(max = 80) String agentContext, @Size(max = 200) String phoneDialTemplate,
                            @Size(max = 80) String phoneContext) {
        @Override
        public String toString() {
            return "AmiServerRequest[" + serverId + ", secret=****]";
        }
    }

    @Schema(description = "Yeastar Open API settings; clientSecret write-only as an AMI secret")
    record YeastarRequest(@NotBlank @Size(max = 300) String baseUrl, @NotBlank @Size(max = 200) String clientId,
                          @Size(max = 200) String clientSecret, @Size(max = 20) String dialMode, Boolean autoAnswer,
                          @Size(max = 64) String dialPermission) {
        @Override
        public String toString() {
            return "YeastarRequest[" + baseUrl + ", clientSecret=****]";
        }
    }

    record SiteRequest(@NotBlank @Size(max = 40) String code, @NotBlank @Size(max = 200) String name,
                       @Size(max = 60) String timeZone, @NotNull PbxMode pbxMode, Boolean enabled,
                       @Size(max = 20) List<@Valid AmiServerRequest> amiServers, @Valid YeastarRequest yeastar) {

        SiteDefinition toDefinition() {
            List<AmiServerSettings> servers = amiServers == null ? List.of() : amiServers.stream()
                    .map(s -> s == null ? null : new AmiServerSettings(s.serverId(), s.host(), s.port(),
                            s.username(), s.secret(), false, s.customerDialTemplate(), s.agentContext(),
                            s.phoneDialTemplate(), s.phoneContext())).toList();
            YeastarConnection y = yeastar == null ? null : new YeastarConnection(yeastar.baseUrl(),
                    yeastar.clientId(), yeastar.clientSecret(), false, yeastar.dialMode(), yeastar.autoAnswer(),
                    yeastar.dialPermission());
            return new SiteDefinition(code, name, timeZone, pbxMode, enabled == null || enabled, servers, y);
        }
    }

    @GetMapping
    @Operation(summary = "List sites", description = "Paged; sort by name (default), code or id, '-' descending;"
            + " q filters on code and name.")
    Paged<SiteDetails> list(@Parameter(description = Paged.PAGE_DOC) @RequestParam(defaultValue = "0") @Min(0)
                            int page,
                            @Parameter(description = Paged.SIZE_DOC) @RequestParam(defaultValue = "50") @Min(1)
                            @Max(Paged.MAX_SIZE) int size,
                            @Parameter(description = "name, code, id, -name...") @RequestParam(required = false)
                            String sort,
                            @Parameter(description = "filter on code or name") @RequestParam(required = false)
                            String q) {
        return Paged.ofAll(sites.list(q, "name", true, 0, Integer.MAX_VALUE), page, size, sort, SORTS);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a site", description = "The ETag header is its version: send it back as If-Match.")
    ResponseEntity<SiteDetails> get(@PathVariable long id) {
        return ok(sites.get(id));
    }

    @PostMapping
    @Operation(summary = "Create a site", description = "It connects at once when enabled. 409 site.code-taken;"
            + " 400 site.* for a refused field; nothing is written on a refusal.")
    ResponseEntity<SiteDetails> create(@Valid @RequestBody SiteRequest request) {
        SiteDetails created = sites.create(request.toDefinition());
        return ResponseEntity.created(URI.create("/api/v1/sites/" + created.id()))
                .eTag(ETags.etag(created.version())).body(created);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a site", description = "If-Match: the version read; 412 site.version-mismatch"
            + " when it changed since. Only this site reconnects.")
    ResponseEntity<SiteDetails> update(@PathVariable long id, @Valid @RequestBody SiteRequest request,
                                       @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                       String ifMatch) {
        return ok(sites.update(id, expected(id, ifMatch), request.toDefinition()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a site", description = "If-Match as for update; 409 site.cannot-delete-in-use"
            + " while users or trunks belong to it.")
    ResponseEntity<Void> delete(@PathVariable long id,
                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        sites.delete(id, expected(id, ifMatch));
        return ResponseEntity.noContent().build();
    }

    private int expected(long id, String ifMatch) {
        Integer v = ETags.required(ifMatch);
        return v != null ? v : sites.get(id).version();
    }

    private static ResponseEntity<SiteDetails> ok(SiteDetails site) {
        return ResponseEntity.ok().eTag(ETags.etag(site.version())).body(site);
    }
}
