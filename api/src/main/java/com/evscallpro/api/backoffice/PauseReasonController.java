package com.evscallpro.api.backoffice;

import com.evscallpro.api.web.ETags;
import com.evscallpro.api.web.Paged;
import com.evscallpro.core.agent.PauseReasonCatalog;
import com.evscallpro.core.agent.PauseReasonChoice;
import com.evscallpro.core.error.EvsException;
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
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/pause-reasons")
@Tag(name = "pause-reasons", description = "The pause reasons agents pick from (read: ADMIN, SUPERVISOR; change: "
        + "ADMIN). A reason is deactivated, never deleted: the agents' journal keeps its code.")
class PauseReasonController {

    private static final Map<String, Comparator<PauseReasonChoice>> SORTS = new LinkedHashMap<>();

    static {
        SORTS.put("position", Comparator.comparingInt(PauseReasonChoice::position)
                .thenComparing(PauseReasonChoice::code));
        SORTS.put("code", Comparator.comparing(PauseReasonChoice::code));
    }

    private final PauseReasonCatalog reasons;

    PauseReasonController(PauseReasonCatalog reasons) {
        this.reasons = reasons;
    }

    record ReasonRequest(@NotBlank @Size(max = 100) String labelFr, @NotBlank @Size(max = 100) String labelEn,
                         @Min(0) @Max(10_000) int position, Boolean active) {
    }

    /** A reason and its version (also its ETag). */
    record ReasonResponse(PauseReasonChoice reason, int version) {
    }

    @GetMapping
    @Operation(summary = "List pause reasons", description = "Active and inactive; sort by position (default) or "
            + "code.")
    Paged<PauseReasonChoice> list(@Parameter(description = Paged.PAGE_DOC) @RequestParam(defaultValue = "0") @Min(0)
                                  int page,
                                  @Parameter(description = Paged.SIZE_DOC) @RequestParam(defaultValue = "50") @Min(1)
                                  @Max(Paged.MAX_SIZE) int size,
                                  @Parameter(description = "position, code, -position, -code")
                                  @RequestParam(required = false) String sort) {
        return Paged.ofAll(reasons.all(), page, size, sort, SORTS);
    }

    @GetMapping("/{code}")
    @Operation(summary = "Read a pause reason", description = "The ETag header is its version.")
    ResponseEntity<ReasonResponse> get(@PathVariable String code) {
        ReasonResponse r = read(code);
        return ETags.ok(r, r.version());
    }

    @PutMapping("/{code}")
    @Operation(summary = "Create or replace a pause reason", description = "The code: lower-case letters, digits and "
            + "dashes (400 pause.code-invalid; the system's own reasons are refused with pause.code-reserved). "
            + "If-Match: the version read; 412 pause.version-mismatch when someone changed it since. active: false "
            + "stops offering it.")
    ResponseEntity<ReasonResponse> put(@PathVariable String code, @Valid @RequestBody ReasonRequest request,
                                       @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                       String ifMatch) {
        reasons.save(new PauseReasonChoice(code, request.labelFr(), request.labelEn(), request.position(),
                request.active() == null || request.active()),
                reasons.find(code).isPresent() ? ETags.required(ifMatch) : ETags.version(ifMatch)); // PUT creates too
        ReasonResponse r = read(code);
        return ETags.ok(r, r.version());
    }

    private ReasonResponse read(String code) {
        PauseReasonChoice r = reasons.find(code).orElseThrow(() -> new EvsException("pause.not-found", code));
        return new ReasonResponse(r, reasons.version(r.code()));
    }
}
