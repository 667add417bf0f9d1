package com.evscallpro.db.cdr;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface CallHistoryRepository extends ListCrudRepository<CallHistory, Long>, CallHistoryUpsert {

    Optional<CallHistory> findByCallId(String callId);

    /** A contact's calls, newest first ({@code call_history_contact_idx}). */
    @Query("SELECT * FROM call_history WHERE contact_id = :contactId ORDER BY started_at DESC, id DESC")
    List<CallHistory> findByContact(long contactId);

    /** A page of a campaign's calls, newest first ({@code call_history_campaign_started_idx}). */
    @Query("""
            SELECT * FROM call_history WHERE campaign_id = :campaignId
            ORDER BY started_at DESC, id DESC LIMIT :limit OFFSET :offset
            """)
    List<CallHistory> findByCampaign(long campaignId, int offset, int limit);

    /** A page of an agent's calls, newest first ({@code call_history_agent_started_idx}). */
    @Query("""
            SELECT * FROM call_history WHERE agent_id = :agentId
            ORDER BY started_at DESC, id DESC LIMIT :limit OFFSET :offset
            """)
    List<CallHistory> findByAgent(long agentId, int offset, int limit);

    /** A page of all calls, newest first ({@code call_history_started_idx}). */
    @Query("SELECT * FROM call_history ORDER BY started_at DESC, id DESC LIMIT :limit OFFSET :offset")
    List<CallHistory> findLatest(int offset, int limit);

    /** Keyset: all calls older than (startedAt, id), newest first ({@code call_history_started_idx}). */
    @Query("""
            SELECT * FROM call_history WHERE (started_at, id) < (:startedAt, :id)
            ORDER BY started_at DESC, id DESC LIMIT :limit
            """)
    List<CallHistory> findLatestBefore(java.time.Instant startedAt, long id, int limit);

    /** Keyset: a campaign's calls older than (startedAt, id) ({@code call_history_campaign_started_idx}). */
    @Query("""
            SELECT * FROM call_history WHERE campaign_id = :campaignId AND (started_at, id) < (:startedAt, :id)
            ORDER BY started_at DESC, id DESC LIMIT :limit
            """)
    List<CallHistory> findByCampaignBefore(long campaignId, java.time.Instant startedAt, long id, int limit);

    /** Keyset: an agent's calls older than (startedAt, id) ({@code call_history_agent_started_idx}). */
    @Query("""
            SELECT * FROM call_history WHERE agent_id = :agentId AND (started_at, id) < (:startedAt, :id)
            ORDER BY started_at DESC, id DESC LIMIT :limit
            """)
    List<CallHistory> findByAgentBefore(long agentId, java.time.Instant startedAt, long id, int limit);

    /**
     * Flags a MACHINE attempt as counted for a live person hung up on (an AMD false positive). Rows of another
     * outcome are left alone.
     *
     * @return 1 when the row was flagged now, 0 when absent, already flagged, or not a MACHINE attempt
     */
    @Modifying
    @Query("UPDATE call_history SET amd_false_positive = true WHERE call_id = :callId AND outcome = 'MACHINE' "
            + "AND NOT amd_false_positive")
    int flagAmdFalsePositive(String callId);
}
