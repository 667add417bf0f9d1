package com.evscallpro.api.user;

import com.evscallpro.api.web.Paged;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.group.AgentGroupAdmin;
import com.evscallpro.core.group.AgentGroups;
import com.evscallpro.core.group.Skill;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
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

@RestController
@RequestMapping("/api/v1/skills")
@Tag(name = "skills", description = "Agent skills (read: ADMIN, SUPERVISOR; change: ADMIN)")
class SkillController {

    private static final Map<String, Comparator<Skill>> SORTS = new LinkedHashMap<>();

    static {
        SORTS.put("code", Comparator.comparing(Skill::code));
        SORTS.put("id", Comparator.comparing(Skill::id));
    }

    private final AgentGroups groups;
    private final AgentGroupAdmin admin;

    SkillController(AgentGroups groups, AgentGroupAdmin admin) {
        this.groups = groups;
        this.admin = admin;
    }

    /** @param code lower-case letters, digits, - and _ (at most 40) */
    record SkillRequest(@NotBlank @Size(max = 40) String code,
                        @NotBlank @Size(max = AgentGroupAdmin.MAX_LABEL) String labelFr,
                        @NotBlank @Size(max = AgentGroupAdmin.MAX_LABEL) String labelEn) {
    }

    @GetMapping
    @Operation(summary = "List skills", description = "Paged; sort by code (default) or id, '-' for descending.")
    Paged<Skill> list(@Parameter(description = Paged.PAGE_DOC) @RequestParam(defaultValue = "0") @Min(0) int page,
                      @Parameter(description = Paged.SIZE_DOC) @RequestParam(defaultValue = "50") @Min(1)
                      @Max(Paged.MAX_SIZE) int size,
                      @RequestParam(required = false) String sort) {
        return Paged.ofAll(groups.skills(), page, size, sort, SORTS);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a skill", description = "The ETag header is its version.")
    ResponseEntity<Skill> get(@PathVariable long id) {
        return ok(find(id));
    }

    @PostMapping
    @Operation(summary = "Create a skill", description = "409 skill.code-taken; 400 skill.code-invalid.")
    ResponseEntity<Skill> create(@Valid @RequestBody SkillRequest request) {
        Skill saved = admin.saveSkill(Skill.draft(request.code(), request.labelFr(), request.labelEn()));
        return ResponseEntity.created(URI.create("/api/v1/skills/" + saved.id())).eTag(ETags.of(saved.version()))
                .body(saved);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Update a skill", description = "If-Match: the version read; 412 skill.version-mismatch.")
    ResponseEntity<Skill> update(@PathVariable long id, @Valid @RequestBody SkillRequest request,
                                 @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Skill current = find(id);
        return ok(admin.saveSkill(new Skill(id, request.code(), request.labelFr(), request.labelEn(),
                ETags.versionOr(ifMatch, current.version()))));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a skill", description = "The users holding it lose it. "
            + "If-Match required (428 request.precondition-required without it; * for any version).")
    ResponseEntity<Void> delete(@PathVariable long id,
                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        ETags.checkForDelete(ifMatch, find(id).version(), "skill.version-mismatch", id);
        admin.deleteSkill(id);
        return ResponseEntity.noContent().build();
    }

    private Skill find(long id) {
        return groups.skill(id).orElseThrow(() -> new EvsException("skill.not-found", id));
    }

    private static ResponseEntity<Skill> ok(Skill body) {
        return ResponseEntity.ok().eTag(ETags.of(body.version())).body(body);
    }
}
