package com.evscallpro.db.contact;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface ContactRepository extends ListCrudRepository<Contact, Long>, ContactBatchInsert, ContactBulkLoad,
        ContactListing {

    /** Whether a contact of the campaign has this number (served by {@code contact_campaign_phone_uk}). */
    boolean existsByCampaignIdAndPhoneE164(long campaignId, String phoneE164);

    /**
     * Atomically claims up to {@code limit} due contacts of a campaign for dialing: status NEW, RETRY or CALLBACK
     * and {@code next_attempt_at} null or past, oldest first (never-tried first, then by id). Rows locked by a
     * concurrent claimer are skipped ({@code FOR UPDATE SKIP LOCKED}), so two claimers never get the same contact.
     * The claimed rows become IN_PROGRESS with {@code attempts + 1}. Served by {@code contact_dialable_idx}.
     * The result is in no particular order.
     */
    @Query("""
            UPDATE contact c
            SET status = 'IN_PROGRESS', claimed_from = c.status, attempts = c.attempts + 1, updated_at = now()
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
     * An attempt that could not be placed (technical failure, refused by the calling rules, skipped in preview):
     * IN_PROGRESS → RETRY due after {@code delaySeconds}, or back to CALLBACK when it was claimed as a callback (its
     * agent kept), giving the attempt back ({@code attempts - 1}), so it counts toward no attempt limit. No-op (0)
     * for a contact that is no longer IN_PROGRESS (a retried job).
     */
    @Modifying
    @Query("""
            UPDATE contact SET status = CASE WHEN claimed_from = 'CALLBACK' THEN 'CALLBACK' ELSE 'RETRY' END,
                               attempts = GREATEST(attempts - 1, 0),
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

    // ---------------------------------------------------------------------------------------------------------------
    // Callbacks and the claim for one agent (issue 9, campaign editor and callbacks engineer): personal callbacks
    // (contact.callback_agent_id) go to their agent first, to anyone after the campaign's grace period.
    // ---------------------------------------------------------------------------------------------------------------

    /** Claims up to {@code limit} due CALLBACK contacts of a campaign that belong to {@code agentId}, oldest first. */
    @Query("""
            UPDATE contact c
            SET status = 'IN_PROGRESS', claimed_from = c.status, attempts = c.attempts + 1, updated_at = now()
            FROM (SELECT id FROM contact
                  WHERE campaign_id = :campaignId AND status = 'CALLBACK' AND callback_agent_id = :agentId
                    AND next_attempt_at <= now()
                  ORDER BY next_attempt_at, id
                  LIMIT :limit
                  FOR UPDATE SKIP LOCKED) due
            WHERE c.id = due.id
            RETURNING c.*
            """)
    List<Contact> claimPersonalCallbacks(long campaignId, long agentId, int limit);

    /**
     * The agents whose due personal callbacks of this campaign are still within the campaign's grace period (and
     * who still belong to one of its agent groups, when it has any): nobody else may take those yet.
     */
    @Query("""
            SELECT DISTINCT ct.callback_agent_id
            FROM contact ct JOIN campaign cp ON cp.id = ct.campaign_id
            WHERE ct.campaign_id = :campaignId AND ct.status = 'CALLBACK' AND ct.callback_agent_id IS NOT NULL
              AND cp.personal_callbacks
              AND ct.next_attempt_at <= now()
              AND ct.next_attempt_at + make_interval(secs => cp.callback_grace_seconds) > now()
              AND (NOT EXISTS (SELECT 1 FROM campaign_agent_group g WHERE g.campaign_id = cp.id)
                   OR EXISTS (SELECT 1 FROM campaign_agent_group g
                              JOIN agent_group_member m ON m.group_id = g.group_id
                              WHERE g.campaign_id = cp.id AND m.user_id = ct.callback_agent_id))
            """)
    List<Long> findAgentsHoldingCallbacks(long campaignId);

    /**
     * {@link #claimDue} leaving out the personal callbacks of {@code heldAgents} (never empty: pass -1 for none)
     * still within {@code graceSeconds} of being due.
     */
    @Query("""
            UPDATE contact c
            SET status = 'IN_PROGRESS', claimed_from = c.status, attempts = c.attempts + 1, updated_at = now()
            FROM (SELECT id FROM contact
                  WHERE campaign_id = :campaignId
                    AND status IN ('NEW', 'RETRY', 'CALLBACK')
                    AND (next_attempt_at IS NULL OR next_attempt_at <= now())
                    AND NOT (status = 'CALLBACK' AND callback_agent_id IS NOT NULL
                             AND callback_agent_id IN (:heldAgents)
                             AND next_attempt_at > now() - make_interval(secs => :graceSeconds))
                  ORDER BY next_attempt_at NULLS FIRST, id
                  LIMIT :limit
                  FOR UPDATE SKIP LOCKED) due
            WHERE c.id = due.id
            RETURNING c.*
            """)
    List<Contact> claimDueExcept(long campaignId, int limit, java.util.Collection<Long> heldAgents, int graceSeconds);

    @Query("SELECT callback_grace_seconds FROM campaign WHERE id = :campaignId")
    int callbackGraceSeconds(long campaignId);

    /** → CALLBACK at {@code at}, for {@code agentId} when the campaign keeps personal callbacks (else for anyone). */
    @Modifying
    @Query("""
            UPDATE contact SET status = 'CALLBACK', next_attempt_at = :at, updated_at = now(),
                   callback_agent_id = CASE WHEN (SELECT personal_callbacks FROM campaign WHERE id = contact.campaign_id)
                                            THEN CAST(:agentId AS bigint) END
            WHERE id = :id
            """)
    int scheduleCallbackFor(long id, Instant at, Long agentId);

    /** Waiting callbacks, soonest first, filtered by campaign, agent (null: any) and overdue only. */
    @Query("""
            SELECT ct.id AS contact_id, ct.campaign_id, cp.name AS campaign_name, ct.first_name, ct.last_name,
                   ct.phone_e164, ct.next_attempt_at AS due_at, ct.callback_agent_id AS agent_id,
                   u.username AS agent_username, u.display_name AS agent_name, ct.last_qualification_code
            FROM contact ct
            JOIN campaign cp ON cp.id = ct.campaign_id
            LEFT JOIN app_user u ON u.id = ct.callback_agent_id
            WHERE ct.status = 'CALLBACK'
              AND (CAST(:campaignId AS bigint) IS NULL OR ct.campaign_id = :campaignId)
              AND (CAST(:agentId AS bigint) IS NULL OR ct.callback_agent_id = :agentId)
              AND (NOT :overdueOnly OR ct.next_attempt_at <= now())
            ORDER BY ct.next_attempt_at, ct.id
            LIMIT :limit OFFSET :offset
            """)
    List<CallbackRow> findCallbacks(Long campaignId, Long agentId, boolean overdueOnly, int offset, int limit);

    @Query("""
            SELECT count(*) FROM contact ct
            WHERE ct.status = 'CALLBACK'
              AND (CAST(:campaignId AS bigint) IS NULL OR ct.campaign_id = :campaignId)
              AND (CAST(:agentId AS bigint) IS NULL OR ct.callback_agent_id = :agentId)
              AND (NOT :overdueOnly OR ct.next_attempt_at <= now())
            """)
    long countCallbacks(Long campaignId, Long agentId, boolean overdueOnly);

    /** A waiting callback to another agent, or to the campaign (null); 0 when the contact waits for no callback. */
    @Modifying
    @Query("""
            UPDATE contact SET callback_agent_id = CAST(:agentId AS bigint), updated_at = now()
            WHERE id = :id AND status = 'CALLBACK'
            """)
    int reassignCallback(long id, Long agentId);

    /** A waiting callback at another time; 0 when the contact waits for no callback. */
    @Modifying
    @Query("UPDATE contact SET next_attempt_at = :at, updated_at = now() WHERE id = :id AND status = 'CALLBACK'")
    int rescheduleCallback(long id, Instant at);

    /** The agent a contact's callback belongs to (null: anyone). */
    @Query("SELECT callback_agent_id FROM contact WHERE id = :id")
    Long findCallbackAgent(long id);
}
