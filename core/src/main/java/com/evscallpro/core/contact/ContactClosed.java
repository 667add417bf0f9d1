package com.evscallpro.core.contact;

/**
 * Published (Spring application event) when a contact is closed (DONE: no more calls), inside the transaction:
 * listen with {@code @TransactionalEventListener} to act once it is committed.
 */
public record ContactClosed(long contactId) {
}
