package com.evscallpro.core.media;

import java.util.List;

/** The PBX servers of every site, as media destinations. */
public interface MediaHosts {

    /** Every Asterisk server of every enabled site, then every Yeastar site; by site code and server id. */
    List<MediaHost> hosts();

    /**
     * One Asterisk server of a site.
     *
     * @param serverId null or blank: the site's first server
     * @throws com.evscallpro.core.error.EvsException {@code site.not-found} (id); {@code media.not-asterisk} (site code)
     *                                                for a Yeastar site; {@code media.unknown-server} (site, server)
     */
    MediaHost host(long siteId, String serverId);
}
