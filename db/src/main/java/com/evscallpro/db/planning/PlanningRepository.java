package com.evscallpro.db.planning;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

public interface PlanningRepository extends ListCrudRepository<Planning, Long> {

    List<Planning> findAllByOrderByName();

    Optional<Planning> findByName(String name);
}
