package com.evscallpro.api.queue;

import com.evscallpro.api.web.ETags;
import com.evscallpro.api.web.Paged;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.queue.InboundQueues;
import com.evscallpro.core.queue.QueueAdmin;
import com.evscallpro.core.queue.QueueDefinition;
import com.evscallpro.core.queue.QueueStatus;
import com.evscallpro.core.queue.QueueStrategy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
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
@RequestMapping("/api/v1/queues")
@Tag(name = "queues", description = "Inbound queues, one per agent group, and their live figures (read: ADMIN, "
        + "SUPERVISOR; change: ADMIN)")
class QueueController {

    private static final Map<String, Comparator<QueueResponse>> SORTS = new LinkedHashMap<>();

    static {
        SORTS.put("name", Comparator.comparing(q -> q.name() == null ? "" : q.name().toLowerCase(Locale.ROOT)));
        SORTS.put("id", Comparator.comparingLong(QueueResponse::id));
        SORTS.put("priority", Comparator.comparingInt(QueueResponse::priority));
    }

    private final QueueAdmin admin;
    private final InboundQueues acd;

    QueueController(QueueAdmin admin, InboundQueues acd) {
        this.admin = admin;
        this.acd = acd;
    }

    /**
     * A queue's settings ({@code groupId} required on create); omitted fields take their defaults on create.
     * {@code crmUrlTemplate}: the CRM link of the agent's inbound screen-pop (docs/queues.md); left out: unchanged
     * (none on create), blank: removed.
     */
    record QueueRequest(Long groupId, QueueStrategy strategy, @Min(0) @Max(100) Integer priority,
                        Long requiredSkillId, @Min(1) @Max(5) Integer minSkillLevel,
                        @Size(max = QueueAdmin.MAX_MUSIC_ON_HOLD) String musicOnHold, Boolean announcePosition,
                        Integer announceEverySeconds, Integer maxWaitSeconds, Integer ringTimeoutSeconds,
                        Integer serviceLevelSeconds, Integer wrapUpSeconds,
                        @Size(max = QueueAdmin.MAX_CRM_URL_TEMPLATE) String crmUrlTemplate) {
    }

    /** A queue; {@code name} is its group's; {@code version} is also the ETag. */
    record QueueResponse(long id, long groupId, String name, QueueStrategy strategy, int priority,
                         Long requiredSkillId, int minSkillLevel, String musicOnHold, boolean announcePosition,
                         int announceEverySeconds, int maxWaitSeconds, int ringTimeoutSeconds,
                         int serviceLevelSeconds, int wrapUpSeconds, int version, String crmUrlTemplate) {
    }

    @GetMapping
    @Operation(summary = "List queues", description = "Paged; sort by name (default), id or priority, '-' for "
            + "descending.")
    Paged<QueueResponse> list(@Parameter(description = Paged.PAGE_DOC) @RequestParam(defaultValue = "0") @Min(0)
                              int page,
                              @Parameter(description = Paged.SIZE_DOC) @RequestParam(defaultValue = "50") @Min(1)
                              @Max(Paged.MAX_SIZE) int size,
                              @RequestParam(required = false) String sort) {
        return Paged.ofAll(admin.queues().stream().map(this::toResponse).toList(), page, size, sort,
                SORTS);
    }

    @GetMapping("/status")
    @Operation(summary = "Live figures of every queue", description = "Callers waiting, longest wait, agents by "
            + "state, today's and this hour's counts, service level (definitions: docs/queues.md). The same as the "
            + "STOMP topic /topic/queueStatus.")
    List<QueueStatus> status() {
        return acd.statuses();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a queue", description = "The ETag header is its version.")
    ResponseEntity<QueueResponse> get(@PathVariable long id) {
        QueueResponse body = toResponse(find(id));
        return ETags.ok(body, body.version());
    }

    @PostMapping
    @Operation(summary = "Create a queue for an agent group", description = "409 queue.group-taken; 400 "
            + "queue.unknown-group, queue.unknown-skill, queue.skill-required, queue.value-out-of-range: nothing is "
            + "written.")
    ResponseEntity<QueueResponse> create(@Valid @RequestBody QueueRequest request) {
        if (request.groupId() == null) {
            throw new EvsException("queue.unknown-group", (Object) null);
        }
        QueueDefinition saved = admin.save(merge(QueueDefinition.draft(request.groupId()), request, null, 0),
                request.crmUrlTemplate());
        QueueResponse body = toResponse(saved);
        return ETags.created("/api/v1/queues/" + saved.id(), body, body.version());
    }

    @PutMapping("/{id}")
    @Operation(summary = "Update a queue", description = "Fields left out keep their value, but for requiredSkillId "
            + "(null or left out: no skill required). If-Match: the version read; 412 queue.version-mismatch when it changed since.")
    ResponseEntity<QueueResponse> update(@PathVariable long id, @Valid @RequestBody QueueRequest request,
                                         @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                         String ifMatch) {
        QueueDefinition current = find(id);
        Integer expected = ETags.required(ifMatch);
        QueueDefinition saved = admin.save(merge(current, request, id,
                expected == null ? current.version() : expected), request.crmUrlTemplate() != null
                ? request.crmUrlTemplate() : admin.crmUrlTemplate(id).orElse(null));
        QueueResponse body = toResponse(saved);
        return ETags.ok(body, body.version());
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a queue", description = "Callers waiting in it leave it (FAILED). If-Match "
            + "required (428 request.precondition-required without it; * for any version).")
    ResponseEntity<Void> delete(@PathVariable long id,
                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        find(id);
        admin.delete(id, ETags.required(ifMatch));
        return ResponseEntity.noContent().build();
    }

    private QueueDefinition find(long id) {
        return admin.queue(id).orElseThrow(() -> new EvsException("queue.not-found", id));
    }

    private static QueueDefinition merge(QueueDefinition base, QueueRequest r, Long id, int version) {
        return new QueueDefinition(id, r.groupId() == null ? base.groupId() : r.groupId(), null,
                r.strategy() == null ? base.strategy() : r.strategy(),
                r.priority() == null ? base.priority() : r.priority(),
                r.requiredSkillId(),
                r.minSkillLevel() == null ? base.minSkillLevel() : r.minSkillLevel(),
                r.musicOnHold() == null ? base.musicOnHold() : r.musicOnHold(),
                r.announcePosition() == null ? base.announcePosition() : r.announcePosition(),
                r.announceEverySeconds() == null ? base.announceEverySeconds() : r.announceEverySeconds(),
                r.maxWaitSeconds() == null ? base.maxWaitSeconds() : r.maxWaitSeconds(),
                r.ringTimeoutSeconds() == null ? base.ringTimeoutSeconds() : r.ringTimeoutSeconds(),
                r.serviceLevelSeconds() == null ? base.serviceLevelSeconds() : r.serviceLevelSeconds(),
                r.wrapUpSeconds() == null ? base.wrapUpSeconds() : r.wrapUpSeconds(), version);
    }

    private QueueResponse toResponse(QueueDefinition q) {
        return new QueueResponse(q.id(), q.groupId(), q.groupName(), q.strategy(), q.priority(), q.requiredSkillId(),
                q.minSkillLevel(), q.musicOnHold(), q.announcePosition(), q.announceEverySeconds(),
                q.maxWaitSeconds(), q.ringTimeoutSeconds(), q.serviceLevelSeconds(), q.wrapUpSeconds(), q.version(),
                admin.crmUrlTemplate(q.id()).orElse(null));
    }
}
