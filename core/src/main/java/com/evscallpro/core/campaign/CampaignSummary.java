package com.evscallpro.core.campaign;

import java.time.Instant;

/**
 * A campaign as listed in the back office, with what it waits for when nothing is due now.
 *
 * @param contactsToCall     NEW, RETRY and CALLBACK contacts (due now or later)
 * @param contactsInProgress contacts being called now
 * @param contactsDueNow     contacts the dialer may call now
 * @param retriesLater       RETRY contacts due later
 * @param callbacksLater     CALLBACK contacts due later
 * @param nextAttemptAt      the earliest time a retry or a callback is due, null when none waits
 */
public record CampaignSummary(long id, String name, CampaignStatus status, int maxAttempts, long contactsTotal,
                              long contactsToCall, long contactsDone, long contactsInProgress, long contactsDueNow,
                              long retriesLater, long callbacksLater, Instant nextAttemptAt) {

    /** Every contact is final (DONE): nothing more to call. */
    public boolean allContactsFinal() {
        return contactsTotal > 0 && contactsDone == contactsTotal;
    }
}
