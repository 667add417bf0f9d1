package com.evscallpro.db.pbxconfig;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

public interface SipTrunkRepository extends ListCrudRepository<SipTrunk, Long> {

    /** Every trunk by name: the order of the generated file. */
    List<SipTrunk> findAllByOrderByName();

    Optional<SipTrunk> findByName(String name);
}
