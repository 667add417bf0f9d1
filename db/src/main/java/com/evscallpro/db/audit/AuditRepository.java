package com.evscallpro.db.audit;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

public interface AuditRepository extends Repository<AuditRow, Long> {

    @Modifying
    @Query("""
            INSERT INTO audit_log (at, actor_id, actor_name, source, action, entity, entity_id, summary, before, after)
            VALUES (:at, :actorId, :actorName, :source, :action, :entity, :entityId, :summary,
                    CAST(:beforeJson AS jsonb), CAST(:afterJson AS jsonb))
            """)
    int insert(Instant at, Long actorId, String actorName, String source, String action, String entity,
               String entityId, String summary, String beforeJson, String afterJson);

    /** Newest first; a null filter matches everything; {@code to} is exclusive. */
    @Query("""
            SELECT id, at, actor_id, actor_name, source, action, entity, entity_id, summary,
                   before::text AS before_json, after::text AS after_json
            FROM audit_log
            WHERE (CAST(:actor AS varchar) IS NULL OR actor_name = :actor)
              AND (CAST(:entity AS varchar) IS NULL OR entity = :entity)
              AND (CAST(:fromAt AS timestamptz) IS NULL OR at >= :fromAt)
              AND (CAST(:toAt AS timestamptz) IS NULL OR at < :toAt)
            ORDER BY at DESC, id DESC
            LIMIT :limit OFFSET :offset
            """)
    List<AuditRow> search(String actor, String entity, Instant fromAt, Instant toAt, int offset, int limit);

    @Query("SELECT DISTINCT entity FROM audit_log ORDER BY entity")
    List<String> entities();
}
