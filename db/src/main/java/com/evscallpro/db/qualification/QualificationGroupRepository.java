package com.evscallpro.db.qualification;

import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

public interface QualificationGroupRepository extends ListCrudRepository<QualificationGroup, Long> {

    Optional<QualificationGroup> findByName(String name);

    java.util.List<QualificationGroup> findAllByOrderByName();

    /** How many campaigns use the group. */
    @org.springframework.data.jdbc.repository.query.Query(
            "SELECT count(*) FROM campaign WHERE qualification_group_id = :groupId")
    int campaignsUsing(long groupId);
}
