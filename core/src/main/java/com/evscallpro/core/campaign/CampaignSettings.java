package com.evscallpro.core.campaign;

/**
 * A campaign's settings, as the dialer and the outbound-call process read them.
 *
 * @param wrapUpTimeout       how long an agent has to qualify a call once it ended; then it is NOT_QUALIFIED
 * @param pauseAfterWrapUpTimeout true: the agent whose wrap-up timed out is PAUSED (reason wrap-up-timeout), not READY
 */
public record CampaignSettings(long id, String name, CampaignStatus status, int maxAttempts, int retryDelaySeconds,
                               int ringTimeoutSeconds, String callerId, long qualificationGroupId,
                               java.time.Duration wrapUpTimeout, boolean pauseAfterWrapUpTimeout) {
}
