package com.evscallpro.db.flow;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

public interface FlowRepository extends ListCrudRepository<FlowRow, Long> {

    List<FlowRow> findAllByOrderByName();

    Optional<FlowRow> findByProcessId(String processId);

    Optional<FlowRow> findByName(String name);
}
