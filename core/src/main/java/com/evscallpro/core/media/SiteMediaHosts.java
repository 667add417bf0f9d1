package com.evscallpro.core.media;

import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.site.AmiServerSettings;
import com.evscallpro.core.site.PbxMode;
import com.evscallpro.core.site.SiteDetails;
import com.evscallpro.core.site.SiteService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The media hosts from the sites (read at each call, so a new server counts at once) and {@code evs.media.*}: an
 * Asterisk server listed in {@code evs.media.hosts} uses its directory, any other {@code <root>/<site>/<server>}. An
 * Asterisk site without a stored server has one host, {@code asterisk}.
 */
@Component
@EnableConfigurationProperties(MediaSettings.class)
class SiteMediaHosts implements MediaHosts {

    static final String DEFAULT_SERVER = "asterisk";

    private final SiteService sites;
    private final MediaSettings settings;

    SiteMediaHosts(SiteService sites, MediaSettings settings) {
        this.sites = sites;
        this.settings = settings;
    }

    @Override
    public List<MediaHost> hosts() {
        List<MediaHost> asterisk = new ArrayList<>();
        List<MediaHost> yeastar = new ArrayList<>();
        for (SiteDetails site : sites.list(null, "code", true, 0, 10_000)) {
            if (!site.enabled()) {
                continue;
            }
            if (site.pbxMode() == PbxMode.ASTERISK_AMI) {
                serverIds(site).forEach(id -> asterisk.add(host(site, id)));
            } else {
                yeastar.add(new MediaHost(site.id(), site.code(), site.name(), "", false, null, null));
            }
        }
        asterisk.sort(Comparator.comparing(MediaHost::siteCode).thenComparing(MediaHost::serverId));
        asterisk.addAll(yeastar);
        return asterisk;
    }

    @Override
    public MediaHost host(long siteId, String serverId) {
        SiteDetails site = sites.get(siteId);
        if (site.pbxMode() != PbxMode.ASTERISK_AMI) {
            throw new EvsException("media.not-asterisk", site.code());
        }
        List<String> ids = serverIds(site);
        String id = serverId == null || serverId.isBlank() ? ids.getFirst() : serverId.strip();
        if (!ids.contains(id)) {
            throw new EvsException("media.unknown-server", site.code(), id);
        }
        return host(site, id);
    }

    private static List<String> serverIds(SiteDetails site) {
        List<String> ids = site.amiServers().stream().map(AmiServerSettings::serverId).toList();
        return ids.isEmpty() ? List.of(DEFAULT_SERVER) : ids;
    }

    private MediaHost host(SiteDetails site, String serverId) {
        MediaSettings.Host configured = settings.hosts().stream()
                .filter(h -> site.code().equals(h.site()) && serverId.equals(h.server())).findFirst().orElse(null);
        Path dir = configured != null && configured.dir() != null ? configured.dir()
                : settings.root().resolve(site.code()).resolve(serverId);
        String soundsDir = configured != null && configured.asteriskSoundsDir() != null
                ? configured.asteriskSoundsDir() : settings.asteriskSoundsDir();
        return new MediaHost(site.id(), site.code(), site.name(), serverId, true, new FileSystemMediaTransfer(dir),
                soundsDir);
    }
}
