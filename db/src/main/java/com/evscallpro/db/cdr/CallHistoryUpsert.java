package com.evscallpro.db.cdr;

/** Idempotent write of a CDR (a repository fragment of {@link CallHistoryRepository}). */
public interface CallHistoryUpsert {

    /**
     * Inserts the record, or when a row with the same {@code callId} exists, completes it: every non-null field
     * of {@code record} replaces the stored one, null fields keep the stored value. Recording the same call twice
     * leaves one row.
     *
     * @return the row id
     */
    long upsert(CallHistory record);
}
