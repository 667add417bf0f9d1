package com.evscallpro.api.backoffice;

import com.evscallpro.api.web.Paged;
import com.evscallpro.core.audit.AuditEntry;
import com.evscallpro.core.audit.AuditFilter;
import com.evscallpro.core.audit.AuditTrail;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "audit", description = "Who changed what, when and from where (ADMIN): filtered, paged, exported")
class AuditController {

    private final AuditTrail audit;

    AuditController(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "Audit log", description = "Newest first (the index audit_log_at_idx); each filter optional: "
            + "actor (user name), entity (planning, campaign, user...), from (inclusive) and to (exclusive) as ISO-8601 "
            + "instants. total is not computed: use hasNext.")
    Paged<AuditEntry> list(@Parameter(description = Paged.PAGE_DOC) @RequestParam(defaultValue = "0") @Min(0) int page,
                           @Parameter(description = Paged.SIZE_DOC) @RequestParam(defaultValue = "100") @Min(1)
                           @Max(Paged.MAX_SIZE) int size,
                           @RequestParam(required = false) @Size(max = 100) String actor,
                           @RequestParam(required = false) @Size(max = 40) String entity,
                           @RequestParam(required = false) Instant from,
                           @RequestParam(required = false) Instant to) {
        return Paged.ofFetched(audit.search(new AuditFilter(actor, entity, from, to), Math.multiplyExact(page, size),
                size + 1), page, size, null);
    }

    @GetMapping(value = "/export", produces = "text/csv")
    @Operation(summary = "Export the audit log as CSV", description = "The same filters; streamed, UTF-8, RFC 4180; "
            + "values a spreadsheet would run as formulas are neutralised.")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) @Size(max = 100) String actor,
                                                 @RequestParam(required = false) @Size(max = 40) String entity,
                                                 @RequestParam(required = false) Instant from,
                                                 @RequestParam(required = false) Instant to) {
        AuditFilter filter = new AuditFilter(actor, entity, from, to);
        StreamingResponseBody body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            audit.exportCsv(filter, writer);
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit.csv\"")
                .body(body);
    }
}
