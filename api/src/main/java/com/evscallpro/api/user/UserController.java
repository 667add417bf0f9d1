package com.evscallpro.api.user;

import com.evscallpro.api.web.Paged;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.group.AgentGroup;
import com.evscallpro.core.group.AgentGroups;
import com.evscallpro.core.user.ManagedUser;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAdmin;
import com.evscallpro.core.user.UserFilter;
import com.evscallpro.core.user.UserProfile;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
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
@RequestMapping("/api/v1/users")
@Tag(name = "users", description = "User accounts with their groups and skills (read: ADMIN, SUPERVISOR; change: "
        + "ADMIN)")
class UserController {

    /** Sort keys: those {@link UserAdmin#search} orders by in the database. */
    private static final Map<String, UserSort> SORTS = new LinkedHashMap<>();

    static {
        for (String key : List.of("username", "displayName", "role", "extension", "site", "enabled", "lastLogin")) {
            SORTS.put(key, new UserSort(key, false));
        }
    }

    private final UserAdmin users;
    private final AgentGroups groups;

    UserController(UserAdmin users, AgentGroups groups) {
        this.users = users;
        this.groups = groups;
    }

    record UserSort(String key, boolean descending) {
    }

    record SkillLevel(@NotNull Long skillId, @NotNull @Min(1) @Max(5) Integer level) {
    }

    /**
     * @param password the temporary password of a new user (required on create, ignored on update): the user must
     *                 change it at the first sign-in
     * @param groupIds the user's agent groups (null on update: unchanged)
     * @param skills   the user's skills with levels (null on update: unchanged)
     */
    record UserRequest(@NotBlank @Size(max = UserAdmin.MAX_USERNAME) String username,
                       @Size(max = UserAdmin.MAX_DISPLAY_NAME) String displayName,
                       @NotNull UserAccount.Role role,
                       Long siteId,
                       @Size(max = UserAdmin.MAX_EXTENSION) String extension,
                       @Pattern(regexp = "fr|en") String locale,
                       Boolean enabled,
                       @Size(max = 200) String password,
                       @Size(max = 1000) List<@NotNull Long> groupIds,
                       @Size(max = 1000) List<@Valid @NotNull SkillLevel> skills) {
        @Override
        public String toString() {
            return "UserRequest[" + username + "]"; // never the password
        }
    }

    record PasswordReset(@NotBlank @Size(max = 200) String temporaryPassword) {
        @Override
        public String toString() {
            return "PasswordReset[]";
        }
    }

    /** A user (never a password or its hash); {@code version} is also the ETag. */
    record UserResponse(long id, String username, String displayName, UserAccount.Role role, Long siteId,
                        String siteName, String extension, String locale, boolean enabled, boolean locked,
                        Instant lastLoginAt, boolean mustChangePassword, List<Long> groupIds, List<SkillLevel> skills,
                        int version) {
    }

    @GetMapping
    @Operation(summary = "List users", description = "Paged, filtered (q: part of the user name, name or extension; "
            + "role; siteId; groupId; enabled; locked) and sorted by username (default), displayName, role, extension, "
            + "site, enabled or lastLogin, '-' for descending.")
    Paged<UserResponse> list(@Parameter(description = Paged.PAGE_DOC) @RequestParam(defaultValue = "0") @Min(0)
                             int page,
                             @Parameter(description = Paged.SIZE_DOC) @RequestParam(defaultValue = "50") @Min(1)
                             @Max(Paged.MAX_SIZE) int size,
                             @RequestParam(required = false) String sort,
                             @RequestParam(required = false) @Size(max = 100) String q,
                             @RequestParam(required = false) UserAccount.Role role,
                             @RequestParam(required = false) Long siteId,
                             @RequestParam(required = false) Long groupId,
                             @RequestParam(required = false) Boolean enabled,
                             @RequestParam(required = false) Boolean locked) {
        UserSort order = Paged.comparator(sort, SORTS, s -> new UserSort(s.key(), true));
        UserFilter filter = new UserFilter(q, role, siteId, groupId, enabled, locked);
        List<ManagedUser> rows = users.search(filter, order.key(), order.descending(),
                (int) Math.min((long) page * size, Integer.MAX_VALUE), size + 1);
        return Paged.ofFetched(rows.stream().map(this::toResponse).toList(), page, size, users.count(filter));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a user", description = "The ETag header is its version: send it back as If-Match.")
    ResponseEntity<UserResponse> get(@PathVariable long id) {
        return ok(read(id));
    }

    @PostMapping
    @Operation(summary = "Create a user", description = "With a temporary password (at least 10 characters) the user "
            + "must change at the first sign-in. 409 user.username-taken / user.extension-taken; 400 user.* for a "
            + "bad field, group.not-found / skill.not-found (404) for an unknown group or skill: nothing is written.")
    ResponseEntity<UserResponse> create(@Valid @RequestBody UserRequest request) {
        if (request.password() == null || request.password().isBlank()) {
            throw new EvsException("user.password-required");
        }
        ManagedUser saved = users.save(profile(null, request, 0), request.password(),
                new HashSet<>(request.groupIds() == null ? List.of() : request.groupIds()), levels(request.skills()));
        UserResponse body = toResponse(saved);
        return ResponseEntity.created(URI.create("/api/v1/users/" + saved.id())).eTag(ETags.of(body.version()))
                .body(body);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Update a user", description = "If-Match: the version read; 412 user.version-mismatch when "
            + "it changed since. enabled=false deactivates the account: its tokens stop working at once.")
    ResponseEntity<UserResponse> update(@PathVariable long id, @Valid @RequestBody UserRequest request,
                                        @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        ManagedUser current = find(id);
        int version = ETags.versionOr(ifMatch, current.version());
        ManagedUser saved = users.save(profile(id, request, version), null,
                new HashSet<>(request.groupIds() == null
                        ? groups.groupsOf(id).stream().map(AgentGroup::id).toList() : request.groupIds()),
                request.skills() == null ? groups.skillsOf(id) : levels(request.skills()));
        return ok(toResponse(saved));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a user", description = "409 user.cannot-delete-with-history when the user made "
            + "calls: deactivate instead (PUT enabled=false). If-Match required (428 "
            + "request.precondition-required without it; * for any version); 412 when stale.")
    ResponseEntity<Void> delete(@PathVariable long id,
                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        ETags.checkForDelete(ifMatch, find(id).version(), "user.version-mismatch", id);
        users.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/unlock")
    @Operation(summary = "End a sign-in lock-out", description = "After repeated failed sign-ins (UI or API).")
    ResponseEntity<Void> unlock(@PathVariable long id) {
        users.unlock(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/password-reset")
    @Operation(summary = "Reset a user's password", description = "Sets a temporary password (at least 10 "
            + "characters) the user must change at the next sign-in; every token of the user is revoked. The "
            + "password is neither audited nor logged.")
    ResponseEntity<Void> resetPassword(@PathVariable long id, @Valid @RequestBody PasswordReset request) {
        users.resetPassword(id, request.temporaryPassword());
        return ResponseEntity.noContent().build();
    }

    private ManagedUser find(long id) {
        return users.find(id).orElseThrow(() -> new EvsException("user.not-found", id));
    }

    private UserResponse read(long id) {
        return toResponse(find(id));
    }

    private static ResponseEntity<UserResponse> ok(UserResponse body) {
        return ResponseEntity.ok().eTag(ETags.of(body.version())).body(body);
    }

    private static UserProfile profile(Long id, UserRequest r, int version) {
        return new UserProfile(id, r.username(), r.displayName(), r.role(), r.siteId(), r.extension(),
                r.locale(), r.enabled() == null || r.enabled(), version);
    }

    private static Map<Long, Integer> levels(List<SkillLevel> skills) {
        Map<Long, Integer> levels = new LinkedHashMap<>();
        if (skills != null) {
            for (SkillLevel s : skills) {
                if (levels.put(s.skillId(), s.level()) != null) {
                    throw new EvsException("skill.duplicate", s.skillId());
                }
            }
        }
        return levels;
    }

    private UserResponse toResponse(ManagedUser u) {
        return new UserResponse(u.id(), u.username(), u.displayName(), u.role(), u.siteId(), u.siteName(),
                u.extension(), u.locale(), u.enabled(), u.locked(), u.lastLoginAt(), u.mustChangePassword(),
                groups.groupsOf(u.id()).stream().map(AgentGroup::id).toList(),
                groups.skillsOf(u.id()).entrySet().stream().map(e -> new SkillLevel(e.getKey(), e.getValue()))
                        .toList(),
                u.version());
    }
}
