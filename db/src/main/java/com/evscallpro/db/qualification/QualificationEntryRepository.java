package com.evscallpro.db.qualification;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

public interface QualificationEntryRepository extends ListCrudRepository<QualificationEntry, Long> {

    List<QualificationEntry> findByGroupIdOrderByPositionAscCodeAsc(long groupId);

    Optional<QualificationEntry> findByGroupIdAndCode(long groupId, String code);

    @org.springframework.data.jdbc.repository.query.Modifying
    @org.springframework.data.jdbc.repository.query.Query("DELETE FROM qualification WHERE group_id = :groupId")
    void deleteByGroupId(long groupId);
}
