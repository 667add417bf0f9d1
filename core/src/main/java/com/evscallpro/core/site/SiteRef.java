package com.evscallpro.core.site;

/** What other features need to know of a site: to show it, to pick it, to filter by it. */
public record SiteRef(long id, String code, String name, String timeZone, String pbxMode, boolean enabled) {
}
