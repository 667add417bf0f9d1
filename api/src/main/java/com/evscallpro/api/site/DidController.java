package com.evscallpro.api.site;

import com.evscallpro.core.ivr.IvrRouting;
import com.evscallpro.api.web.ETags;
import com.evscallpro.api.web.Paged;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.pbxconfig.Did;
import com.evscallpro.core.pbxconfig.DidDefinition;
import com.evscallpro.core.pbxconfig.DidTargetType;
import com.evscallpro.core.pbxconfig.PbxConfigService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Comparator;
import java.util.LinkedHashMap;
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

/** DIDs on the trunks of a site; the ETag is the DID's version (V90): a stale If-Match is 412 {@code did.version-mismatch}. */
@RestController
@RequestMapping("/api/v1/dids")
@Tag(name = "dids", description = "DIDs (numbers delivered by a trunk) and where they go (ADMIN).")
class DidController {

    private static final Map<String, Comparator<Did>> SORTS = new LinkedHashMap<>();

    static {
        SORTS.put("number", Comparator.comparing(Did::number));
        SORTS.put("id", Comparator.comparingLong(Did::id));
    }

    private final PbxConfigService config;
    private final IvrRouting routing;

    DidController(PbxConfigService config, IvrRouting routing) {
        this.config = config;
        this.routing = routing;
    }

    /** {@code flowId}: the IVR flow the DID runs (its published version); null: none (the caller takes the safe path). */
    record DidRequest(@NotBlank @Size(max = 16) String number, @NotNull Long trunkId, @Size(max = 200) String label,
                      DidTargetType targetType, @Size(max = 64) String target, Boolean enabled, Long flowId) {

        DidDefinition toDefinition() {
            return new DidDefinition(number, trunkId, label, targetType == null ? DidTargetType.IVR : targetType,
                    target, enabled == null || enabled);
        }
    }

    @GetMapping
    @Operation(summary = "List DIDs", description = "Paged; sort by number (default) or id; trunkId filters.")
    Paged<Did> list(@Parameter(description = Paged.PAGE_DOC) @RequestParam(defaultValue = "0") @Min(0) int page,
                    @Parameter(description = Paged.SIZE_DOC) @RequestParam(defaultValue = "50") @Min(1)
                    @Max(Paged.MAX_SIZE) int size,
                    @Parameter(description = "number, id, -number, -id") @RequestParam(required = false) String sort,
                    @Parameter(description = "only the DIDs of this trunk") @RequestParam(required = false)
                    Long trunkId) {
        return Paged.ofAll(config.dids().stream().filter(d -> trunkId == null || d.trunkId() == trunkId).toList(),
                page, size, sort, SORTS);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a DID", description = "The ETag header is its version: send it back as If-Match.")
    ResponseEntity<Did> get(@PathVariable long id) {
        return ok(find(id));
    }

    @PostMapping
    @Operation(summary = "Create a DID", description = "400 pbx.invalid with the refused fields (number taken,"
            + " unknown trunk...); 404 flow.not-found, 400 ivr.flow-not-ivr for a wrong flowId; nothing written on a"
            + " refusal.")
    @org.springframework.transaction.annotation.Transactional
    ResponseEntity<Did> create(@Valid @RequestBody DidRequest request) {
        Did created = withFlow(config.createDid(request.toDefinition()), request.flowId());
        return ETags.created("/api/v1/dids/" + created.id(), created, created.version());
    }

    private Did withFlow(Did did, Long flowId) {
        if (java.util.Objects.equals(did.flowId(), flowId)) {
            return did;
        }
        routing.assignFlow(did.id(), flowId);
        return find(did.id());
    }

    @PutMapping("/{id}")
    @org.springframework.transaction.annotation.Transactional
    @Operation(summary = "Replace a DID", description = "If-Match: the version read; 412 did.version-mismatch when"
            + " it changed since, nothing written (its flow neither).")
    ResponseEntity<Did> update(@PathVariable long id, @Valid @RequestBody DidRequest request,
                               @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return ok(withFlow(config.updateDid(id, ETags.required(ifMatch), request.toDefinition()), request.flowId()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a DID", description = "If-Match as for update (412 did.version-mismatch).")
    ResponseEntity<Void> delete(@PathVariable long id,
                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        config.deleteDid(id, ETags.required(ifMatch));
        return ResponseEntity.noContent().build();
    }

    private Did find(long id) {
        return config.dids().stream().filter(d -> d.id() == id).findFirst()
                .orElseThrow(() -> new EvsException("pbx.did-not-found", id));
    }

    private static ResponseEntity<Did> ok(Did d) {
        return ETags.ok(d, d.version());
    }
}
