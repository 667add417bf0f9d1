package com.evscallpro.core.qualification;

import com.evscallpro.core.audit.AuditTrail;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.lock.OptimisticVersions;
import com.evscallpro.core.lock.VersionedTable;
import com.evscallpro.core.qualification.Qualification.QualificationCategory;
import com.evscallpro.db.PagedIds;
import com.evscallpro.db.qualification.QualificationEntry;
import com.evscallpro.db.qualification.QualificationEntryRepository;
import com.evscallpro.db.qualification.QualificationGroup;
import com.evscallpro.db.qualification.QualificationGroupRepository;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class QualificationServiceImpl implements QualificationService {

    private static final Logger log = LoggerFactory.getLogger(QualificationServiceImpl.class);
    /** Codes are stored in CDRs and sent to CRMs: upper-case letters, digits and underscores. */
    private static final Pattern CODE = Pattern.compile("[A-Z0-9_]{1,50}");
    private static final int MAX_LABEL = 200;
    private static final int MAX_NAME = 100;

    private final QualificationEntryRepository entries;
    private final QualificationGroupRepository groups;
    private final OptimisticVersions versions;
    private final AuditTrail audit;
    private final PagedIds paged;
    private static final PagedIds.Table PAGED = new PagedIds.Table("qualification_group", "id", List.of("name"),
            java.util.Map.of("name", "lower(name)"), "name");

    QualificationServiceImpl(QualificationEntryRepository entries, QualificationGroupRepository groups,
                             AuditTrail audit, OptimisticVersions versions, PagedIds paged) {
        this.paged = paged;
        this.entries = entries;
        this.groups = groups;
        this.audit = audit;
        this.versions = versions;
    }

    @Override
    public List<Qualification> forGroup(long groupId) {
        return entries.findByGroupIdOrderByPositionAscCodeAsc(groupId).stream()
                .map(QualificationServiceImpl::toQualification)
                .toList();
    }

    @Override
    public Optional<Qualification> find(long groupId, String code) {
        return code == null ? Optional.empty()
                : entries.findByGroupIdAndCode(groupId, code).map(QualificationServiceImpl::toQualification);
    }

    @Override
    public List<QualificationGroupDefinition> groups() {
        return groups.findAllByOrderByName().stream().map(this::toDefinition).toList();
    }

    @Override
    public List<QualificationGroupDefinition> page(String text, String sort, boolean descending, int offset,
                                                   int limit) {
        List<Long> ids = paged.ids(PAGED, Long.class, text, sort, descending, offset, limit);
        java.util.Map<Long, QualificationGroupDefinition> found = new java.util.HashMap<>();
        groups.findAllById(ids).forEach(g -> found.put(g.id(), toDefinition(g)));
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public long count(String text) {
        return paged.count(PAGED, text);
    }

    @Override
    public Optional<QualificationGroupDefinition> group(long groupId) {
        return groups.findById(groupId).map(this::toDefinition);
    }

    @Override
    @Transactional
    public long saveGroup(QualificationGroupDefinition group) {
        return saveGroup(group, null);
    }

    @Override
    @Transactional
    public long saveGroup(QualificationGroupDefinition group, Integer expectedVersion) {
        String name = group.name() == null ? "" : group.name().strip();
        if (name.isEmpty()) {
            throw new EvsException("qualification.group-name-required");
        }
        if (name.length() > MAX_NAME) {
            throw new EvsException("qualification.group-name-too-long", MAX_NAME);
        }
        List<Qualification> list = validate(group.qualifications());
        if (group.id() != null && groups.findById(group.id()).isEmpty()) {
            throw new EvsException("qualification.group-not-found", group.id());
        }
        groups.findByName(name).filter(g -> !g.id().equals(group.id())).ifPresent(g -> {
            throw new EvsException("qualification.group-name-taken", name);
        });
        QualificationGroupDefinition before = group.id() == null ? null : group(group.id()).orElse(null);
        if (group.id() != null) {
            versions.bump(VersionedTable.QUALIFICATION_GROUP, group.id(), expectedVersion);
        }
        try {
            QualificationGroup saved = groups.save(new QualificationGroup(group.id(), name));
            entries.deleteByGroupId(saved.id());
            int position = 1;
            for (Qualification q : list) {
                entries.save(new QualificationEntry(null, saved.id(), q.code(), q.labelFr().strip(),
                        q.labelEn().strip(), q.category().name(), position++, q.finalOutcome()));
            }
            log.info("Qualification group {} '{}' saved with {} qualification(s)", saved.id(), name, list.size());
            audit.record(before == null ? "create" : "update", "qualification-group", saved.id(), name, before,
                    group(saved.id()).orElseThrow());
            return saved.id();
        } catch (DuplicateKeyException e) {
            throw new EvsException(e, "qualification.group-name-taken", name);
        }
    }

    @Override
    @Transactional
    public void deleteGroup(long groupId) {
        deleteGroup(groupId, null);
    }

    @Override
    @Transactional
    public void deleteGroup(long groupId, Integer expectedVersion) {
        QualificationGroup g = groups.findById(groupId)
                .orElseThrow(() -> new EvsException("qualification.group-not-found", groupId));
        versions.check(VersionedTable.QUALIFICATION_GROUP, groupId, expectedVersion);
        if (QualificationGroup.STANDARD.equals(g.name())) {
            throw new EvsException("qualification.group-standard");
        }
        int used = groups.campaignsUsing(groupId);
        if (used > 0) {
            throw new EvsException("qualification.group-in-use", g.name(), used);
        }
        QualificationGroupDefinition before = toDefinition(g);
        groups.delete(g); // its qualifications go with it (ON DELETE CASCADE)
        audit.record("delete", "qualification-group", groupId, g.name(), before, null);
        log.info("Qualification group {} '{}' deleted", groupId, g.name());
    }

    @Override
    public int groupVersion(long groupId) {
        return versions.current(VersionedTable.QUALIFICATION_GROUP, groupId)
                .orElseThrow(() -> new EvsException("qualification.group-not-found", groupId));
    }

    private static List<Qualification> validate(List<Qualification> list) {
        if (list.isEmpty()) {
            throw new EvsException("qualification.none");
        }
        Set<String> codes = new HashSet<>();
        for (Qualification q : list) {
            String code = q.code() == null ? "" : q.code().strip();
            if (!CODE.matcher(code).matches()) {
                throw new EvsException("qualification.code-invalid", code);
            }
            if (!codes.add(code)) {
                throw new EvsException("qualification.code-twice", code);
            }
            if (blank(q.labelFr()) || blank(q.labelEn()) || q.labelFr().strip().length() > MAX_LABEL
                    || q.labelEn().strip().length() > MAX_LABEL) {
                throw new EvsException("qualification.label-required", code);
            }
            if (q.category() == null) {
                throw new EvsException("qualification.category-required", code);
            }
        }
        return list.stream().map(q -> new Qualification(q.code().strip(), q.labelFr(), q.labelEn(), q.category(),
                q.finalOutcome())).toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private QualificationGroupDefinition toDefinition(QualificationGroup g) {
        return new QualificationGroupDefinition(g.id(), g.name(), forGroup(g.id()), groups.campaignsUsing(g.id()));
    }

    private static Qualification toQualification(QualificationEntry e) {
        return new Qualification(e.code(), e.labelFr(), e.labelEn(), QualificationCategory.valueOf(e.category()),
                e.finalOutcome());
    }
}
