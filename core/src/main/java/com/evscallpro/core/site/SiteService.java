package com.evscallpro.core.site;

import java.util.List;
import java.util.Optional;

/**
 * Sites with their PBX connection settings, for administrators. Every change is validated (refusals are
 * {@link com.evscallpro.core.error.EvsException}s with a {@code site.*} code, nothing half-written), written to the
 * audit trail with its secrets masked, and announced by a {@link SiteChanged} event. Secrets are stored sealed and
 * never returned (see {@link AmiServerSettings}).
 */
public interface SiteService {

    /** Properties a list may be sorted on. */
    List<String> SORTS = List.of("code", "name", "timeZone", "pbxMode", "enabled");

    /** Sites whose code or name contains {@code filter} (null = all), sorted, one page. */
    List<SiteDetails> list(String filter, String sort, boolean ascending, int offset, int limit);

    int count(String filter);

    /** @throws com.evscallpro.core.error.EvsException {@code site.not-found} */
    SiteDetails get(long id);

    SiteDetails create(SiteDefinition site);

    /** @throws com.evscallpro.core.error.EvsException {@code site.version-mismatch} when {@code version} is stale */
    SiteDetails update(long id, int version, SiteDefinition site);

    /** Refused ({@code site.cannot-delete-in-use}: code, users, trunks) while users or trunks belong to the site. */
    void delete(long id, int version);

    /** The site's settings with its secrets opened: for the PBX router only, never for display. */
    Optional<SiteDetails> connection(long id);

    /** The site of the user whose phone is {@code extension} (where the PBX router sends their calls). */
    Optional<Long> siteOfExtension(String extension);

    /** Every site's id, for the PBX router at start. */
    List<Long> ids();

    /**
     * The bootstrap of the site 'main' from {@code evs.telephony.*}: while those properties are set they are main's
     * connection; when main's stored connection differs (none yet, or a changed port) it is replaced, as a system
     * change. Returns whether it changed.
     */
    boolean adoptMainConnection(PbxMode mode, List<AmiServerSettings> servers, YeastarConnection yeastar);
}
