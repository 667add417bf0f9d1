package com.evscallpro.core.site;

/**
 * Published (after the transaction commits, to {@code @TransactionalEventListener}s) whenever a site was created,
 * changed or deleted: the PBX router reconnects that site, and only it.
 */
public record SiteChanged(long siteId, String code, boolean deleted) {
}
