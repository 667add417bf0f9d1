package com.evscallpro.db.contact;

import java.time.Instant;
import java.util.List;

/**
 * Streamed contact imports (a repository fragment of {@link ContactRepository}): rows are sent with PostgreSQL
 * {@code COPY}, straight into {@code contact} while the campaign had no contact, otherwise into a session-local
 * staging table then merged into {@code contact} in one set-based statement that skips phones already in the
 * campaign. Each {@link Session#load} is its own transaction: what was loaded stays when a later batch fails or the
 * import is cancelled.
 */
public interface ContactBulkLoad {

    /**
     * One validated contact. {@code phoneE164} must be E.164 and unique within one {@link Session#load} call;
     * {@code customFieldsJson} a JSON object of strings (null: {@code {}}).
     */
    record StagedContact(int line, String firstName, String lastName, String phoneE164, String customFieldsJson,
                         Instant consentAt, String consentSource, boolean existingContract) {
    }

    /** A staged row that was not inserted: its phone was already in the campaign. */
    record Skipped(int line, String phoneE164) {
    }

    /**
     * One import's connection and staging table; close it (it is not thread-safe: an import that stores batches at
     * once opens one session per batch in flight).
     */
    interface Session extends AutoCloseable {

        /** Stores one batch, committed, with ids reserved for it. @return the rows skipped, by line */
        List<Skipped> load(List<StagedContact> batch);

        /**
         * Reserves {@code count} contact ids, increasing (committed at once: a sequence). Batches stored on several
         * sessions at once keep ids in file order when each reserves its ids in file order.
         */
        long[] reserveIds(int count);

        /** {@link #load(List)} with the ids of {@link #reserveIds}, one per contact, in the batch's order. */
        List<Skipped> load(List<StagedContact> batch, long[] ids);

        /** Where the time went so far (COPY straight into the table, or staging and merge), for logs. */
        default String timings() {
            return "";
        }

        @Override
        void close();
    }

    /** Opens a bulk load into a campaign (holds one pooled connection until closed). */
    Session openBulkLoad(long campaignId);
}
