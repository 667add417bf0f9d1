package com.evscallpro.core.agent;

import com.evscallpro.core.audit.AuditTrail;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.lock.OptimisticVersions;
import com.evscallpro.core.lock.VersionedTable;
import com.evscallpro.db.agent.PauseReasonRepository;
import java.util.List;
import com.evscallpro.db.PagedIds;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class PauseReasonCatalogImpl implements PauseReasonCatalog {

    private static final Logger log = LoggerFactory.getLogger(PauseReasonCatalogImpl.class);
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final int MAX_LABEL = 100;

    private final PauseReasonRepository reasons;
    private final AuditTrail audit;
    private final OptimisticVersions versions;
    private final PagedIds paged;
    private static final PagedIds.Table PAGED = new PagedIds.Table("pause_reason", "code",
            List.of("code", "label_fr", "label_en"), Map.of("code", "code", "position", "position"), "position");

    /** Without the paged list ({@link #page} and {@link #count} refuse): for tests that only need the catalog. */
    PauseReasonCatalogImpl(PauseReasonRepository reasons, AuditTrail audit, OptimisticVersions versions) {
        this(reasons, audit, versions, null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    PauseReasonCatalogImpl(PauseReasonRepository reasons, AuditTrail audit, OptimisticVersions versions,
                           PagedIds paged) {
        this.reasons = reasons;
        this.audit = audit;
        this.versions = versions;
        this.paged = paged;
    }

    @Override
    @Transactional(readOnly = true)
    public List<PauseReasonChoice> page(String text, String sort, boolean descending, int offset, int limit) {
        List<String> codes = paged().ids(PAGED, String.class, text, sort, descending, offset, limit);
        if (codes.isEmpty()) {
            return List.of();
        }
        Map<String, PauseReasonChoice> found = new java.util.HashMap<>();
        reasons.findByCodeIn(codes).forEach(r -> found.put(r.code(), choice(r)));
        return codes.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public long count(String text) {
        return paged().count(PAGED, text);
    }

    private PagedIds paged() {
        if (paged == null) {
            throw new IllegalStateException("built without PagedIds: no paged list");
        }
        return paged;
    }

    private static PauseReasonChoice choice(com.evscallpro.db.agent.PauseReasonRow r) {
        return new PauseReasonChoice(r.code(), r.labelFr(), r.labelEn(), r.position(), r.active());
    }

    @Override
    @Transactional(readOnly = true)
    public List<PauseReasonChoice> all() {
        return reasons.findAllByOrderByPositionAscCodeAsc().stream().map(PauseReasonCatalogImpl::choice).toList();
    }

    @Override
    public List<PauseReasonChoice> choices() {
        return all().stream().filter(PauseReasonChoice::active).toList();
    }

    @Override
    public Optional<PauseReasonChoice> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.strip().toLowerCase(Locale.ROOT);
        return all().stream().filter(r -> r.code().equals(c)).findFirst();
    }

    @Override
    @Transactional
    public void save(PauseReasonChoice reason) {
        save(reason, null);
    }

    @Override
    @Transactional
    public void save(PauseReasonChoice reason, Integer expectedVersion) {
        String code = reason.code() == null ? "" : reason.code().strip().toLowerCase(Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            throw new EvsException("pause.code-invalid", code);
        }
        if (PauseReason.of(code).isPresent()) {
            throw new EvsException("pause.code-reserved", code);
        }
        if (blank(reason.labelFr()) || blank(reason.labelEn()) || reason.labelFr().strip().length() > MAX_LABEL
                || reason.labelEn().strip().length() > MAX_LABEL) {
            throw new EvsException("pause.label-required", code);
        }
        PauseReasonChoice before = find(code).orElse(null);
        versions.bump(VersionedTable.PAUSE_REASON, code, expectedVersion);
        PauseReasonChoice after = new PauseReasonChoice(code, reason.labelFr().strip(), reason.labelEn().strip(),
                reason.position(), reason.active());
        reasons.upsert(code, after.labelFr(), after.labelEn(), after.position(), after.active());
        audit.record(before == null ? "create" : "update", "pause-reason", code, after.labelEn(), before, after);
        log.info("Pause reason '{}' saved ({}, {})", code, reason.active() ? "offered" : "not offered",
                reason.labelEn().strip());
    }

    @Override
    public int version(String code) {
        String c = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        return versions.current(VersionedTable.PAUSE_REASON, c).orElseThrow(() -> new EvsException("pause.not-found", c));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
