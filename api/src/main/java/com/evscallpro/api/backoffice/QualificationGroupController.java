package com.evscallpro.api.backoffice;

import com.evscallpro.api.web.ETags;
import com.evscallpro.api.web.Paged;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.qualification.Qualification;
import com.evscallpro.core.qualification.QualificationGroupDefinition;
import com.evscallpro.core.qualification.QualificationService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
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

@RestController
@RequestMapping("/api/v1/qualification-groups")
@Tag(name = "qualification-groups", description = "Qualification (disposition) groups and their qualifications in "
        + "display order (read: ADMIN, SUPERVISOR; change: ADMIN)")
class QualificationGroupController {

    private static final Map<String, Comparator<QualificationGroupDefinition>> SORTS = new LinkedHashMap<>();

    static {
        SORTS.put("name", Comparator.comparing(QualificationGroupDefinition::name));
        SORTS.put("id", Comparator.comparing(QualificationGroupDefinition::id));
    }

    private final QualificationService qualifications;

    QualificationGroupController(QualificationService qualifications) {
        this.qualifications = qualifications;
    }

    /** One qualification; {@code finalOutcome} absent means final (the contact is not called again for it). */
    record QualificationRequest(@NotBlank @Size(max = 50) String code, @NotBlank @Size(max = 200) String labelFr,
                                @NotBlank @Size(max = 200) String labelEn,
                                @NotNull Qualification.QualificationCategory category, Boolean finalOutcome) {
    }

    record GroupRequest(@NotBlank @Size(max = 100) String name,
                        @NotEmpty @Size(max = 100) List<@Valid @NotNull QualificationRequest> qualifications) {

        QualificationGroupDefinition toDefinition(Long id) {
            return new QualificationGroupDefinition(id, name, qualifications.stream()
                    .map(q -> new Qualification(q.code(), q.labelFr(), q.labelEn(), q.category(),
                            q.finalOutcome() == null || q.finalOutcome()))
                    .toList(), 0);
        }
    }

    /** A group and its version (also its ETag). */
    record GroupResponse(QualificationGroupDefinition group, int version) {
    }

    @GetMapping
    @Operation(summary = "List qualification groups", description = "Paged; sort by name (default) or id.")
    Paged<QualificationGroupDefinition> list(@Parameter(description = Paged.PAGE_DOC)
                                             @RequestParam(defaultValue = "0") @Min(0) int page,
                                             @Parameter(description = Paged.SIZE_DOC)
                                             @RequestParam(defaultValue = "50") @Min(1) @Max(Paged.MAX_SIZE) int size,
                                             @Parameter(description = "name, id, -name, -id")
                                             @RequestParam(required = false) String sort) {
        return Paged.ofAll(qualifications.groups(), page, size, sort, SORTS);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a qualification group", description = "The ETag header is its version.")
    ResponseEntity<GroupResponse> get(@PathVariable long id) {
        GroupResponse r = read(id);
        return ETags.ok(r, r.version());
    }

    @PostMapping
    @Operation(summary = "Create a qualification group", description = "400 with the qualification.* code of the "
            + "first invalid qualification; 409 qualification.group-name-taken.")
    ResponseEntity<GroupResponse> create(@Valid @RequestBody GroupRequest request) {
        long id = qualifications.saveGroup(request.toDefinition(null));
        GroupResponse r = read(id);
        return ETags.created("/api/v1/qualification-groups/" + id, r, r.version());
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a qualification group", description = "If-Match: the version read; 412 "
            + "qualification.version-mismatch when someone changed it since.")
    ResponseEntity<GroupResponse> replace(@PathVariable long id, @Valid @RequestBody GroupRequest request,
                                          @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                          String ifMatch) {
        qualifications.saveGroup(request.toDefinition(id), ETags.required(ifMatch));
        GroupResponse r = read(id);
        return ETags.ok(r, r.version());
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a qualification group", description = "Refused for the Standard group and a group a "
            + "campaign uses (409 qualification.group-in-use). If-Match as for replace.")
    ResponseEntity<Void> delete(@PathVariable long id,
                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        qualifications.deleteGroup(id, ETags.required(ifMatch));
        return ResponseEntity.noContent().build();
    }

    private GroupResponse read(long id) {
        QualificationGroupDefinition g = qualifications.group(id)
                .orElseThrow(() -> new EvsException("qualification.group-not-found", id));
        return new GroupResponse(g, qualifications.groupVersion(id));
    }
}
