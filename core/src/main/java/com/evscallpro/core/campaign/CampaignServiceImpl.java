package com.evscallpro.core.campaign;

import com.evscallpro.core.audit.AuditTrail;
import com.evscallpro.core.qualification.Qualification;
import com.evscallpro.core.qualification.QualificationService;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.db.campaign.Campaign;
import com.evscallpro.db.campaign.CampaignCounts;
import com.evscallpro.db.campaign.CampaignRepository;
import com.evscallpro.db.campaign.CampaignStatus;
import com.evscallpro.db.qualification.QualificationGroup;
import com.evscallpro.db.qualification.QualificationGroupRepository;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Campaign management on the {@link Campaign} aggregate, which checks its own lifecycle. */
@Service
@Transactional
class CampaignServiceImpl implements CampaignService {

    private static final Logger log = LoggerFactory.getLogger(CampaignServiceImpl.class);

    private final CampaignRepository campaigns;
    private final QualificationGroupRepository groups;
    private final QualificationService qualifications;
    private final AuditTrail audit;
    private final CampaignCountsSnapshot snapshot;
    private final com.evscallpro.core.site.SiteDirectory sites;

    private final LegalPresets legalPresets;
    private final com.evscallpro.core.agentdesk.CustomFieldLabels fieldLabels;

    CampaignServiceImpl(CampaignRepository campaigns, QualificationGroupRepository groups,
                        QualificationService qualifications, AuditTrail audit, CampaignCountsSnapshot snapshot,
                        com.evscallpro.core.site.SiteDirectory sites, LegalPresets legalPresets,
                        com.evscallpro.core.agentdesk.CustomFieldLabels fieldLabels) {
        this.legalPresets = legalPresets;
        this.fieldLabels = fieldLabels;
        this.snapshot = snapshot;
        this.sites = sites;
        this.audit = audit;
        this.campaigns = campaigns;
        this.groups = groups;
        this.qualifications = qualifications;
    }

    @Override
    @Transactional(readOnly = true)
    public List<CampaignSummary> summaries() {
        List<Campaign> all = campaigns.findAll();
        Map<Long, CampaignCounts> counts = snapshot.counts(all.stream().map(Campaign::getId).toList());
        return all.stream()
                .map(c -> {
                    CampaignCounts n = counts.get(c.getId());
                    return new CampaignSummary(c.getId(), c.getName(),
                            com.evscallpro.core.campaign.CampaignStatus.valueOf(c.getStatus().name()),
                            c.getMaxAttempts(), n.contactsTotal(), n.contactsToCall(), n.contactsDone(),
                            n.contactsInProgress(), n.contactsDueNow(), n.retriesLater(), n.callbacksLater(),
                            n.nextAttemptAt());
                })
                .sorted(java.util.Comparator.comparing(CampaignSummary::name))
                .toList();
    }

    @Override
    public CampaignSummary start(long campaignId) {
        return move(campaignId, "start", Campaign::start, null);
    }

    @Override
    public CampaignSummary pause(long campaignId) {
        return move(campaignId, "pause", Campaign::pause, null);
    }

    @Override
    public CampaignSummary start(long campaignId, Integer expectedVersion) {
        return move(campaignId, "start", Campaign::start, expectedVersion);
    }

    @Override
    public CampaignSummary pause(long campaignId, Integer expectedVersion) {
        return move(campaignId, "pause", Campaign::pause, expectedVersion);
    }

    @Override
    public CampaignSummary finish(long campaignId) {
        return move(campaignId, "finish", Campaign::finish, null);
    }

    @Override
    public CampaignSummary finish(long campaignId, Integer expectedVersion) {
        return move(campaignId, "finish", Campaign::finish, expectedVersion);
    }

    @Override
    public CampaignSummary archive(long campaignId, Integer expectedVersion) {
        return move(campaignId, "archive", Campaign::archive, expectedVersion);
    }

    @Override
    @Transactional(readOnly = true)
    public List<CampaignSummary> search(CampaignFilter filter, String sort, boolean descending, int offset,
                                        int limit) {
        java.util.Comparator<CampaignSummary> byName = java.util.Comparator.comparing(
                (CampaignSummary c) -> c.name().toLowerCase(java.util.Locale.ROOT));
        java.util.Comparator<CampaignSummary> order = "status".equals(sort)
                ? java.util.Comparator.comparing(CampaignSummary::status).thenComparing(byName) : byName;
        return summaries().stream().filter(filter::matches)
                .sorted(descending ? order.reversed() : order)
                .skip(Math.max(0, offset)).limit(Math.max(0, limit))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public int count(CampaignFilter filter) {
        return (int) summaries().stream().filter(filter::matches).count();
    }

    @Override
    @Transactional(readOnly = true)
    public CampaignEdit edit(long campaignId) {
        return toEdit(load(campaignId));
    }

    @Override
    public long create(CampaignEdit edit) {
        CampaignEdit e = checked(edit, null);
        try {
            Campaign saved = campaigns.save(Campaign.draft(e.name(), qualificationGroup(e), e.maxAttempts(),
                    e.retryDelaySeconds(), e.ringTimeoutSeconds(), e.callerId()));
            apply(saved, e);
            saved = campaigns.save(saved);
            log.info("Campaign {} '{}' created", saved.getId(), saved.getName());
            audit.record("create", "campaign", saved.getId(), saved.getName(), null, toEdit(saved));
            return saved.getId();
        } catch (RuntimeException ex) {
            throw nameTaken(ex, e.name());
        }
    }

    @Override
    public long create(CampaignEdit edit, java.util.function.LongConsumer subResources) {
        long id = create(edit); // this transaction: a refused sub-resource rolls the campaign back with it
        subResources.accept(id);
        return id;
    }

    @Override
    public CampaignSettings update(long campaignId, Integer expectedVersion, CampaignEdit edit) {
        Campaign c = loadAt(campaignId, expectedVersion);
        com.evscallpro.core.campaign.CampaignStatus status = com.evscallpro.core.campaign.CampaignStatus.of(
                c.getStatus());
        if (!status.editable()) {
            throw new EvsException("campaign.cannot-edit", c.getName(), status);
        }
        CampaignEdit e = checked(edit, campaignId);
        CampaignEdit before = toEdit(c);
        try {
            c.rename(e.name());
            apply(c, e);
            Campaign saved = campaigns.save(c);
            log.info("Campaign {} '{}' updated", campaignId, saved.getName());
            audit.record("update", "campaign", campaignId, saved.getName(), before, toEdit(saved));
            return toSettings(saved);
        } catch (org.springframework.dao.OptimisticLockingFailureException ex) {
            throw new EvsException(ex, "campaign.version-mismatch", expectedVersion, version(campaignId));
        } catch (RuntimeException ex) {
            throw nameTaken(ex, e.name());
        }
    }

    @Override
    public long clone(long campaignId, String copyWord) {
        CampaignEdit source = toEdit(load(campaignId));
        String word = copyWord == null || copyWord.isBlank() ? "copy" : copyWord.strip();
        String name = source.name() + " (" + word + ")";
        for (int n = 2; campaigns.findByName(name).isPresent(); n++) {
            name = source.name() + " (" + word + " " + n + ")";
        }
        long copy = create(source.withName(name));
        fieldLabels.define(copy, fieldLabels.of(campaignId)); // the screen-pop reads the same fields the same way
        campaigns.copyScriptAndJourney(campaignId, copy); // agents see the same script, attempts run the same journey
        log.info("Campaign {} cloned from {}", copy, campaignId);
        return copy;
    }

    @Override
    public CampaignSettings assignGroups(long campaignId, Integer expectedVersion, java.util.Set<Long> groupIds) {
        Campaign c = loadAt(campaignId, expectedVersion);
        return update(campaignId, expectedVersion, toEdit(c).withAgentGroups(groupIds));
    }

    private Campaign loadAt(long campaignId, Integer expectedVersion) {
        Campaign c = loadLocked(campaignId);
        int current = c.getVersion() == null ? 0 : c.getVersion();
        if (expectedVersion != null && expectedVersion != current) {
            throw new EvsException("campaign.version-mismatch", expectedVersion, current);
        }
        return c;
    }

    private long qualificationGroup(CampaignEdit e) {
        return e.qualificationGroupId() != null ? e.qualificationGroupId()
                : groups.findByName(QualificationGroup.STANDARD)
                .orElseThrow(() -> new IllegalStateException("the 'Standard' qualification group is missing")).id();
    }

    private void apply(Campaign c, CampaignEdit e) {
        c.configure(new Campaign.Configuration(e.description(), qualificationGroup(e), e.maxAttempts(),
                e.retryDelaySeconds(), e.ringTimeoutSeconds(), e.callerId(), e.siteId(), e.planningId(),
                e.trunkId(), e.defaultRegion(), e.legalPreset(), e.dialingMode().name(), e.previewTimeoutSeconds(),
                java.math.BigDecimal.valueOf(e.abandonTargetPercent()),
                java.math.BigDecimal.valueOf(e.maxLinesPerAgent()), e.amdMode().name(), e.retryBusySeconds(),
                e.retryNoAnswerSeconds(), e.retryMachineSeconds(), e.retryCongestionSeconds(),
                e.personalCallbacks(), e.callbackGraceSeconds()));
        c.wrapUpPolicy(e.wrapUpTimeoutSeconds(),
                e.pauseAfterWrapUpTimeout() ? Campaign.WRAP_UP_THEN_PAUSE : Campaign.WRAP_UP_THEN_READY);
        c.amdFalsePositivePercent(stored(e.amdFalsePositivePercent()));
        if (c.getId() != null) {
            campaigns.clearAgentGroups(c.getId());
            for (Long g : e.agentGroupIds()) {
                campaigns.addAgentGroup(c.getId(), g);
            }
        }
    }

    /** The edit with blanks made null and names stripped, or the first refused field. */
    private CampaignEdit checked(CampaignEdit e, Long campaignId) {
        String name = e.name() == null ? "" : e.name().strip();
        if (name.isEmpty()) {
            throw new EvsException("campaign.name-required");
        }
        campaigns.findByName(name).filter(other -> !other.getId().equals(campaignId)).ifPresent(other -> {
            throw new EvsException("campaign.name-taken", name);
        });
        CampaignChecks.check(e, name, legalPresets.codes());
        String callerId = blankToNull(e.callerId());
        if (e.siteId() != null && !campaigns.siteExists(e.siteId())) {
            throw new EvsException("campaign.unknown-site", e.siteId());
        }
        if (e.planningId() != null && !campaigns.planningExists(e.planningId())) {
            throw new EvsException("campaign.unknown-planning", e.planningId());
        }
        if (e.qualificationGroupId() != null && !campaigns.qualificationGroupExists(e.qualificationGroupId())) {
            throw new EvsException("campaign.unknown-qualification-group", e.qualificationGroupId());
        }
        for (Long g : e.agentGroupIds()) {
            if (g == null || !campaigns.agentGroupExists(g)) {
                throw new EvsException("campaign.unknown-group", g);
            }
        }
        if (e.trunkId() != null) {
            Long trunkSite = campaigns.findTrunkSite(e.trunkId())
                    .orElseThrow(() -> new EvsException("campaign.unknown-trunk", e.trunkId()));
            if (e.siteId() != null && !e.siteId().equals(trunkSite)) {
                throw new EvsException("campaign.trunk-not-on-site", e.trunkId(), e.siteId());
            }
        }
        if (e.dialingMode() == DialingMode.PREDICTIVE && e.siteId() != null) {
            sites.find(e.siteId()).filter(s -> "YEASTAR_API".equals(s.pbxMode())).ifPresent(s -> {
                throw new EvsException("campaign.predictive-needs-asterisk", s.name());
            });
        }
        return new CampaignEdit(name, blankToNull(e.description()), e.qualificationGroupId(), e.maxAttempts(),
                e.retryDelaySeconds(), e.ringTimeoutSeconds(), callerId, e.siteId(), e.planningId(), e.trunkId(),
                e.defaultRegion().strip().toUpperCase(java.util.Locale.ROOT), e.legalPreset(), e.dialingMode(),
                e.previewTimeoutSeconds(), e.abandonTargetPercent(), e.maxLinesPerAgent(), e.amdMode(),
                e.retryBusySeconds(), e.retryNoAnswerSeconds(), e.retryMachineSeconds(), e.retryCongestionSeconds(),
                e.personalCallbacks(), e.callbackGraceSeconds(), e.wrapUpTimeoutSeconds(),
                e.pauseAfterWrapUpTimeout(), e.agentGroupIds(), e.amdFalsePositivePercent());
    }

    /** A rate as stored ({@code numeric(5, 2)}), null kept. */
    private static java.math.BigDecimal stored(Double percent) {
        return percent == null ? null
                : java.math.BigDecimal.valueOf(percent).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static RuntimeException nameTaken(RuntimeException e, String name) {
        if (causedBy(e, DuplicateKeyException.class)) {
            return new EvsException(e, "campaign.name-taken", name == null ? null : name.strip());
        }
        return e;
    }

    private CampaignEdit toEdit(Campaign c) {
        return new CampaignEdit(c.getName(), c.getDescription(), c.getQualificationGroupId(), c.getMaxAttempts(),
                c.getRetryDelaySeconds(), c.getRingTimeoutSeconds(), c.getCallerId(), c.getSiteId(),
                c.getPlanningId(), c.getTrunkId(), c.getDefaultRegion(), c.getLegalPreset(),
                DialingMode.valueOf(c.getDialingMode()), c.getPreviewTimeoutSeconds(),
                c.getAbandonTargetPercent().doubleValue(), c.getMaxLinesPerAgent().doubleValue(),
                AmdMode.valueOf(c.getAmdMode()), c.getRetryBusySeconds(), c.getRetryNoAnswerSeconds(),
                c.getRetryMachineSeconds(), c.getRetryCongestionSeconds(), c.isPersonalCallbacks(),
                c.getCallbackGraceSeconds(), c.getWrapUpTimeoutSeconds(),
                Campaign.WRAP_UP_THEN_PAUSE.equals(c.getWrapUpTimeoutAction()),
                c.getId() == null ? java.util.Set.of() : java.util.Set.copyOf(campaigns.findAgentGroupIds(c.getId())),
                c.getAmdFalsePositivePercent() == null ? null : c.getAmdFalsePositivePercent().doubleValue());
    }

    @Override
    @Transactional(readOnly = true)
    public CampaignSummary summary(long campaignId) {
        return campaigns.findWithCounts(campaignId).map(CampaignServiceImpl::toSummary)
                .orElseThrow(() -> new EvsException("campaign.not-found", campaignId));
    }

    @Override
    @Transactional(readOnly = true)
    public int version(long campaignId) {
        Integer version = load(campaignId).getVersion();
        return version == null ? 0 : version;
    }

    @Override
    public List<CampaignSummary> finishCompleted() {
        List<CampaignSummary> finished = new java.util.ArrayList<>();
        // fresh counts, not the snapshot's: finishing is a decision
        for (Campaign running : campaigns.findByStatusOrderByName(com.evscallpro.db.campaign.CampaignStatus.RUNNING)) {
            CampaignSummary c = campaigns.findWithCounts(running.getId()).map(CampaignServiceImpl::toSummary)
                    .orElse(null);
            if (c != null && c.status() == com.evscallpro.core.campaign.CampaignStatus.RUNNING
                    && c.allContactsFinal()) {
                if (campaigns.finishRunning(c.id()) == 0) {
                    continue; // paused or finished by someone meanwhile
                }
                log.info("Campaign {} '{}': every contact is final, RUNNING -> FINISHED", c.id(), c.name());
                audit.record("finish", "campaign", c.id(), c.name() + ": every contact is final",
                        Map.of("status", "RUNNING"), Map.of("status", "FINISHED"));
                finished.add(campaigns.findWithCounts(c.id()).map(CampaignServiceImpl::toSummary).orElseThrow());
            }
        }
        return finished;
    }

    private CampaignSummary move(long campaignId, String action, UnaryOperator<Campaign> transition,
                                 Integer expectedVersion) {
        Campaign campaign = loadLocked(campaignId);
        int current = campaign.getVersion() == null ? 0 : campaign.getVersion();
        if (expectedVersion != null && expectedVersion != current) {
            throw new EvsException("campaign.version-mismatch", expectedVersion, current);
        }
        CampaignStatus from = campaign.getStatus();
        try {
            transition.apply(campaign);
        } catch (IllegalStateException e) {
            throw new EvsException(e, "campaign.cannot-" + action, campaign.getName(),
                    com.evscallpro.core.campaign.CampaignStatus.of(from));
        }
        campaigns.save(campaign);
        log.info("Campaign {} '{}': {} -> {}", campaignId, campaign.getName(), from, campaign.getStatus());
        audit.record(action, "campaign", campaignId, campaign.getName(), Map.of("status", from.name()),
                Map.of("status", campaign.getStatus().name()));
        return campaigns.findWithCounts(campaignId).map(CampaignServiceImpl::toSummary).orElseThrow();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Qualification> qualifications(long campaignId) {
        return qualifications.forGroup(load(campaignId).getQualificationGroupId());
    }

    @Override
    public long create(NewCampaign c) {
        if (c.name() == null || c.name().isBlank()) {
            throw new EvsException("campaign.name-required");
        }
        if (campaigns.findByName(c.name().strip()).isPresent()) {
            throw new EvsException("campaign.name-taken", c.name().strip());
        }
        long group = groups.findByName(QualificationGroup.STANDARD)
                .orElseThrow(() -> new IllegalStateException("the 'Standard' qualification group is missing"))
                .id();
        try {
            Campaign saved = campaigns.save(Campaign.draft(c.name(), group, c.maxAttempts(), c.retryDelaySeconds(),
                    c.ringTimeoutSeconds(), c.callerId()));
            log.info("Campaign {} '{}' created", saved.getId(), saved.getName());
            audit.record("create", "campaign", saved.getId(), saved.getName(), null, toSettings(saved));
            return saved.getId();
        } catch (RuntimeException e) {
            if (causedBy(e, DuplicateKeyException.class)) {
                throw new EvsException(e, "campaign.name-taken", c.name().strip());
            }
            throw e;
        }
    }

    @Override
    @Transactional
    public CampaignSettings setAmdFalsePositivePercent(long campaignId, Double percent) {
        CampaignChecks.checkAmdFalsePositivePercent(percent);
        Campaign c = loadLocked(campaignId);
        CampaignSettings before = toSettings(c);
        c.amdFalsePositivePercent(stored(percent));
        CampaignSettings after = toSettings(campaigns.save(c));
        audit.record("update", "campaign", campaignId, c.getName() + ": AMD false-positive rate", before, after);
        return after;
    }

    @Override
    @Transactional
    public CampaignSettings setWrapUpPolicy(long campaignId, java.time.Duration timeout, boolean pauseAgent) {
        Campaign c = loadLocked(campaignId);
        CampaignSettings before = toSettings(c);
        c.wrapUpPolicy((int) Math.min(Integer.MAX_VALUE, timeout.toSeconds()),
                pauseAgent ? Campaign.WRAP_UP_THEN_PAUSE : Campaign.WRAP_UP_THEN_READY);
        CampaignSettings after = toSettings(campaigns.save(c));
        audit.record("update", "campaign", campaignId, c.getName() + ": wrap-up policy", before, after);
        return after;
    }

    @Override
    @Transactional(readOnly = true)
    public CampaignSettings settings(long campaignId) {
        return toSettings(load(campaignId));
    }

    @Override
    @Transactional(readOnly = true)
    public List<CampaignSettings> running() {
        return campaigns.findByStatusOrderByName(CampaignStatus.RUNNING).stream()
                .map(this::toSettings)
                .toList();
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private Campaign load(long campaignId) {
        return campaigns.findById(campaignId)
                .orElseThrow(() -> new EvsException("campaign.not-found", campaignId));
    }

    /**
     * The campaign, its row locked until the transaction ends: every write that saves the whole row (its status
     * included) reads it so, and the completion check's finish, which does not bump the version, waits for it.
     */
    private Campaign loadLocked(long campaignId) {
        return campaigns.findByIdForUpdate(campaignId)
                .orElseThrow(() -> new EvsException("campaign.not-found", campaignId));
    }

    private CampaignSettings toSettings(Campaign c) {
        return new CampaignSettings(c.getId(), c.getName(),
                com.evscallpro.core.campaign.CampaignStatus.valueOf(c.getStatus().name()), c.getMaxAttempts(),
                c.getRetryDelaySeconds(), c.getRingTimeoutSeconds(), c.getCallerId(), c.getQualificationGroupId(),
                java.time.Duration.ofSeconds(c.getWrapUpTimeoutSeconds()),
                Campaign.WRAP_UP_THEN_PAUSE.equals(c.getWrapUpTimeoutAction()),
                new CampaignSettings.Dialing(DialingMode.valueOf(c.getDialingMode()),
                        java.time.Duration.ofSeconds(c.getPreviewTimeoutSeconds()),
                        c.getAbandonTargetPercent().doubleValue(), c.getMaxLinesPerAgent().doubleValue(),
                        AmdMode.valueOf(c.getAmdMode()), c.getAmdFalsePositivePercent() == null ? null
                        : c.getAmdFalsePositivePercent().doubleValue()),
                c.getPlanningId(), c.getSiteId(), c.getTrunkId(), c.getDefaultRegion(), c.getLegalPreset(),
                new RetryDelays(c.getRetryDelaySeconds(), c.getRetryBusySeconds(), c.getRetryNoAnswerSeconds(),
                        c.getRetryMachineSeconds(), c.getRetryCongestionSeconds()),
                c.isPersonalCallbacks(), java.time.Duration.ofSeconds(c.getCallbackGraceSeconds()),
                java.util.Set.copyOf(campaigns.findAgentGroupIds(c.getId())));
    }

    private static CampaignSummary toSummary(CampaignCounts c) {
        return new CampaignSummary(c.id(), c.name(), com.evscallpro.core.campaign.CampaignStatus.valueOf(c.status()),
                c.maxAttempts(), c.contactsTotal(), c.contactsToCall(), c.contactsDone(), c.contactsInProgress(),
                c.contactsDueNow(), c.retriesLater(), c.callbacksLater(), c.nextAttemptAt());
    }
}
