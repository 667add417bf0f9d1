package com.evscallpro.core.contact;

/**
 * Published (Spring application event) when contacts were imported into a campaign, inside the import's
 * transaction: listen with {@code @TransactionalEventListener} to act once it is committed.
 */
public record ContactsImported(long campaignId, int imported, int rejected) {
}
