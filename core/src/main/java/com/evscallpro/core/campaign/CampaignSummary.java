package com.evscallpro.core.campaign;

/** A campaign as listed in the back office. */
public record CampaignSummary(long id, String name, String status, int maxAttempts, long contactsTotal,
                              long contactsToCall, long contactsDone) {
}
