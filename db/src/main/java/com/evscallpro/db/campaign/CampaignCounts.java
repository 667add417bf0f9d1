package com.evscallpro.db.campaign;

import java.time.Instant;

/**
 * A campaign with its contact counts: total, still to call (NEW, RETRY, CALLBACK), DONE, IN_PROGRESS, those due now,
 * the retries and callbacks due later and the earliest time one of them is due (null when none).
 */
public record CampaignCounts(long id, String name, String status, int maxAttempts, long contactsTotal,
                             long contactsToCall, long contactsDone, long contactsInProgress, long contactsDueNow,
                             long retriesLater, long callbacksLater, Instant nextAttemptAt) {
}
