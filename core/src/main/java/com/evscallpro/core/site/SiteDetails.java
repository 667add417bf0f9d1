package com.evscallpro.core.site;

import java.util.List;

/**
 * A stored site with its connection settings; its secrets are null (with their {@code *Set} flags) except in
 * {@link SiteService#connection(long)}. {@code version} is what an update or a delete must name (optimistic locking).
 */
public record SiteDetails(long id, String code, String name, String timeZone, PbxMode pbxMode, boolean enabled,
                          int version, List<AmiServerSettings> amiServers, YeastarConnection yeastar) {

    public SiteDetails {
        amiServers = List.copyOf(amiServers);
    }

    /** This site as an edit, its secrets left unchanged. */
    public SiteDefinition toDefinition() {
        return new SiteDefinition(code, name, timeZone, pbxMode, enabled,
                amiServers.stream().map(s -> s.withSecret(null, s.secretSet())).toList(),
                yeastar == null ? null : yeastar.withSecret(null, yeastar.clientSecretSet()));
    }

    /** Whether a connection is configured: an AMI server, or a Yeastar base URL. */
    public boolean hasConnection() {
        return pbxMode == PbxMode.ASTERISK_AMI ? !amiServers.isEmpty() : yeastar != null && yeastar.baseUrl() != null;
    }
}
