package com.evscallpro.core.campaign;

/**
 * A campaign to create. Defaults of the schema: maxAttempts 3, retryDelaySeconds 600, ringTimeoutSeconds 25
 * ({@link #withDefaults(String)}).
 *
 * @param callerId the number presented to customers (E.164), may be null (the trunk's default)
 */
public record NewCampaign(String name, int maxAttempts, int retryDelaySeconds, int ringTimeoutSeconds,
                          String callerId) {

    public static NewCampaign withDefaults(String name) {
        return new NewCampaign(name, 3, 600, 25, null);
    }
}
