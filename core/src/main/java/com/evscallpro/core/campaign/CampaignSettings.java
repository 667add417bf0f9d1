package com.evscallpro.core.campaign;

import java.time.Duration;
import java.util.Set;

/**
 * A campaign's settings, as the dialer, the calling rules, the contact import and the outbound-call process read
 * them (V3, V9, V30).
 *
 * @param wrapUpTimeout       how long an agent has to qualify a call once it ended; then it is NOT_QUALIFIED
 * @param pauseAfterWrapUpTimeout true: the agent whose wrap-up timed out is PAUSED (reason wrap-up-timeout), not READY
 * @param dialing             how it dials and paces
 * @param planningId          the planning bounding its calling hours; null: the legal preset's hours only
 * @param siteId              the site whose PBX places its calls; null: the default site
 * @param trunkId             the trunk its calls leave through; null: the site's default route
 * @param defaultRegion       ISO 3166 region for numbers without a country code
 * @param legalPreset         the calling-rules preset (FR by default)
 * @param retryDelays         the wait before a retry, per outcome
 * @param personalCallbacks   whether an agent's callback goes back to that agent first
 * @param callbackGrace       how long a personal callback waits for its agent before anyone may take it
 * @param agentGroupIds       the agent groups that take its calls; empty: every agent
 */
public record CampaignSettings(long id, String name, CampaignStatus status, int maxAttempts, int retryDelaySeconds,
                               int ringTimeoutSeconds, String callerId, long qualificationGroupId,
                               Duration wrapUpTimeout, boolean pauseAfterWrapUpTimeout, Dialing dialing,
                               Long planningId, Long siteId, Long trunkId, String defaultRegion, String legalPreset,
                               RetryDelays retryDelays, boolean personalCallbacks, Duration callbackGrace,
                               Set<Long> agentGroupIds) {

    public CampaignSettings {
        dialing = dialing == null ? Dialing.PROGRESSIVE_DEFAULTS : dialing;
        defaultRegion = defaultRegion == null ? "FR" : defaultRegion;
        legalPreset = legalPreset == null ? "FR" : legalPreset;
        retryDelays = retryDelays == null ? RetryDelays.uniform(retryDelaySeconds) : retryDelays;
        callbackGrace = callbackGrace == null ? Duration.ofMinutes(15) : callbackGrace;
        agentGroupIds = agentGroupIds == null ? Set.of() : Set.copyOf(agentGroupIds);
    }

    /** The settings of a campaign as it was before V30 (progressive, FR, no groups): tests and older callers. */
    public CampaignSettings(long id, String name, CampaignStatus status, int maxAttempts, int retryDelaySeconds,
                            int ringTimeoutSeconds, String callerId, long qualificationGroupId, Duration wrapUpTimeout,
                            boolean pauseAfterWrapUpTimeout) {
        this(id, name, status, maxAttempts, retryDelaySeconds, ringTimeoutSeconds, callerId, qualificationGroupId,
                wrapUpTimeout, pauseAfterWrapUpTimeout, null, null, null, null, null, null, null, true, null, null);
    }

    /** Whether an agent of these groups takes this campaign's calls (a campaign with no group: everyone). */
    public boolean takenBy(Set<Long> agentGroups) {
        if (agentGroupIds.isEmpty()) {
            return true;
        }
        for (Long g : agentGroups) {
            if (agentGroupIds.contains(g)) {
                return true;
            }
        }
        return false;
    }

    /**
     * How the campaign dials.
     *
     * @param mode                 preview, progressive or predictive
     * @param previewTimeout       how long an agent may look at a previewed contact before it is dialled or skipped
     * @param abandonTargetPercent the predictive set-point for the day's abandon rate (law: at most 3)
     * @param maxLinesPerAgent     the predictive ceiling of lines per available agent
     * @param amd                  answering-machine handling
     * @param amdFalsePositivePercent the share of AMD's MACHINE verdicts counted as live persons hung up on
     *                             (abandons), measured for this campaign; null: the dialer's default
     */
    public record Dialing(DialingMode mode, Duration previewTimeout, double abandonTargetPercent,
                          double maxLinesPerAgent, AmdMode amd, Double amdFalsePositivePercent) {

        public Dialing(DialingMode mode, Duration previewTimeout, double abandonTargetPercent,
                       double maxLinesPerAgent, AmdMode amd) {
            this(mode, previewTimeout, abandonTargetPercent, maxLinesPerAgent, amd, null);
        }

        public static final Dialing PROGRESSIVE_DEFAULTS =
                new Dialing(DialingMode.PROGRESSIVE, Duration.ofSeconds(30), 2.5, 3, AmdMode.OFF);
    }
}
