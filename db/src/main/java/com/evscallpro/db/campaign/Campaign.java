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
 * <pre>DRAFT → RUNNING ⇄ PAUSED;  RUNNING | PAUSED → FINISHED</pre>
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
}
