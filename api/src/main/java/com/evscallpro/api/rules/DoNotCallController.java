package com.evscallpro.api.rules;

import com.evscallpro.api.web.Paged;
import com.evscallpro.core.rules.CallingRulesAdmin;
import com.evscallpro.core.rules.CallingRulesAdmin.DoNotCallEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/v1/do-not-call")
@Tag(name = "do-not-call", description = "The internal do-not-call list, for every campaign: fed by DO_NOT_CALL "
        + "qualifications and by hand (with a reason, audited). Read: ADMIN, SUPERVISOR; change: ADMIN.")
class DoNotCallController {

    private final CallingRulesAdmin rules;

    DoNotCallController(CallingRulesAdmin rules) {
        this.rules = rules;
    }

    record AddRequest(@NotBlank @Size(max = 40) String phone, @Size(max = 2) String region,
                      @NotBlank @Size(max = 500) String reason) {
    }

    @GetMapping
    @Operation(summary = "List the do-not-call numbers", description = "Newest first; search: part of the number.")
    Paged<DoNotCallEntry> list(@RequestParam(required = false) @Size(max = 20) String search,
                               @Parameter(description = Paged.PAGE_DOC) @RequestParam(defaultValue = "0") @Min(0)
                               int page,
                               @Parameter(description = Paged.SIZE_DOC) @RequestParam(defaultValue = "50") @Min(1)
                               @Max(Paged.MAX_SIZE) int size) {
        return Paged.ofFetched(rules.doNotCall(search, page * size, size + 1), page, size,
                rules.countDoNotCall(search));
    }

    record RemoveRequest(@NotBlank @Size(max = 40) String phone, @Size(max = 2) String region,
                         @NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping
    @Operation(summary = "Add a number", description = "E.164, or national for region (default FR), with a reason. "
            + "400 rules.phone-invalid, rules.reason-required.")
    ResponseEntity<DoNotCallEntry> add(@Valid @RequestBody AddRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(rules.addDoNotCall(request.phone(), request.region(), request.reason()));
    }

    @PostMapping("/removal")
    @Operation(summary = "Remove a number", description = "The number in the body (never in a URL that access logs "
            + "keep), with a reason (audited). 404 rules.do-not-call.not-found.")
    ResponseEntity<Void> remove(@Valid @RequestBody RemoveRequest request) {
        rules.removeDoNotCall(request.phone(), request.region(), request.reason());
        return ResponseEntity.noContent().build();
    }
}
