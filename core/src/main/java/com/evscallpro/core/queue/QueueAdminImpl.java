package com.evscallpro.core.queue;

import com.evscallpro.core.audit.AuditTrail;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.group.AgentGroup;
import com.evscallpro.core.group.AgentGroups;
import com.evscallpro.core.group.Skill;
import com.evscallpro.core.link.UrlTemplates;
import com.evscallpro.db.PagedIds;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class QueueAdminImpl implements QueueAdmin {

    private static final Logger log = LoggerFactory.getLogger(QueueAdminImpl.class);
    private static final Pattern MOH_CLASS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,79}");

    private final QueueTables tables;
    private final AgentGroups groups;
    private final AuditTrail audit;
    private final Acd acd;
    private final PagedIds paged;
    private static final PagedIds.Table PAGED = new PagedIds.Table(
            "call_queue q JOIN agent_group g ON g.id = q.group_id", "q.id", List.of("g.name"),
            Map.of("group", "lower(g.name)", "priority", "q.priority"), "group");

    QueueAdminImpl(QueueTables tables, AgentGroups groups, AuditTrail audit, Acd acd, PagedIds paged) {
        this.paged = paged;
        this.tables = tables;
        this.groups = groups;
        this.audit = audit;
        this.acd = acd;
    }

    @Override
    public List<QueueDefinition> queues() {
        return tables.all();
    }

    @Override
    public List<QueueDefinition> page(String text, String sort, boolean descending, int offset, int limit) {
        return tables.byIds(paged.ids(PAGED, Long.class, text, sort, descending, offset, limit));
    }

    @Override
    public long count(String text) {
        return paged.count(PAGED, text);
    }

    @Override
    public Optional<QueueDefinition> queue(long id) {
        return tables.find(id);
    }

    @Override
    public Optional<QueueDefinition> queueOfGroup(long groupId) {
        return tables.findByGroup(groupId);
    }

    @Override
    @Transactional
    public QueueDefinition save(QueueDefinition q) {
        if (q == null) {
            throw new EvsException("queue.unknown-group", (Object) null);
        }
        AgentGroup group = groups.group(q.groupId()).orElseThrow(() -> new EvsException("queue.unknown-group",
                q.groupId()));
        QueueStrategy strategy = q.strategy() == null ? QueueStrategy.LONGEST_IDLE : q.strategy();
        if (q.requiredSkillId() != null && groups.skill(q.requiredSkillId()).isEmpty()) {
            throw new EvsException("queue.unknown-skill", q.requiredSkillId());
        }
        if (strategy == QueueStrategy.SKILL_LEVEL && q.requiredSkillId() == null) {
            throw new EvsException("queue.skill-required");
        }
        range("priority", q.priority(), 0, 100);
        range("minSkillLevel", q.minSkillLevel(), Skill.MIN_LEVEL, Skill.MAX_LEVEL);
        range("announceEverySeconds", q.announceEverySeconds(), 10, 3600);
        range("maxWaitSeconds", q.maxWaitSeconds(), 5, 86400);
        range("ringTimeoutSeconds", q.ringTimeoutSeconds(), 5, 120);
        range("serviceLevelSeconds", q.serviceLevelSeconds(), 1, 3600);
        range("wrapUpSeconds", q.wrapUpSeconds(), 0, 3600);
        String moh = q.musicOnHold() == null || q.musicOnHold().isBlank() ? "default" : q.musicOnHold().strip();
        if (!MOH_CLASS.matcher(moh).matches()) {
            throw new EvsException("queue.music-on-hold-invalid", moh);
        }
        tables.findByGroup(group.id()).filter(other -> !other.id().equals(q.id())).ifPresent(other -> {
            throw new EvsException("queue.group-taken", group.name());
        });
        QueueDefinition clean = new QueueDefinition(q.id(), group.id(), group.name(), strategy, q.priority(),
                q.requiredSkillId(), q.minSkillLevel(), moh, q.announcePosition(), q.announceEverySeconds(),
                q.maxWaitSeconds(), q.ringTimeoutSeconds(), q.serviceLevelSeconds(), q.wrapUpSeconds(), q.version());
        try {
            QueueDefinition saved;
            if (q.id() == null) {
                long id = tables.insert(clean);
                saved = tables.find(id).orElseThrow();
                log.info("Queue {} for group '{}' created", id, group.name());
                audit.record("create", "queue", id, group.name(), null, saved);
            } else {
                QueueDefinition before = tables.find(q.id()).orElseThrow(() -> new EvsException("queue.not-found",
                        q.id()));
                if (!tables.update(clean)) {
                    throw new EvsException("queue.version-mismatch", q.version(), before.version());
                }
                saved = tables.find(q.id()).orElseThrow();
                log.info("Queue {} for group '{}' updated", q.id(), group.name());
                audit.record("update", "queue", q.id(), group.name(), before, saved);
            }
            acd.definitionsChanged();
            return saved;
        } catch (DuplicateKeyException e) {
            throw new EvsException(e, "queue.group-taken", group.name());
        }
    }

    @Override
    @Transactional
    public QueueDefinition save(QueueDefinition q, String crmUrlTemplate) {
        String template = crmUrlTemplate == null || crmUrlTemplate.isBlank() ? null
                : UrlTemplates.validate(crmUrlTemplate.strip());
        QueueDefinition saved = save(q);
        Optional<String> before = tables.crmUrlTemplate(saved.id());
        if (!before.equals(Optional.ofNullable(template))) {
            tables.setCrmUrlTemplate(saved.id(), template);
            audit.record("update", "queue-crm-link", saved.id(), saved.groupName(),
                    before.map(b -> Map.of("template", b)).orElse(null),
                    template == null ? null : Map.of("template", template));
        }
        return saved;
    }

    @Override
    public Optional<String> crmUrlTemplate(long queueId) {
        return tables.crmUrlTemplate(queueId);
    }

    @Override
    public Optional<String> crmLink(long queueId, Map<String, ?> values) {
        return tables.crmUrlTemplate(queueId).map(t -> UrlTemplates.expand(t, values));
    }

    @Override
    @Transactional
    public void delete(long id, Integer expectedVersion) {
        QueueDefinition before = tables.find(id).orElseThrow(() -> new EvsException("queue.not-found", id));
        if (!tables.delete(id, expectedVersion)) {
            throw new EvsException("queue.version-mismatch", expectedVersion, before.version());
        }
        log.info("Queue {} for group '{}' deleted", id, before.groupName());
        audit.record("delete", "queue", id, before.groupName(), before, null);
        acd.queueDeleted(id);
    }

    private static void range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new EvsException("queue.value-out-of-range", field, min, max);
        }
    }
}
