package com.evscallpro.api.site;

import com.evscallpro.api.web.ETags;
import com.evscallpro.api.web.Paged;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.pbxconfig.PbxConfigService;
import com.evscallpro.core.pbxconfig.Trunk;
import com.evscallpro.core.pbxconfig.TrunkDefinition;
import com.evscallpro.core.pbxconfig.TrunkTransport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
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

/**
 * SIP trunks under their sites. The ETag is the trunk's version (V90, +1 on every change); a change sent with an
 * If-Match of an older version is refused ({@code trunk.version-mismatch}, 412) and writes nothing.
 */
@RestController
@RequestMapping("/api/v1/trunks")
@Tag(name = "trunks", description = "SIP trunks, each under a site (ADMIN). The password is write-only.")
class TrunkController {

    private static final Map<String, Comparator<Trunk>> SORTS = new LinkedHashMap<>();

    static {
        SORTS.put("name", Comparator.comparing(Trunk::name));
        SORTS.put("id", Comparator.comparingLong(Trunk::id));
    }

    private final PbxConfigService config;

    TrunkController(PbxConfigService config) {
        this.config = config;
    }

    record TrunkRequest(@NotBlank @Size(max = 40) String name, @NotBlank @Size(max = 253) String host,
                        @Min(1) @Max(65535) Integer port, TrunkTransport transport, @Size(max = 64) String username,
                        @Size(max = 128) String password, @Size(max = 64) String fromUser,
                        @Size(max = 253) String fromDomain, @Size(max = 12) List<@Size(max = 20) String> codecs,
                        Boolean register, @Size(max = 300) String outboundProxy, @Min(1) Integer maxChannels,
                        Boolean enabled, Long siteId) {

        TrunkDefinition toDefinition() {
            return new TrunkDefinition(name, host, port, transport, username, password, fromUser, fromDomain,
                    codecs == null ? List.of("alaw", "ulaw") : codecs, register != null && register, outboundProxy,
                    maxChannels, enabled == null || enabled, siteId);
        }

        @Override
        public String toString() {
            return "TrunkRequest[" + name + ", password=****]";
        }
    }

    @GetMapping
    @Operation(summary = "List trunks", description = "Paged; sort by name (default) or id; siteId filters.")
    Paged<Trunk> list(@Parameter(description = Paged.PAGE_DOC) @RequestParam(defaultValue = "0") @Min(0) int page,
                      @Parameter(description = Paged.SIZE_DOC) @RequestParam(defaultValue = "50") @Min(1)
                      @Max(Paged.MAX_SIZE) int size,
                      @Parameter(description = "name, id, -name, -id") @RequestParam(required = false) String sort,
                      @Parameter(description = "only the trunks of this site") @RequestParam(required = false)
                      Long siteId) {
        return Paged.ofAll(config.trunks().stream().filter(t -> siteId == null || t.siteId() == siteId).toList(),
                page, size, sort, SORTS);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a trunk", description = "The ETag header is its version: send it back as If-Match.")
    ResponseEntity<Trunk> get(@PathVariable long id) {
        return ok(find(id));
    }

    @PostMapping
    @Operation(summary = "Create a trunk", description = "siteId omitted: the site 'main'. 400 pbx.invalid with"
            + " the refused fields; nothing written on a refusal.")
    ResponseEntity<Trunk> create(@Valid @RequestBody TrunkRequest request) {
        Trunk created = config.createTrunk(request.toDefinition());
        return ETags.created("/api/v1/trunks/" + created.id(), created, created.version());
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a trunk", description = "password omitted: kept. If-Match: the version read;"
            + " 412 trunk.version-mismatch when it changed since, nothing written.")
    ResponseEntity<Trunk> update(@PathVariable long id, @Valid @RequestBody TrunkRequest request,
                                 @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return ok(config.updateTrunk(id, ETags.required(ifMatch), request.toDefinition()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a trunk", description = "If-Match as for update (412 trunk.version-mismatch);"
            + " refused (409 pbx.trunk-has-dids) while DIDs use it.")
    ResponseEntity<Void> delete(@PathVariable long id,
                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        config.deleteTrunk(id, ETags.required(ifMatch));
        return ResponseEntity.noContent().build();
    }

    private Trunk find(long id) {
        return config.trunks().stream().filter(t -> t.id() == id).findFirst()
                .orElseThrow(() -> new EvsException("pbx.trunk-not-found", id));
    }

    private static ResponseEntity<Trunk> ok(Trunk t) {
        return ETags.ok(t, t.version());
    }
}
