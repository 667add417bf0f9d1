package com.evscallpro.api.integration;

import com.evscallpro.api.web.Paged;
import com.evscallpro.core.privacy.DataKind;
import com.evscallpro.core.privacy.ErasureMode;
import com.evscallpro.core.privacy.ExportFormat;
import com.evscallpro.core.privacy.PersonalDataReport;
import com.evscallpro.core.privacy.PrivacyRequest;
import com.evscallpro.core.privacy.PrivacyService;
import com.evscallpro.core.privacy.PurgeRun;
import com.evscallpro.core.privacy.RetentionPolicy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/v1/privacy")
@Tag(name = "privacy", description = "Data protection (ADMIN): retention periods and the purge, a person's access, "
        + "export and erasure requests by phone number, with their proofs; see docs/gdpr.md")
class PrivacyController {

    private final PrivacyService privacy;

    PrivacyController(PrivacyService privacy) {
        this.privacy = privacy;
    }

    record PhoneRequest(@NotBlank @Size(max = 40) String phone) {
    }

    record ErasureRequest(@NotBlank @Size(max = 40) String phone, @NotNull ErasureMode mode) {
    }

    record RetentionRequest(@Min(1) @Max(36_500) int retentionDays, @NotNull ErasureMode mode) {
    }

    @GetMapping("/retention")
    @Operation(summary = "Retention periods", description = "One per kind of personal data.")
    List<RetentionPolicy> retention() {
        return privacy.retention();
    }

    @PutMapping("/retention/{kind}")
    @Operation(summary = "Set a retention period", description = "400 privacy.invalid-retention outside 1..36500 days.")
    RetentionPolicy setRetention(@PathVariable DataKind kind, @Valid @RequestBody RetentionRequest request) {
        return privacy.setRetention(kind, request.retentionDays(), request.mode());
    }

    @GetMapping("/purges")
    @Operation(summary = "Purge runs, newest first")
    Paged<PurgeRun> purges(@Parameter(description = Paged.PAGE_DOC) @RequestParam(defaultValue = "0") @Min(0) int page,
                           @Parameter(description = Paged.SIZE_DOC) @RequestParam(defaultValue = "50") @Min(1)
                           @Max(Paged.MAX_SIZE) int size) {
        return Paged.ofFetched(privacy.runs(Math.multiplyExact(page, size), size + 1), page, size, null);
    }

    // POST, not GET: a phone number does not belong in a URL (access logs, proxies)
    @PostMapping("/search")
    @Operation(summary = "What is held about a number", description = "In every store (contacts of every campaign, "
            + "calls, audit log...); recorded as an ACCESS request. 400 privacy.invalid-phone.")
    PersonalDataReport search(@Valid @RequestBody PhoneRequest request) {
        return privacy.find(request.phone());
    }

    @PostMapping("/export")
    @Operation(summary = "Export what is held about a number", description = "format JSON (default) or CSV, streamed; "
            + "recorded as an EXPORT request.")
    ResponseEntity<StreamingResponseBody> export(@Valid @RequestBody PhoneRequest request,
                                                 @RequestParam(defaultValue = "JSON") ExportFormat format) {
        String phone = privacy.normalise(request.phone()); // privacy.invalid-phone before anything is streamed
        StreamingResponseBody body = out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            privacy.export(phone, format, w);
            w.flush();
        };
        return ResponseEntity.ok()
                .contentType(format == ExportFormat.CSV ? new MediaType("text", "csv", StandardCharsets.UTF_8)
                        : MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"personal-data."
                        + format.name().toLowerCase(java.util.Locale.ROOT) + "\"")
                .body(body);
    }

    @PostMapping("/erasure")
    @Operation(summary = "Erase or anonymise everything about a number", description = "In every store, in one "
            + "transaction; the answer is the proof (counts by store, the number as a keyed hash).")
    PrivacyRequest erase(@Valid @RequestBody ErasureRequest request) {
        return privacy.erase(request.phone(), request.mode());
    }

    @GetMapping("/requests")
    @Operation(summary = "Proofs of the requests, newest first")
    Paged<PrivacyRequest> requests(@Parameter(description = Paged.PAGE_DOC) @RequestParam(defaultValue = "0") @Min(0)
                                   int page,
                                   @Parameter(description = Paged.SIZE_DOC) @RequestParam(defaultValue = "50")
                                   @Min(1) @Max(Paged.MAX_SIZE) int size) {
        return Paged.ofFetched(privacy.requests(Math.multiplyExact(page, size), size + 1), page, size, null);
    }
}
