package com.evscallpro.core.pbxconfig;

import com.evscallpro.db.PagedIds;
import com.evscallpro.db.pbxconfig.DidNumberRepository;
import com.evscallpro.db.pbxconfig.SipTrunk;
import com.evscallpro.db.pbxconfig.SipTrunkRepository;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The back office's pages of trunks and DIDs (the lazy grids of {@code /admin/pbx}): filtered, sorted and paged by
 * the database ({@link PagedIds}), optionally within one site. The changes stay with {@link PbxConfigService}.
 */
@Service
@Transactional(readOnly = true)
public class PbxConfigPages {

    /** The sort keys of {@link #trunks}: name (default), host. */
    public static final List<String> TRUNK_SORTS = List.of("name", "host");
    /** The sort keys of {@link #dids}: number (default), label, trunk. */
    public static final List<String> DID_SORTS = List.of("number", "label", "trunk");

    private static final PagedIds.Table TRUNKS = new PagedIds.Table("sip_trunk t", "t.id", List.of("t.name", "t.host"),
            Map.of("name", "t.name", "host", "t.host"), "name");
    private static final PagedIds.Table DIDS = new PagedIds.Table("did d JOIN sip_trunk t ON t.id = d.trunk_id",
            "d.id", List.of("d.number", "d.label", "t.name"),
            Map.of("number", "d.number", "label", "lower(d.label)", "trunk", "t.name"), "number");

    private final PagedIds paged;
    private final SipTrunkRepository trunks;
    private final DidNumberRepository dids;

    PbxConfigPages(PagedIds paged, SipTrunkRepository trunks, DidNumberRepository dids) {
        this.paged = paged;
        this.trunks = trunks;
        this.dids = dids;
    }

    /**
     * One page of the trunks whose name or host contains {@code text} (case-insensitive; null: all).
     *
     * @param siteId only this site's trunks; null: every site's
     * @param sort   one of {@link #TRUNK_SORTS}; null: name
     */
    public List<Trunk> trunks(Long siteId, String text, String sort, boolean descending, int offset, int limit) {
        List<Long> ids = paged.ids(trunkTable(siteId), Long.class, text, sort, descending, offset, limit);
        Map<Long, Trunk> found = new HashMap<>();
        trunks.findAllById(ids).forEach(t -> found.put(t.id(), PbxConfigServiceImpl.toTrunk(t)));
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    public long trunkCount(Long siteId, String text) {
        return paged.count(trunkTable(siteId), text);
    }

    /**
     * One page of the DIDs whose number, label or trunk name contains {@code text} (case-insensitive; null: all).
     *
     * @param siteId only the DIDs of this site's trunks; null: every site's
     * @param sort   one of {@link #DID_SORTS}; null: number
     */
    public List<Did> dids(Long siteId, String text, String sort, boolean descending, int offset, int limit) {
        List<Long> ids = paged.ids(didTable(siteId), Long.class, text, sort, descending, offset, limit);
        Map<Long, String> names = trunks.findAll().stream().collect(Collectors.toMap(SipTrunk::id, SipTrunk::name));
        Map<Long, Did> found = new HashMap<>();
        dids.findAllById(ids).forEach(d -> found.put(d.id(), PbxConfigServiceImpl.toDid(d, names)));
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    public long didCount(Long siteId, String text) {
        return paged.count(didTable(siteId), text);
    }

    private static PagedIds.Table trunkTable(Long siteId) {
        return siteId == null ? TRUNKS : TRUNKS.where("t.site_id = " + siteId.longValue());
    }

    private static PagedIds.Table didTable(Long siteId) {
        return siteId == null ? DIDS : DIDS.where("t.site_id = " + siteId.longValue());
    }
}
