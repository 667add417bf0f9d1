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

    CampaignServiceImpl(CampaignRepository campaigns, QualificationGroupRepository groups,
                        QualificationService qualifications, AuditTrail audit, CampaignCountsSnapshot snapshot) {
        this.snapshot = snapshot;
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
                Campaign campaign = load(c.id());
                campaigns.save(campaign.finish());
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
        Campaign campaign = load(campaignId);
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
    public CampaignSettings setWrapUpPolicy(long campaignId, java.time.Duration timeout, boolean pauseAgent) {
        Campaign c = load(campaignId);
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

    private CampaignSettings toSettings(Campaign c) {
        return new CampaignSettings(c.getId(), c.getName(),
                com.evscallpro.core.campaign.CampaignStatus.valueOf(c.getStatus().name()), c.getMaxAttempts(),
                c.getRetryDelaySeconds(), c.getRingTimeoutSeconds(), c.getCallerId(), c.getQualificationGroupId(),
                java.time.Duration.ofSeconds(c.getWrapUpTimeoutSeconds()),
                Campaign.WRAP_UP_THEN_PAUSE.equals(c.getWrapUpTimeoutAction()),
                new CampaignSettings.Dialing(DialingMode.valueOf(c.getDialingMode()),
                        java.time.Duration.ofSeconds(c.getPreviewTimeoutSeconds()),
                        c.getAbandonTargetPercent().doubleValue(), c.getMaxLinesPerAgent().doubleValue(),
                        AmdMode.valueOf(c.getAmdMode())),
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
