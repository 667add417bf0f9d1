package com.evscallpro.core.campaign;

/**
 * A campaign's settings, as the dialer and the outbound-call process read them.
 *
 * @param status DRAFT, RUNNING, PAUSED or FINISHED
 */
public record CampaignSettings(long id, String name, String status, int maxAttempts, int retryDelaySeconds,
                               int ringTimeoutSeconds, String callerId, long qualificationGroupId) {
}
