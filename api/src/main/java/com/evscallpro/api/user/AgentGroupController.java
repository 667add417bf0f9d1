package com.evscallpro.api.user;

import com.evscallpro.api.web.Paged;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.group.AgentGroup;
import com.evscallpro.core.group.AgentGroupAdmin;
import com.evscallpro.core.group.AgentGroups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
@RequestMapping("/api/v1/agent-groups")
@Tag(name = "agent-groups", description = "Agent groups and their members (read: ADMIN, SUPERVISOR; change: ADMIN)")
class AgentGroupController {

    private static final Map<String, Comparator<GroupResponse>> SORTS = new LinkedHashMap<>();

    static {
        SORTS.put("name", Comparator.comparing(g -> g.name().toLowerCase(Locale.ROOT)));
        SORTS.put("id", Comparator.comparingLong(GroupResponse::id));
    }

    private final AgentGroups groups;
    private final AgentGroupAdmin admin;

    AgentGroupController(AgentGroups groups, AgentGroupAdmin admin) {
        this.groups = groups;
        this.admin = admin;
    }

    /** @param memberIds the members' user ids (null on update: unchanged) */
    record GroupRequest(@NotBlank @Size(max = AgentGroupAdmin.MAX_NAME) String name,
                        @Size(max = AgentGroupAdmin.MAX_DESCRIPTION) String description,
                        Long siteId,
                        @Size(max = 5000) List<@NotNull Long> memberIds) {
    }

    /** An agent group; {@code version} is also the ETag. */
    record GroupResponse(long id, String name, String description, Long siteId, List<Long> memberIds, int version) {
    }

    @GetMapping
    @Operation(summary = "List agent groups", description = "Paged; sort by name (default) or id, '-' for "
            + "descending.")
    Paged<GroupResponse> list(@Parameter(description = Paged.PAGE_DOC) @RequestParam(defaultValue = "0") @Min(0)
                              int page,
                              @Parameter(description = Paged.SIZE_DOC) @RequestParam(defaultValue = "50") @Min(1)
                              @Max(Paged.MAX_SIZE) int size,
                              @RequestParam(required = false) String sort) {
        return Paged.ofAll(groups.groups().stream().map(this::toResponse).toList(), page, size, sort, SORTS);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read an agent group", description = "The ETag header is its version.")
    ResponseEntity<GroupResponse> get(@PathVariable long id) {
        return ok(toResponse(find(id)));
    }

    @PostMapping
    @Operation(summary = "Create an agent group", description = "409 group.name-taken; 400 group.unknown-site, "
            + "group.unknown-user: nothing is written.")
    ResponseEntity<GroupResponse> create(@Valid @RequestBody GroupRequest request) {
        AgentGroup saved = admin.saveGroup(AgentGroup.draft(request.name(), request.description(), request.siteId()),
                request.memberIds() == null ? List.of() : request.memberIds());
        GroupResponse body = toResponse(saved);
        return ResponseEntity.created(URI.create("/api/v1/agent-groups/" + saved.id()))
                .eTag(ETags.of(body.version())).body(body);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Update an agent group", description = "If-Match: the version read; 412 "
            + "group.version-mismatch when it changed since.")
    ResponseEntity<GroupResponse> update(@PathVariable long id, @Valid @RequestBody GroupRequest request,
                                         @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                         String ifMatch) {
        AgentGroup current = find(id);
        AgentGroup saved = admin.saveGroup(new AgentGroup(id, request.name(), request.description(),
                        request.siteId(), ETags.versionOr(ifMatch, current.version()), 0),
                request.memberIds() == null ? groups.members(id) : request.memberIds());
        return ok(toResponse(saved));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete an agent group", description = "Its members stay, without it. "
            + "If-Match required (428 request.precondition-required without it; * for any version).")
    ResponseEntity<Void> delete(@PathVariable long id,
                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        ETags.checkForDelete(ifMatch, find(id).version(), "group.version-mismatch", id);
        admin.deleteGroup(id);
        return ResponseEntity.noContent().build();
    }

    private AgentGroup find(long id) {
        return groups.group(id).orElseThrow(() -> new EvsException("group.not-found", id));
    }

    private static ResponseEntity<GroupResponse> ok(GroupResponse body) {
        return ResponseEntity.ok().eTag(ETags.of(body.version())).body(body);
    }

    private GroupResponse toResponse(AgentGroup g) {
        return new GroupResponse(g.id(), g.name(), g.description(), g.siteId(), groups.members(g.id()), g.version());
    }
}
