package com.evscallpro.api.backoffice;

import com.evscallpro.api.web.ETags;
import com.evscallpro.api.web.Paged;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.planning.PlanningDefinition;
import com.evscallpro.core.planning.PlanningService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
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
@RequestMapping("/api/v1/plannings")
@Tag(name = "plannings", description = "Opening plannings: weekly slots, public holidays, dated exceptions (read: "
        + "ADMIN, SUPERVISOR; change: ADMIN)")
class PlanningController {

    private static final Map<String, Comparator<PlanningDefinition>> SORTS = new LinkedHashMap<>();

    static {
        SORTS.put("name", Comparator.comparing(PlanningDefinition::name));
        SORTS.put("id", Comparator.comparing(PlanningDefinition::id));
    }

    private final PlanningService plannings;

    PlanningController(PlanningService plannings) {
        this.plannings = plannings;
    }

    record SlotRequest(@NotNull DayOfWeek day, @NotNull LocalTime start, @NotNull LocalTime end) {
    }

    record ExceptionRequest(@NotNull LocalDate date, LocalTime start, LocalTime end, @Size(max = 200) String label) {
    }

    record PlanningRequest(@NotBlank @Size(max = 100) String name,
                           @NotBlank @Size(max = 60) String timeZone,
                           @Size(max = 10) String holidays,
                           @Size(max = 100) List<@Valid @NotNull SlotRequest> slots,
                           @Size(max = 400) List<@Valid @NotNull ExceptionRequest> exceptions) {

        PlanningDefinition toDefinition(Long id) {
            return new PlanningDefinition(id, name, timeZone, holidays,
                    slots == null ? List.of() : slots.stream()
                            .map(s -> new PlanningDefinition.Slot(s.day(), s.start(), s.end())).toList(),
                    exceptions == null ? List.of() : exceptions.stream()
                            .map(e -> new PlanningDefinition.DayException(e.date(), e.start(), e.end(), e.label()))
                            .toList());
        }
    }

    /** A planning and its version (also its ETag). */
    record PlanningResponse(PlanningDefinition planning, int version) {
    }

    /** Whether the planning is open at a moment, and when it opens next (within a year). */
    record OpeningResponse(Instant at, boolean open, Instant nextOpening) {
    }

    @GetMapping
    @Operation(summary = "List plannings", description = "Paged; sort by name (default) or id, '-' for descending.")
    Paged<PlanningDefinition> list(@Parameter(description = Paged.PAGE_DOC) @RequestParam(defaultValue = "0") @Min(0)
                                   int page,
                                   @Parameter(description = Paged.SIZE_DOC) @RequestParam(defaultValue = "50")
                                   @Min(1) @Max(Paged.MAX_SIZE) int size,
                                   @Parameter(description = "name, id, -name, -id") @RequestParam(required = false)
                                   String sort) {
        return Paged.ofAll(plannings.plannings(), page, size, sort, SORTS);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a planning", description = "The ETag header is its version: send it back as If-Match.")
    ResponseEntity<PlanningResponse> get(@PathVariable long id) {
        PlanningResponse r = read(id);
        return ETags.ok(r, r.version());
    }

    @GetMapping("/{id}/opening")
    @Operation(summary = "Is the planning open?", description = "At 'at' (ISO-8601 instant; default now), and the "
            + "next opening within a year (absent: never).")
    OpeningResponse opening(@PathVariable long id, @RequestParam(required = false) Instant at) {
        Instant when = at == null ? Instant.now() : at;
        return new OpeningResponse(when, plannings.isOpen(id, when), plannings.nextOpening(id, when).orElse(null));
    }

    @PostMapping
    @Operation(summary = "Create a planning", description = "400 with the planning.* code of the first invalid part "
            + "(zone, holidays, slots, exceptions); 409 planning.name-taken.")
    ResponseEntity<PlanningResponse> create(@Valid @RequestBody PlanningRequest request) {
        long id = plannings.save(request.toDefinition(null));
        PlanningResponse r = read(id);
        return ETags.created("/api/v1/plannings/" + id, r, r.version());
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a planning", description = "If-Match: the version read; 412 "
            + "planning.version-mismatch when someone changed it since.")
    ResponseEntity<PlanningResponse> replace(@PathVariable long id, @Valid @RequestBody PlanningRequest request,
                                             @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                             String ifMatch) {
        plannings.save(request.toDefinition(id), ETags.required(ifMatch));
        PlanningResponse r = read(id);
        return ETags.ok(r, r.version());
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a planning", description = "If-Match as for replace.")
    ResponseEntity<Void> delete(@PathVariable long id,
                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        plannings.delete(id, ETags.required(ifMatch));
        return ResponseEntity.noContent().build();
    }

    private PlanningResponse read(long id) {
        PlanningDefinition p = plannings.planning(id).orElseThrow(() -> new EvsException("planning.not-found", id));
        return new PlanningResponse(p, plannings.version(id));
    }
}
