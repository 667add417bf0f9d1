package com.evscallpro.db.site;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

public interface SiteRepository extends ListCrudRepository<Site, Long> {

    List<Site> findAllByOrderByName();

    Optional<Site> findByCode(String code);
}
