package com.evscallpro.db.agent;

import java.util.List;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

public interface PauseReasonRepository extends Repository<PauseReasonRow, String> {

    List<PauseReasonRow> findAllByOrderByPositionAscCodeAsc();

    /** The reasons of these codes (a page of the back office's lazy grid). */
    List<PauseReasonRow> findByCodeIn(java.util.Collection<String> codes);

    /** Creates the reason or replaces its labels, position and active flag (the code is the key). */
    @Modifying
    @Query("""
            INSERT INTO pause_reason (code, label_fr, label_en, position, active)
            VALUES (:code, :labelFr, :labelEn, :position, :active)
            ON CONFLICT (code) DO UPDATE SET label_fr = EXCLUDED.label_fr, label_en = EXCLUDED.label_en,
                position = EXCLUDED.position, active = EXCLUDED.active
            """)
    int upsert(String code, String labelFr, String labelEn, int position, boolean active);
}
