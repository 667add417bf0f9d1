package com.evscallpro.api.flow;

import com.evscallpro.api.web.Paged;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.flow.FlowKind;
import com.evscallpro.core.flow.FlowService;
import com.evscallpro.core.flow.FlowVersionView;
import com.evscallpro.core.flow.FlowView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
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

@RestController
@RequestMapping("/api/v1/flows")
@Tag(name = "flows", description = "BPMN flows (IVR flows, the outbound call journey) and their versions (ADMIN)")
class FlowController {

    private static final Map<String, Comparator<FlowView>> SORTS = new LinkedHashMap<>();
    private static final String BPMN = "application/xml";

    static {
        SORTS.put("name", Comparator.comparing(FlowView::name));
        SORTS.put("id", Comparator.comparingLong(FlowView::id));
    }

    private final FlowService flows;

    FlowController(FlowService flows) {
        this.flows = flows;
    }

    @GetMapping
    @Operation(summary = "List flows", description = "With the published and draft version of each.")
    Paged<FlowView> list(@Parameter(description = Paged.PAGE_DOC) @RequestParam(defaultValue = "0") @Min(0) int page,
                         @Parameter(description = Paged.SIZE_DOC) @RequestParam(defaultValue = "50") @Min(1)
                         @Max(Paged.MAX_SIZE) int size,
                         @Parameter(description = "name, id, -name, -id") @RequestParam(required = false)
                         String sort) {
        return Paged.ofAll(flows.flows(), page, size, sort, SORTS);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a flow")
    FlowView get(@PathVariable long id) {
        return flows.flow(id).orElseThrow(() -> new EvsException("flow.not-found", id));
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "A flow's versions, newest first", description = "Who made and published each, when, why.")
    List<FlowVersionView> versions(@PathVariable long id) {
        get(id);
        return flows.versions(id);
    }

    @GetMapping(value = "/versions/{versionId}/bpmn", produces = BPMN)
    @Operation(summary = "A version's BPMN XML", description = "As Camunda Modeler opens it.")
    ResponseEntity<String> bpmn(@PathVariable long versionId) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(flows.bpmn(versionId));
    }

    record CreateRequest(@NotNull FlowKind kind, @NotBlank @Size(max = 200) String name,
                         @Size(max = 1000) String description, @NotBlank String bpmnXml,
                         @Size(max = 1000) String comment) {
    }

    @PostMapping
    @Operation(summary = "Create a flow", description = "From a BPMN file with one executable process, whose id becomes "
            + "the flow's; its first version is a draft. 400 flow.bpmn-invalid (reason), 409 flow.name-taken, "
            + "flow.process-id-taken.")
    ResponseEntity<FlowView> create(@jakarta.validation.Valid @RequestBody CreateRequest request) {
        FlowView created = flows.create(request.kind(), request.name(), request.description(), request.bpmnXml(),
                request.comment());
        return ResponseEntity.created(URI.create("/api/v1/flows/" + created.id())).body(created);
    }

    @PutMapping(value = "/{id}/draft", consumes = {BPMN, "text/xml"})
    @Operation(summary = "Save the flow's draft", description = "The body is the BPMN XML (same process id); a comment "
            + "may be given as a query parameter. Creates the draft or replaces it.")
    FlowVersionView saveDraft(@PathVariable long id, @RequestBody String bpmnXml,
                              @RequestParam(required = false) @Size(max = 1000) String comment) {
        return flows.saveDraft(id, bpmnXml, comment);
    }

    @PostMapping("/versions/{versionId}/publish")
    @Operation(summary = "Publish a version", description = "The draft, or an earlier version (a roll-back): validated "
            + "(400 flow.bpmn-invalid with each problem and its element), deployed, then new calls start on it; the "
            + "version published before is retired. A refused publish changes nothing.")
    FlowVersionView publish(@PathVariable long versionId,
                            @RequestParam(required = false) @Size(max = 1000) String comment) {
        return flows.publish(versionId, comment);
    }
}
