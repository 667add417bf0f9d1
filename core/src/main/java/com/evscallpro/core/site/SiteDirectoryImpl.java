package com.evscallpro.core.site;

import com.evscallpro.db.site.Site;
import com.evscallpro.db.site.SiteRepository;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class SiteDirectoryImpl implements SiteDirectory {

    private final SiteRepository sites;

    SiteDirectoryImpl(SiteRepository sites) {
        this.sites = sites;
    }

    @Override
    public List<SiteRef> sites() {
        return sites.findAllByOrderByName().stream().map(SiteDirectoryImpl::ref).toList();
    }

    @Override
    public Optional<SiteRef> find(long id) {
        return sites.findById(id).map(SiteDirectoryImpl::ref);
    }

    static SiteRef ref(Site s) {
        return new SiteRef(s.id(), s.code(), s.name(), s.timeZone(), s.pbxMode(), s.enabled());
    }
}
