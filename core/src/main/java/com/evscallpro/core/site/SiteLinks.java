package com.evscallpro.core.site;

import java.util.Map;

/**
 * The live state of the sites' PBX connections, as the application's PBX router sees it now (implemented by the
 * application module; the screens read it).
 */
public interface SiteLinks {

    /**
     * Each connection of the site, by server id ({@code yeastar} for a Yeastar site), true while it is up; empty when
     * the site is not connected at all (disabled, no connection, unknown).
     */
    Map<String, Boolean> states(String siteCode);
}
