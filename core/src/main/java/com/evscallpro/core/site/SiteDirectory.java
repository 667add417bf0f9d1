package com.evscallpro.core.site;

import java.util.List;
import java.util.Optional;

/** The sites, read-only: what the other features (users, trunks, supervision filters) pick from and show. */
public interface SiteDirectory {

    /** Every site, by name. */
    List<SiteRef> sites();

    Optional<SiteRef> find(long id);
}
