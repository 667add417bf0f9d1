package com.evscallpro.db.flow;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface FlowVersionRepository extends ListCrudRepository<FlowVersionRow, Long> {

    /** A flow's versions, newest first. */
    List<FlowVersionRow> findByFlowIdOrderByNumberDesc(long flowId);

    Optional<FlowVersionRow> findByFlowIdAndStatus(long flowId, String status);

    List<FlowVersionRow> findByStatus(String status);

    @Query("SELECT COALESCE(max(number), 0) FROM flow_version WHERE flow_id = :flowId")
    int lastNumber(long flowId);

    /** Serialises the changes of one flow's versions (publish, draft) across transactions and nodes. */
    @Query("SELECT id FROM flow WHERE id = :flowId FOR UPDATE")
    Optional<Long> lockFlow(long flowId);

    /** Serialises the import of the shipped flows across nodes starting together (until the transaction ends). */
    @Query("SELECT 1 FROM (SELECT pg_advisory_xact_lock(7301001)) l")
    int lockShippedImport();

    @Modifying
    @Query("UPDATE flow_version SET status = 'RETIRED' WHERE flow_id = :flowId AND status = 'PUBLISHED'")
    int retirePublished(long flowId);
}
