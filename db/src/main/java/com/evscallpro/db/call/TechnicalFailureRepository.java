package com.evscallpro.db.call;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface TechnicalFailureRepository extends ListCrudRepository<TechnicalFailure, Long> {

    /** Records a failure once per call id (a retried job changes nothing); true when this call inserted it. */
    @Modifying
    @Query("""
            INSERT INTO call_technical_failure (call_id, campaign_id, contact_id, agent_id, attempt, reason_code, reason,
                                                failed_at)
            VALUES (:callId, :campaignId, :contactId, :agentId, :attempt, :reasonCode, :reason, :failedAt)
            ON CONFLICT (call_id) DO NOTHING
            """)
    int insertOnce(String callId, Long campaignId, Long contactId, Long agentId, Integer attempt, String reasonCode,
                   String reason, Instant failedAt);

    /** A page of failures, newest first ({@code call_technical_failure_failed_idx}). */
    @Query("""
            SELECT * FROM call_technical_failure ORDER BY failed_at DESC, id DESC LIMIT :limit OFFSET :offset
            """)
    List<TechnicalFailure> findLatest(int offset, int limit);
}
