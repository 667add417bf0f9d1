package com.evscallpro.api.rules;

import com.evscallpro.api.web.ETags;
import com.evscallpro.core.campaign.CampaignVersionGuard;
import com.evscallpro.core.rules.CallingRulesAdmin;
import com.evscallpro.core.rules.CallingRulesAdmin.BloctelImport;
import com.evscallpro.core.rules.CallingRulesAdmin.BloctelSubmission;
import com.evscallpro.core.rules.CallingRulesAdmin.CampaignRules;
import com.evscallpro.core.rules.CallingRulesAdmin.Refusal;
import com.evscallpro.core.rules.CallingRulesAdmin.RefusalCount;
import com.evscallpro.core.rules.CallingRulesAdmin.RuleOverride;
import com.evscallpro.core.rules.CallingRulesPresets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
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
@Validated
@RequestMapping("/api/v1/calling-rules")
@Tag(name = "calling-rules", description = "The calling rules every outbound attempt passes: legal presets (FR by "
        + "default), a campaign's overrides (only with a reason; the author is the caller), refusals per contact and "
        + "per campaign, Bloctel submissions. Read: ADMIN, SUPERVISOR; change: ADMIN. See docs/calling-rules.md.")
class CallingRulesController {

    private final CallingRulesAdmin rules;
    private final CallingRulesPresets presets;

    private final CampaignVersionGuard guard;

    CallingRulesController(CallingRulesAdmin rules, CallingRulesPresets presets, CampaignVersionGuard guard) {
        this.guard = guard;
        this.rules = rules;
        this.presets = presets;
    }

    record PresetRequest(@NotBlank @Size(max = 20) String preset, @NotBlank @Size(max = 500) String reason) {
    }

    record OverrideRequest(@NotBlank @Size(max = 40) String rule, @Size(max = 60) String parameter, Boolean enabled,
                           @Size(max = 1000) String value, @NotBlank @Size(max = 500) String reason) {
    }

    @GetMapping("/presets")
    @Operation(summary = "List the legal presets", description = "Each with its rules and their parameters, in the "
            + "order they are checked. A campaign's legal_preset is one of these codes.")
    List<CallingRulesPresets.Preset> presets() {
        return presets.presets();
    }

    @GetMapping("/campaigns/{id}")
    @Operation(summary = "Read a campaign's rules", description = "Its preset's rules, the rules in force after its "
            + "overrides, and the overrides with their reason and author. 404 campaign.not-found. ETag: the "
            + "campaign's version (If-Match on the preset and the overrides).")
    ResponseEntity<CampaignRules> campaign(@PathVariable long id) {
        int version = guard.version(id);
        return ETags.ok(rules.campaignRules(id), version);
    }

    @PutMapping("/campaigns/{id}/preset")
    @Operation(summary = "Set a campaign's legal preset", description = "With a reason (audited). 400 "
            + "rules.preset-unknown, rules.reason-required. If-Match: the campaign's version (412 "
            + "campaign.version-mismatch); the change adds 1 to it.")
    ResponseEntity<CampaignRules> preset(@PathVariable long id, @Valid @RequestBody PresetRequest request,
                                         @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                         String ifMatch) {
        guard.change(id, ETags.required(ifMatch), () -> {
            rules.usePreset(id, request.preset(), request.reason());
            return null;
        });
        return campaign(id);
    }

    @PostMapping("/campaigns/{id}/overrides")
    @Operation(summary = "Override one rule of a campaign", description = "No parameter: switch the whole rule on or "
            + "off (enabled); a parameter: its new value as JSON (4, \"10:00\", [\"MONDAY\"]), of the same kind as the "
            + "preset's. Replaces an earlier override of the same rule and parameter. 400 rules.reason-required, "
            + "rules.rule-unknown, rules.rule-not-in-preset, rules.parameter-unknown, rules.value-invalid. "
            + "If-Match: the campaign's version (412 campaign.version-mismatch); the change adds 1 to it (ETag).")
    ResponseEntity<RuleOverride> override(@PathVariable long id, @Valid @RequestBody OverrideRequest request,
                                          @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                          String ifMatch) {
        RuleOverride saved = guard.change(id, ETags.version(ifMatch), () -> rules.override(id, request.rule(),
                request.parameter(), request.enabled() == null || request.enabled(), request.value(),
                request.reason()));
        return ResponseEntity.created(URI.create("/api/v1/calling-rules/campaigns/" + id + "/overrides/"
                + saved.id())).eTag(ETags.etag(guard.version(id))).body(saved);
    }

    @DeleteMapping("/campaigns/{id}/overrides/{overrideId}")
    @Operation(summary = "Remove an override", description = "The preset's value applies again; the reason is "
            + "audited. 404 rules.override.not-found. If-Match: the campaign's version (412 "
            + "campaign.version-mismatch); the change adds 1 to it (ETag).")
    ResponseEntity<Void> removeOverride(@PathVariable long id, @PathVariable long overrideId,
                                       @RequestParam @NotBlank @Size(max = 500) String reason,
                                       @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                       String ifMatch) {
        guard.change(id, ETags.required(ifMatch), () -> {
            rules.removeOverride(id, overrideId, reason);
            return null;
        });
        return ResponseEntity.noContent().eTag(ETags.etag(guard.version(id))).build();
    }

    @GetMapping("/campaigns/{id}/refusals")
    @Operation(summary = "Sum a campaign's refusals per rule", description = "Over [from, to) (default: the last 7 "
            + "days), most frequent first.")
    List<RefusalCount> summary(@PathVariable long id,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                               Instant from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                               Instant to) {
        Instant end = to == null ? Instant.now().plusSeconds(1) : to;
        return rules.refusalSummary(id, from == null ? end.minus(Duration.ofDays(7)) : from, end);
    }

    @GetMapping("/contacts/{contactId}/refusals")
    @Operation(summary = "List a contact's refusals", description = "Newest first: rule, detail, when, and when the "
            + "contact is due again (null: closed for good).")
    List<Refusal> contactRefusals(@PathVariable long contactId,
                                  @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return rules.refusalsOfContact(contactId, limit);
    }

    @PostMapping("/campaigns/{id}/bloctel/export")
    @Operation(summary = "Export the campaign's numbers for Bloctel", description = "A text file, one number per line "
            + "in national format (0612345678), CRLF; only the numbers Bloctel covers. Records a submission, to which "
            + "the next answer applies.")
    ResponseEntity<byte[]> export(@PathVariable long id) {
        CallingRulesAdmin.BloctelExport file = rules.exportBloctel(id);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName())
                        .build().toString())
                .header("X-Submission-Id", String.valueOf(file.submissionId()))
                .body(file.content().getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping(value = "/campaigns/{id}/bloctel/answer", consumes = {MediaType.TEXT_PLAIN_VALUE, "text/csv"})
    @Operation(summary = "Import Bloctel's answer", description = "The file as the body (one number per line, "
            + "national or international; other columns after a ';' or ',' are ignored), dated by date (its day, not "
            + "in the future). listsOpposed=true: the file lists the opposed numbers; false: it is the submitted file "
            + "cleaned of them. 400 rules.bloctel-no-submission, rules.bloctel-date-invalid.")
    BloctelImport answer(@PathVariable long id,
                         @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                         @RequestParam(defaultValue = "true") boolean listsOpposed,
                         @RequestBody(required = false) String body) throws IOException {
        return rules.importBloctelAnswer(id, new StringReader(body == null ? "" : body), date, listsOpposed);
    }

    @GetMapping("/campaigns/{id}/bloctel/submissions")
    @Operation(summary = "List the campaign's Bloctel submissions", description = "Newest first, with the date of "
            + "the answer imported for each and its opposed count.")
    List<BloctelSubmission> submissions(@PathVariable long id) {
        return rules.bloctelSubmissions(id);
    }

    /** The rule codes, for clients building an override form. */
    @GetMapping("/rules")
    @Operation(summary = "List the rule codes", description = "In check order.")
    Map<String, List<String>> ruleCodes() {
        return Map.of("rules", CallingRulesPresets.RULES);
    }
}
