package com.evscallpro.db.qualification;

import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

public interface QualificationGroupRepository extends ListCrudRepository<QualificationGroup, Long> {

    Optional<QualificationGroup> findByName(String name);
}
