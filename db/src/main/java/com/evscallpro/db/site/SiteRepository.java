package com.evscallpro.db.site;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

public interface SiteRepository extends ListCrudRepository<Site, Long> {

    List<Site> findAllByOrderByName();

    Optional<Site> findByCode(String code);

    @Query("SELECT count(*) FROM app_user WHERE site_id = :siteId")
    long countUsers(@Param("siteId") long siteId);

    @Query("SELECT site_id FROM app_user WHERE extension = :extension AND site_id IS NOT NULL LIMIT 1")
    Optional<Long> findSiteIdOfExtension(@Param("extension") String extension);

    @Query("SELECT count(*) FROM sip_trunk WHERE site_id = :siteId")
    long countTrunks(@Param("siteId") long siteId);
}
