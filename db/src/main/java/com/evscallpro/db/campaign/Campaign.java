package com.evscallpro.db.campaign;

import java.time.Instant;
import java.util.Objects;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A campaign aggregate. It owns its lifecycle: {@link #start()}, {@link #pause()} and {@link #finish()} check the
 * current status, throw an {@link IllegalStateException} naming it when the move is illegal, and register a
 * {@link CampaignStatusChanged} event published when the repository saves the campaign.
 * <pre>DRAFT → RUNNING ⇄ PAUSED;  RUNNING | PAUSED → FINISHED → ARCHIVED</pre>
 */
@Table("campaign")
public class Campaign extends AbstractAggregateRoot<Campaign> {

    @Id
    private Long id;
    private String name;
    private CampaignStatus status;
    private long qualificationGroupId;
    private int maxAttempts;
    private int retryDelaySeconds;
    private int ringTimeoutSeconds;
    private String callerId;
    private int wrapUpTimeoutSeconds;
    private String wrapUpTimeoutAction;
    // V30 (issue 9): set after construction by Spring Data (field access), changed through configure(...)
    private String description;
    private Long siteId;
    private Long planningId;
    private Long trunkId;
    private String defaultRegion = "FR";
    private String legalPreset = "FR";
    private String dialingMode = "PROGRESSIVE";
    private int previewTimeoutSeconds = 30;
    private java.math.BigDecimal abandonTargetPercent = new java.math.BigDecimal("2.5");
    private java.math.BigDecimal maxLinesPerAgent = java.math.BigDecimal.valueOf(3);
    private String amdMode = "OFF";
    private java.math.BigDecimal amdFalsePositivePercent;
    private Integer retryBusySeconds;
    private Integer retryNoAnswerSeconds;
    private Integer retryMachineSeconds;
    private Integer retryCongestionSeconds;
    private boolean personalCallbacks = true;
    private int callbackGraceSeconds = 900;
    @Version
    private Integer version;
    private Instant createdAt;
    private Instant updatedAt;

    @PersistenceCreator
    Campaign(Long id, String name, CampaignStatus status, long qualificationGroupId, int maxAttempts,
             int retryDelaySeconds, int ringTimeoutSeconds, String callerId, int wrapUpTimeoutSeconds,
             String wrapUpTimeoutAction, Integer version, Instant createdAt, Instant updatedAt) {
        this.id = id;
        this.name = name;
        this.status = status;
        this.qualificationGroupId = qualificationGroupId;
        this.maxAttempts = maxAttempts;
        this.retryDelaySeconds = retryDelaySeconds;
        this.ringTimeoutSeconds = ringTimeoutSeconds;
        this.callerId = callerId;
        this.wrapUpTimeoutSeconds = wrapUpTimeoutSeconds;
        this.wrapUpTimeoutAction = wrapUpTimeoutAction;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /** The schema's default wrap-up timeout (V9). */
    public static final int DEFAULT_WRAP_UP_TIMEOUT_SECONDS = 120;
    /** After a wrap-up timeout the agent is READY again ... */
    public static final String WRAP_UP_THEN_READY = "READY";
    /** ... or PAUSED with reason {@code wrap-up-timeout}. */
    public static final String WRAP_UP_THEN_PAUSE = "PAUSE";

    /** A new DRAFT campaign (wrap-up: 120 s, then READY). */
    public static Campaign draft(String name, long qualificationGroupId, int maxAttempts, int retryDelaySeconds,
                                 int ringTimeoutSeconds, String callerId) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a campaign needs a name");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (retryDelaySeconds < 0) {
            throw new IllegalArgumentException("retryDelaySeconds must not be negative, was " + retryDelaySeconds);
        }
        if (ringTimeoutSeconds < 1) {
            throw new IllegalArgumentException("ringTimeoutSeconds must be at least 1, was " + ringTimeoutSeconds);
        }
        Instant now = Instant.now();
        return new Campaign(null, name.strip(), CampaignStatus.DRAFT, qualificationGroupId, maxAttempts,
                retryDelaySeconds, ringTimeoutSeconds, callerId, DEFAULT_WRAP_UP_TIMEOUT_SECONDS, WRAP_UP_THEN_READY,
                null, now, now);
    }

    /** DRAFT or PAUSED → RUNNING. */
    public Campaign start() {
        return move(CampaignStatus.RUNNING, CampaignStatus.DRAFT, CampaignStatus.PAUSED);
    }

    /** RUNNING → PAUSED. */
    public Campaign pause() {
        return move(CampaignStatus.PAUSED, CampaignStatus.RUNNING);
    }

    /** RUNNING or PAUSED → FINISHED (final). */
    public Campaign finish() {
        return move(CampaignStatus.FINISHED, CampaignStatus.RUNNING, CampaignStatus.PAUSED);
    }

    /** FINISHED → ARCHIVED (final: hidden from daily lists, kept for history). */
    public Campaign archive() {
        return move(CampaignStatus.ARCHIVED, CampaignStatus.FINISHED);
    }

    /** A new name (the editor); an ARCHIVED campaign keeps its own. */
    public Campaign rename(String newName) {
        Objects.requireNonNull(newName, "name");
        if (newName.isBlank()) {
            throw new IllegalArgumentException("a campaign needs a name");
        }
        this.name = newName.strip();
        this.updatedAt = Instant.now();
        return this;
    }

    private Campaign move(CampaignStatus to, CampaignStatus... allowedFrom) {
        for (CampaignStatus from : allowedFrom) {
            if (status == from) {
                status = to;
                updatedAt = Instant.now();
                registerEvent(new CampaignStatusChanged(id, name, from, to, updatedAt));
                return this;
            }
        }
        throw new IllegalStateException("campaign '" + name + "' is " + status + ": it cannot move to " + to);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public CampaignStatus getStatus() {
        return status;
    }

    public long getQualificationGroupId() {
        return qualificationGroupId;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public int getRetryDelaySeconds() {
        return retryDelaySeconds;
    }

    public int getRingTimeoutSeconds() {
        return ringTimeoutSeconds;
    }

    public String getCallerId() {
        return callerId;
    }

    /** How long an agent has to qualify a call once it ended. */
    public int getWrapUpTimeoutSeconds() {
        return wrapUpTimeoutSeconds;
    }

    /** {@link #WRAP_UP_THEN_READY} or {@link #WRAP_UP_THEN_PAUSE}. */
    public String getWrapUpTimeoutAction() {
        return wrapUpTimeoutAction;
    }

    /** Sets the wrap-up policy: timeout at least 1 s, action READY or PAUSE. */
    /** The share of AMD's MACHINE verdicts counted as abandons; null: the dialer's default. */
    public java.math.BigDecimal getAmdFalsePositivePercent() {
        return amdFalsePositivePercent;
    }

    /** @param percent 0 to 100, or null for the dialer's default */
    public Campaign amdFalsePositivePercent(java.math.BigDecimal percent) {
        if (percent != null && (percent.signum() < 0 || percent.compareTo(java.math.BigDecimal.valueOf(100)) > 0)) {
            throw new IllegalArgumentException("amdFalsePositivePercent must be between 0 and 100, was " + percent);
        }
        this.amdFalsePositivePercent = percent;
        return this;
    }

    public Campaign wrapUpPolicy(int timeoutSeconds, String action) {
        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException("wrapUpTimeoutSeconds must be at least 1, was " + timeoutSeconds);
        }
        if (!WRAP_UP_THEN_READY.equals(action) && !WRAP_UP_THEN_PAUSE.equals(action)) {
            throw new IllegalArgumentException("wrapUpTimeoutAction must be READY or PAUSE, was " + action);
        }
        this.wrapUpTimeoutSeconds = timeoutSeconds;
        this.wrapUpTimeoutAction = action;
        return this;
    }

    public Integer getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getDescription() {
        return description;
    }

    public Long getSiteId() {
        return siteId;
    }

    /** The planning that bounds its calling hours (the legal preset's hours apply on top); null: the preset's only. */
    public Long getPlanningId() {
        return planningId;
    }

    /** The SIP trunk its calls leave through; null: the site's default route. */
    public Long getTrunkId() {
        return trunkId;
    }

    /** ISO 3166 region for numbers written without a country code (import, manual dialling). */
    public String getDefaultRegion() {
        return defaultRegion;
    }

    /** The calling-rules preset (default FR). */
    public String getLegalPreset() {
        return legalPreset;
    }

    /** PREVIEW, PROGRESSIVE or PREDICTIVE. */
    public String getDialingMode() {
        return dialingMode;
    }

    public int getPreviewTimeoutSeconds() {
        return previewTimeoutSeconds;
    }

    public java.math.BigDecimal getAbandonTargetPercent() {
        return abandonTargetPercent;
    }

    public java.math.BigDecimal getMaxLinesPerAgent() {
        return maxLinesPerAgent;
    }

    /** OFF, HANGUP, MESSAGE or AGENT. */
    public String getAmdMode() {
        return amdMode;
    }

    public Integer getRetryBusySeconds() {
        return retryBusySeconds;
    }

    public Integer getRetryNoAnswerSeconds() {
        return retryNoAnswerSeconds;
    }

    public Integer getRetryMachineSeconds() {
        return retryMachineSeconds;
    }

    public Integer getRetryCongestionSeconds() {
        return retryCongestionSeconds;
    }

    public boolean isPersonalCallbacks() {
        return personalCallbacks;
    }

    public int getCallbackGraceSeconds() {
        return callbackGraceSeconds;
    }

    /**
     * Everything the campaign editor sets besides the name, lifecycle and wrap-up policy. Values are checked by the
     * schema's constraints too; here the obvious ones fail fast with a message naming the field.
     */
    public Campaign configure(Configuration c) {
        Objects.requireNonNull(c, "configuration");
        if (c.maxAttempts() < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + c.maxAttempts());
        }
        if (c.retryDelaySeconds() < 0) {
            throw new IllegalArgumentException("retryDelaySeconds must not be negative, was " + c.retryDelaySeconds());
        }
        if (c.ringTimeoutSeconds() < 1) {
            throw new IllegalArgumentException("ringTimeoutSeconds must be at least 1, was " + c.ringTimeoutSeconds());
        }
        this.description = c.description();
        this.qualificationGroupId = c.qualificationGroupId();
        this.maxAttempts = c.maxAttempts();
        this.retryDelaySeconds = c.retryDelaySeconds();
        this.ringTimeoutSeconds = c.ringTimeoutSeconds();
        this.callerId = c.callerId();
        this.siteId = c.siteId();
        this.planningId = c.planningId();
        this.trunkId = c.trunkId();
        this.defaultRegion = c.defaultRegion();
        this.legalPreset = c.legalPreset();
        this.dialingMode = c.dialingMode();
        this.previewTimeoutSeconds = c.previewTimeoutSeconds();
        this.abandonTargetPercent = c.abandonTargetPercent();
        this.maxLinesPerAgent = c.maxLinesPerAgent();
        this.amdMode = c.amdMode();
        this.retryBusySeconds = c.retryBusySeconds();
        this.retryNoAnswerSeconds = c.retryNoAnswerSeconds();
        this.retryMachineSeconds = c.retryMachineSeconds();
        this.retryCongestionSeconds = c.retryCongestionSeconds();
        this.personalCallbacks = c.personalCallbacks();
        this.callbackGraceSeconds = c.callbackGraceSeconds();
        this.updatedAt = Instant.now();
        return this;
    }

    /** What {@link #configure(Configuration)} sets (stored values: see V30 for the allowed ones). */
    public record Configuration(String description, long qualificationGroupId, int maxAttempts, int retryDelaySeconds,
                                int ringTimeoutSeconds, String callerId, Long siteId, Long planningId, Long trunkId,
                                String defaultRegion, String legalPreset, String dialingMode,
                                int previewTimeoutSeconds, java.math.BigDecimal abandonTargetPercent,
                                java.math.BigDecimal maxLinesPerAgent, String amdMode, Integer retryBusySeconds,
                                Integer retryNoAnswerSeconds, Integer retryMachineSeconds,
                                Integer retryCongestionSeconds, boolean personalCallbacks, int callbackGraceSeconds) {
    }
}
