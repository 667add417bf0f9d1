package com.evscallpro.api.campaign;

import com.evscallpro.api.web.ETags;
import com.evscallpro.api.web.Paged;
import com.evscallpro.core.agentdesk.CustomFieldLabels;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.CampaignSettings;
import com.evscallpro.core.campaign.CampaignSummary;
import com.evscallpro.core.campaign.AmdMode;
import com.evscallpro.core.campaign.CampaignEdit;
import com.evscallpro.core.campaign.CampaignFilter;
import com.evscallpro.core.campaign.CampaignStatus;
import com.evscallpro.core.campaign.DialingMode;
import com.evscallpro.core.flow.FlowService;
import com.evscallpro.core.flow.FlowView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
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
    private final CustomFieldLabels fieldLabels;
    private final FlowService flows;

    private final com.evscallpro.core.campaign.CampaignVersionGuard guard;

    CampaignController(CampaignService campaigns, CustomFieldLabels fieldLabels, FlowService flows,
                       com.evscallpro.core.campaign.CampaignVersionGuard guard) {
        this.guard = guard;
        this.campaigns = campaigns;
        this.fieldLabels = fieldLabels;
        this.flows = flows;
    }

    /**
     * A campaign's settings: on create, a field left out takes the schema's default; on update, it keeps its value.
     * Bounds as in the editor ({@link CampaignEdit}); the service refuses the rest with {@code campaign.*} codes.
     */
    record CampaignRequest(@NotBlank @Size(max = 200) String name,
                           @Min(1) @Max(50) Integer maxAttempts,
                           @Min(0) @Max(2_592_000) Integer retryDelaySeconds,
                           @Min(1) @Max(300) Integer ringTimeoutSeconds,
                           @Pattern(regexp = "^\\+[1-9][0-9]{6,14}$") String callerId,
                           @Size(max = 1000) String description,
                           Long qualificationGroupId, Long siteId, Long planningId, Long trunkId,
                           @Pattern(regexp = "^[A-Z]{2}$") String defaultRegion,
                           @Size(max = 20) String legalPreset,
                           DialingMode dialingMode,
                           @Min(5) @Max(3600) Integer previewTimeoutSeconds,
                           @DecimalMin(value = "0", inclusive = false) @DecimalMax("3") Double abandonTargetPercent,
                           @DecimalMin("1") @DecimalMax("10") Double maxLinesPerAgent,
                           AmdMode amdMode,
                           @Min(0) @Max(2_592_000) Integer retryBusySeconds,
                           @Min(0) @Max(2_592_000) Integer retryNoAnswerSeconds,
                           @Min(0) @Max(2_592_000) Integer retryMachineSeconds,
                           @Min(0) @Max(2_592_000) Integer retryCongestionSeconds,
                           Boolean personalCallbacks,
                           @Min(0) @Max(2_592_000) Integer callbackGraceSeconds,
                           @Min(1) @Max(3600) Integer wrapUpTimeoutSeconds,
                           Boolean pauseAfterWrapUpTimeout,
                           Set<Long> agentGroupIds,
                           @Schema(description = AMD_FALSE_POSITIVE_DOC + " Left out: kept (to go back to the"
                                   + " dialer's default, PUT /campaigns/{id}/amd-false-positive-percent with null).")
                           Double amdFalsePositivePercent) {

        /** These values over {@code base}: what is left out keeps the base's. */
        CampaignEdit over(CampaignEdit base) {
            return new CampaignEdit(or(name, base.name()), or(description, base.description()),
                    or(qualificationGroupId, base.qualificationGroupId()), or(maxAttempts, base.maxAttempts()),
                    or(retryDelaySeconds, base.retryDelaySeconds()), or(ringTimeoutSeconds, base.ringTimeoutSeconds()),
                    or(callerId, base.callerId()), or(siteId, base.siteId()), or(planningId, base.planningId()),
                    or(trunkId, base.trunkId()), or(defaultRegion, base.defaultRegion()),
                    or(legalPreset, base.legalPreset()), or(dialingMode, base.dialingMode()),
                    or(previewTimeoutSeconds, base.previewTimeoutSeconds()),
                    or(abandonTargetPercent, base.abandonTargetPercent()),
                    or(maxLinesPerAgent, base.maxLinesPerAgent()), or(amdMode, base.amdMode()),
                    or(retryBusySeconds, base.retryBusySeconds()), or(retryNoAnswerSeconds, base.retryNoAnswerSeconds()),
                    or(retryMachineSeconds, base.retryMachineSeconds()),
                    or(retryCongestionSeconds, base.retryCongestionSeconds()),
                    or(personalCallbacks, base.personalCallbacks()),
                    or(callbackGraceSeconds, base.callbackGraceSeconds()),
                    or(wrapUpTimeoutSeconds, base.wrapUpTimeoutSeconds()),
                    or(pauseAfterWrapUpTimeout, base.pauseAfterWrapUpTimeout()),
                    or(agentGroupIds, base.agentGroupIds()),
                    or(amdFalsePositivePercent, base.amdFalsePositivePercent()));
        }

        private static <T> T or(T value, T base) {
            return value != null ? value : base;
        }
    }

    /** A campaign with its counts, settings, description and version (also its ETag). */
    record CampaignResponse(CampaignSummary summary, CampaignSettings settings, String description, int version) {
    }

    /** The agent groups whose agents take the campaign's calls (empty: every agent). */
    record AgentGroupsRequest(@NotNull Set<Long> agentGroupIds) {
    }

    static final String AMD_FALSE_POSITIVE_DOC = "The campaign's measured AMD false-positive rate, 0 to 100 (%): the"
            + " share of answering-machine (MACHINE) verdicts that were live persons, which the predictive dialer"
            + " counts as abandoned calls (legal abandon rate). Out of 0-100: 400"
            + " campaign.invalid-amd-false-positive-percent.";

    /** The measured AMD false-positive rate; null: back to the dialer's default. */
    record AmdFalsePositiveRequest(@Schema(description = AMD_FALSE_POSITIVE_DOC
            + " null: the dialer's default (evs.dialer.amd-false-positive-percent).")
                                   Double percent) {
    }

    @GetMapping
    @Operation(summary = "List campaigns", description = "Paged; sort by name (default) or id, '-' for descending. "
            + "ARCHIVED campaigns only with archived=true or status=ARCHIVED.")
    Paged<CampaignSummary> list(@Parameter(description = Paged.PAGE_DOC) @RequestParam(defaultValue = "0") @Min(0)
                                int page,
                                @Parameter(description = Paged.SIZE_DOC) @RequestParam(defaultValue = "50") @Min(1)
                                @Max(Paged.MAX_SIZE) int size,
                                @Parameter(description = "name, id, -name, -id") @RequestParam(required = false)
                                String sort,
                                @Parameter(description = "part of the name") @RequestParam(required = false)
                                String name,
                                @Parameter(description = "statuses (any when left out)") @RequestParam(required = false)
                                Set<CampaignStatus> status,
                                @Parameter(description = "include ARCHIVED campaigns")
                                @RequestParam(defaultValue = "false") boolean archived) {
        CampaignFilter filter = new CampaignFilter(name, status, archived);
        return Paged.ofAll(campaigns.summaries().stream().filter(filter::matches).toList(), page, size, sort, SORTS);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a campaign", description = "The ETag header is its version: send it back as If-Match.")
    ResponseEntity<CampaignResponse> get(@PathVariable long id) {
        return withETag(HttpHeaders.EMPTY, read(id));
    }

    @PostMapping
    @Operation(summary = "Create a DRAFT campaign", description = "409 campaign.name-taken for a used name.")
    ResponseEntity<CampaignResponse> create(@Valid @RequestBody CampaignRequest request) {
        long id = campaigns.create(request.over(CampaignEdit.defaults(request.name())));
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

    @PutMapping("/{id}")
    @Operation(summary = "Update a campaign's settings", description = "Fields left out keep their value. If-Match: "
            + "the version read; 412 campaign.version-mismatch when it changed since; 409 campaign.cannot-edit for an "
            + "ARCHIVED campaign, campaign.name-taken; 400 campaign.invalid-<field>, campaign.unknown-<reference>, "
            + "campaign.trunk-not-on-site, campaign.predictive-needs-asterisk (a Yeastar site cannot dial "
            + "predictively).")
    ResponseEntity<CampaignResponse> update(@PathVariable long id, @Valid @RequestBody CampaignRequest request,
                                            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                            String ifMatch) {
        campaigns.update(id, required(ifMatch), request.over(campaigns.edit(id)));
        return withETag(HttpHeaders.EMPTY, read(id));
    }

    @PostMapping("/{id}/clone")
    @Operation(summary = "Clone a campaign", description = "A DRAFT copy of its settings, agent groups, custom "
            + "fields, agent script and call journey (all or nothing), without contacts, named '<name> (copy)' (or "
            + "'(copy 2)'…; 'word' changes 'copy').")
    ResponseEntity<CampaignResponse> cloneCampaign(@PathVariable long id,
                                                   @RequestParam(defaultValue = "copy") @Size(max = 20) String word) {
        long copy = campaigns.clone(id, word);
        CampaignResponse created = read(copy);
        return ResponseEntity.created(URI.create("/api/v1/campaigns/" + copy)).eTag(etag(created.version()))
                .body(created);
    }

    @PostMapping("/{id}/finish")
    @Operation(summary = "Finish a campaign", description = "RUNNING or PAUSED → FINISHED. If-Match as for start; "
            + "409 campaign.cannot-finish.")
    ResponseEntity<CampaignResponse> finish(@PathVariable long id,
                                            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                            String ifMatch) {
        campaigns.finish(id, version(ifMatch));
        return withETag(HttpHeaders.EMPTY, read(id));
    }

    @PostMapping("/{id}/archive")
    @Operation(summary = "Archive a finished campaign", description = "FINISHED → ARCHIVED (hidden from lists unless "
            + "asked, no longer editable). If-Match as for start; 409 campaign.cannot-archive.")
    ResponseEntity<CampaignResponse> archive(@PathVariable long id,
                                             @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                             String ifMatch) {
        campaigns.archive(id, version(ifMatch));
        return withETag(HttpHeaders.EMPTY, read(id));
    }

    @PutMapping("/{id}/amd-false-positive-percent")
    @Operation(summary = "Set the measured AMD false-positive rate", description = AMD_FALSE_POSITIVE_DOC
            + " null: the dialer's default. Read back in settings.dialing.amdFalsePositivePercent. If-Match as for"
            + " update (412 campaign.version-mismatch); audited.")
    ResponseEntity<CampaignResponse> amdFalsePositivePercent(@PathVariable long id,
                                                             @RequestBody AmdFalsePositiveRequest request,
                                                             @RequestHeader(value = HttpHeaders.IF_MATCH,
                                                                     required = false) String ifMatch) {
        campaigns.update(id, required(ifMatch), campaigns.edit(id).withAmdFalsePositivePercent(request.percent()));
        return withETag(HttpHeaders.EMPTY, read(id));
    }

    @GetMapping("/{id}/agent-groups")
    @Operation(summary = "The agent groups assigned", description = "Empty: every agent takes the campaign's calls.")
    AgentGroupsRequest agentGroups(@PathVariable long id) {
        return new AgentGroupsRequest(campaigns.settings(id).agentGroupIds());
    }

    @PutMapping("/{id}/agent-groups")
    @Operation(summary = "Assign agent groups", description = "Replaces the assigned groups. If-Match as for update; "
            + "400 campaign.unknown-group.")
    ResponseEntity<CampaignResponse> assignGroups(@PathVariable long id,
                                                  @Valid @RequestBody AgentGroupsRequest request,
                                                  @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                                  String ifMatch) {
        campaigns.assignGroups(id, required(ifMatch), request.agentGroupIds());
        return withETag(HttpHeaders.EMPTY, read(id));
    }

    /**
     * The flow of the campaign's call journey: its id, process id, name and published version number; all null for
     * the shipped journey ({@code outbound-call}).
     */
    record JourneyResponse(Long flowId, String processId, String name, Integer publishedNumber) {
        static JourneyResponse of(java.util.Optional<FlowView> flow) {
            return flow.map(f -> new JourneyResponse(f.id(), f.processId(), f.name(), f.publishedNumber()))
                    .orElse(new JourneyResponse(null, null, null, null));
        }
    }

    /** The journey flow to run ({@code null}: the shipped {@code outbound-call}). */
    record JourneyRequest(Long flowId) {
    }

    @GetMapping("/{id}/journey")
    @Operation(summary = "The call journey", description = "The flow (kind OUTBOUND_CALL) whose published version the "
            + "campaign's attempts start; all null: the shipped outbound-call. 404 campaign.not-found. ETag: the "
            + "campaign's version.")
    ResponseEntity<JourneyResponse> journey(@PathVariable long id) {
        int version = guard.version(id);
        return ETags.ok(JourneyResponse.of(flows.journey(id)), version);
    }

    @PutMapping("/{id}/journey")
    @Operation(summary = "Point the campaign at a call journey", description = "The next attempts start the flow's "
            + "published version; attempts in progress finish on theirs. flowId null: back to outbound-call. Audited. "
            + "404 campaign.not-found, flow.not-found; 400 flow.not-a-journey (an IVR flow), flow.not-published. "
            + "If-Match: the campaign's version (412 campaign.version-mismatch); the change adds 1 to it.")
    ResponseEntity<JourneyResponse> bindJourney(@PathVariable long id, @RequestBody JourneyRequest request,
                                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                                String ifMatch) {
        guard.change(id, required(ifMatch), () -> {
            flows.bindJourney(id, request == null ? null : request.flowId());
            return null;
        });
        return journey(id);
    }

    /**
     * The labels of the campaign's custom contact fields (what the agent's screen-pop shows instead of the raw keys),
     * in their order, and the keys its contacts carry (a key without a label is shown humanised).
     */
    record CustomFieldsResponse(List<CustomFieldLabels.FieldLabel> fields, List<String> keysInUse) {
    }

    /** The campaign's custom field labels, replacing the current ones; an empty list removes them all. */
    record CustomFieldsRequest(@NotNull @Size(max = 200) List<@NotNull @Valid FieldRequest> fields) {
    }

    /** One field: its key in the contacts' custom fields, a label in French and/or English, its place. */
    record FieldRequest(@NotBlank @Size(max = 100) String key, @Size(max = 200) String labelFr,
                        @Size(max = 200) String labelEn, @Min(0) @Max(10_000) Integer position) {
    }

    @GetMapping("/{id}/custom-fields")
    @Operation(summary = "Custom field labels", description = "The labels the agent's screen-pop shows for the "
            + "contacts' custom fields, in order, and the keys in use. 404 campaign.not-found. ETag: the campaign's "
            + "version.")
    ResponseEntity<CustomFieldsResponse> customFields(@PathVariable long id) {
        int version = guard.version(id); // campaign.not-found
        return ETags.ok(new CustomFieldsResponse(fieldLabels.of(id), fieldLabels.keysInUse(id)), version);
    }

    @PutMapping("/{id}/custom-fields")
    @Operation(summary = "Define custom field labels", description = "Replaces the labels (ADMIN); a field needs a "
            + "label in at least one language (the other takes it); a key given twice is refused (400). Audited. "
            + "If-Match: the campaign's version (412 campaign.version-mismatch); the change adds 1 to it.")
    ResponseEntity<CustomFieldsResponse> defineCustomFields(@PathVariable long id,
                                                            @Valid @RequestBody CustomFieldsRequest request,
                                                            @RequestHeader(value = HttpHeaders.IF_MATCH,
                                                                    required = false) String ifMatch) {
        List<CustomFieldLabels.FieldLabel> labels = new java.util.ArrayList<>();
        for (int i = 0; i < request.fields().size(); i++) {
            FieldRequest f = request.fields().get(i);
            labels.add(new CustomFieldLabels.FieldLabel(f.key(), f.labelFr(), f.labelEn(),
                    f.position() != null ? f.position() : i));
        }
        guard.change(id, required(ifMatch), () -> {
            fieldLabels.define(id, labels);
            return null;
        });
        return customFields(id);
    }

    private CampaignResponse read(long id) {
        return new CampaignResponse(campaigns.summary(id), campaigns.settings(id), campaigns.edit(id).description(),
                campaigns.version(id));
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

    /** A PUT's If-Match: required (428 request.precondition-required), {@code *} for "any version". */
    static Integer required(String ifMatch) {
        return ETags.required(ifMatch);
    }
}
