package com.evscallpro.db.pbxconfig;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

public interface DidNumberRepository extends ListCrudRepository<DidNumber, Long> {

    /** Every DID by number: the order of the generated dialplan. */
    List<DidNumber> findAllByOrderByNumber();

    Optional<DidNumber> findByNumber(String number);

    /** A trunk's DIDs ({@code did_trunk_idx}). */
    List<DidNumber> findByTrunkIdOrderByNumber(long trunkId);

    long countByTrunkId(long trunkId);
}
