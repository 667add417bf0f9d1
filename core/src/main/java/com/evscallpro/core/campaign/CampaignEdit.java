package com.evscallpro.core.campaign;

import java.util.Set;

/**
 * Every setting of a campaign the editor and the API change (create, update, clone read it back with
 * {@link CampaignService#edit(long)}). Checked by {@link CampaignService}; a refused value is an
 * {@link com.evscallpro.core.error.EvsException} whose code names the field ({@code campaign.invalid-<field>}).
 *
 * @param qualificationGroupId null: the 'Standard' group
 * @param callerId             the presented number (E.164) or null (the trunk's default)
 * @param siteId               null: the default site
 * @param planningId           null: the legal preset's hours only
 * @param trunkId              null: the site's default route; otherwise a trunk of that site
 * @param retryBusySeconds     null: {@code retryDelaySeconds} (same for the other per-outcome delays)
 * @param agentGroupIds        the groups whose agents take its calls; empty: every agent
 * @param amdFalsePositivePercent the measured share (0-100) of AMD's MACHINE verdicts that were live persons, counted
 *                             as abandons by the predictive dialer (docs/dialer.md); null: the dialer's default
 *                             ({@code evs.dialer.amd-false-positive-percent})
 */
public record CampaignEdit(String name, String description, Long qualificationGroupId, int maxAttempts,
                           int retryDelaySeconds, int ringTimeoutSeconds, String callerId, Long siteId,
                           Long planningId, Long trunkId, String defaultRegion, String legalPreset,
                           DialingMode dialingMode, int previewTimeoutSeconds, double abandonTargetPercent,
                           double maxLinesPerAgent, AmdMode amdMode, Integer retryBusySeconds,
                           Integer retryNoAnswerSeconds, Integer retryMachineSeconds, Integer retryCongestionSeconds,
                           boolean personalCallbacks, int callbackGraceSeconds, int wrapUpTimeoutSeconds,
                           boolean pauseAfterWrapUpTimeout, Set<Long> agentGroupIds, Double amdFalsePositivePercent) {

    /** The bounds the service enforces (the screens and the API show the same). */
    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 1000;
    public static final int MAX_ATTEMPTS = 50;
    public static final int MAX_RING_TIMEOUT = 300;
    public static final int MAX_DELAY = 30 * 24 * 3600;
    public static final int MIN_PREVIEW_TIMEOUT = 5;
    public static final int MAX_PREVIEW_TIMEOUT = 3600;
    public static final double MAX_ABANDON_TARGET = 3.0;
    public static final double MAX_LINES = 10.0;
    public static final int MAX_WRAP_UP_TIMEOUT = 3600;
    public static final double MAX_AMD_FALSE_POSITIVE_PERCENT = 100.0;
    /** The legal presets offered until the calling-rules engine publishes its own list. */

    public CampaignEdit {
        agentGroupIds = agentGroupIds == null ? Set.of() : Set.copyOf(agentGroupIds);
        dialingMode = dialingMode == null ? DialingMode.PROGRESSIVE : dialingMode;
        amdMode = amdMode == null ? AmdMode.OFF : amdMode;
        defaultRegion = defaultRegion == null ? "FR" : defaultRegion;
        legalPreset = legalPreset == null ? "FR" : legalPreset;
    }

    /** Every setting but the AMD false-positive rate, left to the dialer's default. */
    public CampaignEdit(String name, String description, Long qualificationGroupId, int maxAttempts,
                        int retryDelaySeconds, int ringTimeoutSeconds, String callerId, Long siteId,
                        Long planningId, Long trunkId, String defaultRegion, String legalPreset,
                        DialingMode dialingMode, int previewTimeoutSeconds, double abandonTargetPercent,
                        double maxLinesPerAgent, AmdMode amdMode, Integer retryBusySeconds,
                        Integer retryNoAnswerSeconds, Integer retryMachineSeconds, Integer retryCongestionSeconds,
                        boolean personalCallbacks, int callbackGraceSeconds, int wrapUpTimeoutSeconds,
                        boolean pauseAfterWrapUpTimeout, Set<Long> agentGroupIds) {
        this(name, description, qualificationGroupId, maxAttempts, retryDelaySeconds, ringTimeoutSeconds, callerId,
                siteId, planningId, trunkId, defaultRegion, legalPreset, dialingMode, previewTimeoutSeconds,
                abandonTargetPercent, maxLinesPerAgent, amdMode, retryBusySeconds, retryNoAnswerSeconds,
                retryMachineSeconds, retryCongestionSeconds, personalCallbacks, callbackGraceSeconds,
                wrapUpTimeoutSeconds, pauseAfterWrapUpTimeout, agentGroupIds, null);
    }

    /** The schema's defaults (progressive, FR, 3 attempts 10 min apart, 25 s ring, 120 s wrap-up) with a name. */
    public static CampaignEdit defaults(String name) {
        return new CampaignEdit(name, null, null, 3, 600, 25, null, null, null, null, "FR", "FR",
                DialingMode.PROGRESSIVE, 30, 2.5, 3, AmdMode.OFF, null, null, null, null, true, 900, 120, false,
                Set.of());
    }

    public CampaignEdit withName(String newName) {
        return with(newName, agentGroupIds, amdFalsePositivePercent);
    }

    /** This edit with another measured AMD false-positive rate (null: the dialer's default). */
    public CampaignEdit withAmdFalsePositivePercent(Double percent) {
        return with(name, agentGroupIds, percent);
    }

    /** This edit with other agent groups. */
    public CampaignEdit withAgentGroups(Set<Long> groups) {
        return with(name, groups, amdFalsePositivePercent);
    }

    private CampaignEdit with(String newName, Set<Long> groups, Double percent) {
        return new CampaignEdit(newName, description, qualificationGroupId, maxAttempts, retryDelaySeconds,
                ringTimeoutSeconds, callerId, siteId, planningId, trunkId, defaultRegion, legalPreset, dialingMode,
                previewTimeoutSeconds, abandonTargetPercent, maxLinesPerAgent, amdMode, retryBusySeconds,
                retryNoAnswerSeconds, retryMachineSeconds, retryCongestionSeconds, personalCallbacks,
                callbackGraceSeconds, wrapUpTimeoutSeconds, pauseAfterWrapUpTimeout, groups, percent);
    }
}
