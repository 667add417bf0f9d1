package com.evscallpro.db.campaign;

/** A campaign with its contact counts: total, still to call (NEW, RETRY, CALLBACK) and DONE. */
public record CampaignCounts(long id, String name, String status, int maxAttempts, long contactsTotal,
                             long contactsToCall, long contactsDone) {
}
