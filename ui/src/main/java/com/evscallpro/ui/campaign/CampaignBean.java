package com.evscallpro.ui.campaign;

import com.evscallpro.core.campaign.AmdMode;
import com.evscallpro.core.campaign.CampaignEdit;
import com.evscallpro.core.campaign.DialingMode;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the campaign form edits (bean validation gives the field-level errors in the user's language); references
 * are ids, the form maps them to its pickers. Converts to and from {@link CampaignEdit}.
 */
public class CampaignBean {

    @NotBlank
    @Size(max = CampaignEdit.MAX_NAME)
    private String name = "";
    @Size(max = CampaignEdit.MAX_DESCRIPTION)
    private String description = "";
    private Long qualificationGroupId;
    @NotNull
    @Min(1)
    @Max(CampaignEdit.MAX_ATTEMPTS)
    private Integer maxAttempts = 3;
    @NotNull
    @Min(0)
    @Max(CampaignEdit.MAX_DELAY)
    private Integer retryDelaySeconds = 600;
    @NotNull
    @Min(1)
    @Max(CampaignEdit.MAX_RING_TIMEOUT)
    private Integer ringTimeoutSeconds = 25;
    @Pattern(regexp = "^$|^\\+[1-9][0-9]{6,14}$")
    private String callerId = "";
    private Long siteId;
    private Long planningId;
    private Long trunkId;
    @NotNull
    private String defaultRegion = "FR";
    @NotNull
    private String legalPreset = "FR";
    @NotNull
    private DialingMode dialingMode = DialingMode.PROGRESSIVE;
    @NotNull
    @Min(CampaignEdit.MIN_PREVIEW_TIMEOUT)
    @Max(CampaignEdit.MAX_PREVIEW_TIMEOUT)
    private Integer previewTimeoutSeconds = 30;
    @NotNull
    @DecimalMin(value = "0", inclusive = false)
    @DecimalMax("3")
    private Double abandonTargetPercent = 2.5;
    @NotNull
    @DecimalMin("1")
    @DecimalMax("10")
    private Double maxLinesPerAgent = 3.0;
    @NotNull
    private AmdMode amdMode = AmdMode.OFF;
    @Min(0)
    @Max(CampaignEdit.MAX_DELAY)
    private Integer retryBusySeconds;
    @Min(0)
    @Max(CampaignEdit.MAX_DELAY)
    private Integer retryNoAnswerSeconds;
    @Min(0)
    @Max(CampaignEdit.MAX_DELAY)
    private Integer retryMachineSeconds;
    @Min(0)
    @Max(CampaignEdit.MAX_DELAY)
    private Integer retryCongestionSeconds;
    private boolean personalCallbacks = true;
    @NotNull
    @Min(0)
    @Max(CampaignEdit.MAX_DELAY)
    private Integer callbackGraceSeconds = 900;
    @NotNull
    @Min(1)
    @Max(CampaignEdit.MAX_WRAP_UP_TIMEOUT)
    private Integer wrapUpTimeoutSeconds = 120;
    private boolean pauseAfterWrapUpTimeout;
    private Set<Long> agentGroupIds = new LinkedHashSet<>();
    /** 0-100 or null (the dialer's default): checked by the form with its own FR/EN message. */
    private Double amdFalsePositivePercent;

    static CampaignBean of(CampaignEdit e) {
        CampaignBean b = new CampaignBean();
        b.name = e.name();
        b.description = e.description() == null ? "" : e.description();
        b.qualificationGroupId = e.qualificationGroupId();
        b.maxAttempts = e.maxAttempts();
        b.retryDelaySeconds = e.retryDelaySeconds();
        b.ringTimeoutSeconds = e.ringTimeoutSeconds();
        b.callerId = e.callerId() == null ? "" : e.callerId();
        b.siteId = e.siteId();
        b.planningId = e.planningId();
        b.trunkId = e.trunkId();
        b.defaultRegion = e.defaultRegion();
        b.legalPreset = e.legalPreset();
        b.dialingMode = e.dialingMode();
        b.previewTimeoutSeconds = e.previewTimeoutSeconds();
        b.abandonTargetPercent = e.abandonTargetPercent();
        b.maxLinesPerAgent = e.maxLinesPerAgent();
        b.amdMode = e.amdMode();
        b.retryBusySeconds = e.retryBusySeconds();
        b.retryNoAnswerSeconds = e.retryNoAnswerSeconds();
        b.retryMachineSeconds = e.retryMachineSeconds();
        b.retryCongestionSeconds = e.retryCongestionSeconds();
        b.personalCallbacks = e.personalCallbacks();
        b.callbackGraceSeconds = e.callbackGraceSeconds();
        b.wrapUpTimeoutSeconds = e.wrapUpTimeoutSeconds();
        b.pauseAfterWrapUpTimeout = e.pauseAfterWrapUpTimeout();
        b.agentGroupIds = new LinkedHashSet<>(e.agentGroupIds());
        b.amdFalsePositivePercent = e.amdFalsePositivePercent();
        return b;
    }

    CampaignEdit toEdit() {
        return new CampaignEdit(name, description, qualificationGroupId, maxAttempts, retryDelaySeconds,
                ringTimeoutSeconds, callerId, siteId, planningId, trunkId, defaultRegion, legalPreset, dialingMode,
                previewTimeoutSeconds, abandonTargetPercent, maxLinesPerAgent, amdMode, retryBusySeconds,
                retryNoAnswerSeconds, retryMachineSeconds, retryCongestionSeconds, personalCallbacks,
                callbackGraceSeconds, wrapUpTimeoutSeconds, pauseAfterWrapUpTimeout, agentGroupIds,
                amdFalsePositivePercent);
    }

    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public String getDescription() { return description; }
    public void setDescription(String v) { description = v; }
    public Long getQualificationGroupId() { return qualificationGroupId; }
    public void setQualificationGroupId(Long v) { qualificationGroupId = v; }
    public Integer getMaxAttempts() { return maxAttempts; }
    public void setMaxAttempts(Integer v) { maxAttempts = v; }
    public Integer getRetryDelaySeconds() { return retryDelaySeconds; }
    public void setRetryDelaySeconds(Integer v) { retryDelaySeconds = v; }
    public Integer getRingTimeoutSeconds() { return ringTimeoutSeconds; }
    public void setRingTimeoutSeconds(Integer v) { ringTimeoutSeconds = v; }
    public String getCallerId() { return callerId; }
    public void setCallerId(String v) { callerId = v; }
    public Long getSiteId() { return siteId; }
    public void setSiteId(Long v) { siteId = v; }
    public Long getPlanningId() { return planningId; }
    public void setPlanningId(Long v) { planningId = v; }
    public Long getTrunkId() { return trunkId; }
    public void setTrunkId(Long v) { trunkId = v; }
    public String getDefaultRegion() { return defaultRegion; }
    public void setDefaultRegion(String v) { defaultRegion = v; }
    public String getLegalPreset() { return legalPreset; }
    public void setLegalPreset(String v) { legalPreset = v; }
    public DialingMode getDialingMode() { return dialingMode; }
    public void setDialingMode(DialingMode v) { dialingMode = v; }
    public Integer getPreviewTimeoutSeconds() { return previewTimeoutSeconds; }
    public void setPreviewTimeoutSeconds(Integer v) { previewTimeoutSeconds = v; }
    public Double getAbandonTargetPercent() { return abandonTargetPercent; }
    public void setAbandonTargetPercent(Double v) { abandonTargetPercent = v; }
    public Double getMaxLinesPerAgent() { return maxLinesPerAgent; }
    public void setMaxLinesPerAgent(Double v) { maxLinesPerAgent = v; }
    public AmdMode getAmdMode() { return amdMode; }
    public void setAmdMode(AmdMode v) { amdMode = v; }
    public Integer getRetryBusySeconds() { return retryBusySeconds; }
    public void setRetryBusySeconds(Integer v) { retryBusySeconds = v; }
    public Integer getRetryNoAnswerSeconds() { return retryNoAnswerSeconds; }
    public void setRetryNoAnswerSeconds(Integer v) { retryNoAnswerSeconds = v; }
    public Integer getRetryMachineSeconds() { return retryMachineSeconds; }
    public void setRetryMachineSeconds(Integer v) { retryMachineSeconds = v; }
    public Integer getRetryCongestionSeconds() { return retryCongestionSeconds; }
    public void setRetryCongestionSeconds(Integer v) { retryCongestionSeconds = v; }
    public boolean isPersonalCallbacks() { return personalCallbacks; }
    public void setPersonalCallbacks(boolean v) { personalCallbacks = v; }
    public Integer getCallbackGraceSeconds() { return callbackGraceSeconds; }
    public void setCallbackGraceSeconds(Integer v) { callbackGraceSeconds = v; }
    public Integer getWrapUpTimeoutSeconds() { return wrapUpTimeoutSeconds; }
    public void setWrapUpTimeoutSeconds(Integer v) { wrapUpTimeoutSeconds = v; }
    public boolean isPauseAfterWrapUpTimeout() { return pauseAfterWrapUpTimeout; }
    public void setPauseAfterWrapUpTimeout(boolean v) { pauseAfterWrapUpTimeout = v; }
    public Set<Long> getAgentGroupIds() { return agentGroupIds; }
    public void setAgentGroupIds(Set<Long> v) { agentGroupIds = v; }
    public Double getAmdFalsePositivePercent() { return amdFalsePositivePercent; }
    public void setAmdFalsePositivePercent(Double v) { amdFalsePositivePercent = v; }
}
