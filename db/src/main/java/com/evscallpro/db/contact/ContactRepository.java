package com.evscallpro.db.contact;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface ContactRepository extends ListCrudRepository<Contact, Long>, ContactBatchInsert, ContactBulkLoad,
        ContactListing {

    /**
     * Atomically claims up to {@code limit} due contacts of a campaign for dialing: status NEW, RETRY or CALLBACK
     * and {@code next_attempt_at} null or past, oldest first (never-tried first, then by id). Rows locked by a
     * concurrent claimer are skipped ({@code FOR UPDATE SKIP LOCKED}), so two claimers never get the same contact.
     * The claimed rows become IN_PROGRESS with {@code attempts + 1}. Served by {@code contact_dialable_idx}.
     * The result is in no particular order.
     */
    @Query("""
            UPDATE contact c
            SET status = 'IN_PROGRESS', attempts = c.attempts + 1, updated_at = now()
            FROM (SELECT id FROM contact
                  WHERE campaign_id = :campaignId
                    AND status IN ('NEW', 'RETRY', 'CALLBACK')
                    AND (next_attempt_at IS NULL OR next_attempt_at <= now())
                  ORDER BY next_attempt_at NULLS FIRST, id
                  LIMIT :limit
                  FOR UPDATE SKIP LOCKED) due
            WHERE c.id = due.id
            RETURNING c.*
            """)
    List<Contact> claimDue(long campaignId, int limit);

    @Modifying
    @Query("""
            UPDATE contact SET last_outcome = :outcome,
                               last_qualification_code = COALESCE(:qualificationCode, last_qualification_code),
                               updated_at = now()
            WHERE id = :id
            """)
    int recordOutcome(long id, String outcome, String qualificationCode);

    /** Moves a contact to RETRY or CALLBACK (or any status) with its next attempt time. */
    @Modifying
    @Query("""
            UPDATE contact SET status = :status, next_attempt_at = :nextAttemptAt, updated_at = now()
            WHERE id = :id
            """)
    int schedule(long id, String status, Instant nextAttemptAt);

    /** → RETRY, due {@code delaySeconds} after the database's now. */
    @Modifying
    @Query("""
            UPDATE contact SET status = 'RETRY', next_attempt_at = now() + make_interval(secs => :delaySeconds),
                               updated_at = now()
            WHERE id = :id
            """)
    int scheduleRetryIn(long id, double delaySeconds);

    /**
     * An attempt that could not be placed (technical failure): IN_PROGRESS → RETRY due after {@code delaySeconds},
     * giving the attempt back ({@code attempts - 1}), so it counts toward no attempt limit. No-op (0) for a contact
     * that is no longer IN_PROGRESS (a retried job).
     */
    @Modifying
    @Query("""
            UPDATE contact SET status = 'RETRY', attempts = GREATEST(attempts - 1, 0),
                               next_attempt_at = now() + make_interval(secs => :delaySeconds), updated_at = now()
            WHERE id = :id AND status = 'IN_PROGRESS'
            """)
    int requeueWithoutAttempt(long id, double delaySeconds);

    @Modifying
    @Query("UPDATE contact SET status = 'DONE', next_attempt_at = NULL, updated_at = now() WHERE id = :id")
    int close(long id);

    /** IN_PROGRESS → RETRY due now, for every contact (start-up recovery after the engine lost its instances). */
    @Modifying
    @Query("""
            UPDATE contact SET status = 'RETRY', next_attempt_at = now(), updated_at = now()
            WHERE status = 'IN_PROGRESS'
            """)
    int releaseInterrupted();

    @Query("""
            SELECT * FROM contact WHERE campaign_id = :campaignId ORDER BY id LIMIT :limit OFFSET :offset
            """)
    List<Contact> findPage(long campaignId, int offset, int limit);

    @Query("""
            SELECT * FROM contact WHERE campaign_id = :campaignId ORDER BY id DESC LIMIT :limit OFFSET :offset
            """)
    List<Contact> findPageDesc(long campaignId, int offset, int limit);

    /** Keyset page by id ascending after {@code afterId} ({@code contact_campaign_id_idx}): deep pages cost as the first. */
    @Query("SELECT * FROM contact WHERE campaign_id = :campaignId AND id > :afterId ORDER BY id LIMIT :limit")
    List<Contact> findPageAfter(long campaignId, long afterId, int limit);

    /** Keyset page by id descending, before {@code beforeId} (the same index scanned backwards). */
    @Query("SELECT * FROM contact WHERE campaign_id = :campaignId AND id < :beforeId ORDER BY id DESC LIMIT :limit")
    List<Contact> findPageBefore(long campaignId, long beforeId, int limit);

    /** The campaign's contact count, counted no further than {@code cap} (an index-only scan of at most cap rows). */
    @Query("SELECT count(*) FROM (SELECT 1 FROM contact WHERE campaign_id = :campaignId LIMIT :cap) c")
    long countUpTo(long campaignId, long cap);

    long countByCampaignId(long campaignId);

    long countByCampaignIdAndStatus(long campaignId, ContactStatus status);
}
