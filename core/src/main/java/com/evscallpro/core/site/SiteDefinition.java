package com.evscallpro.core.site;

import java.util.List;

/**
 * What an administrator edits for a site. {@code amiServers} is used in {@link PbxMode#ASTERISK_AMI} (in order: the
 * first is where originates go by default), {@code yeastar} in {@link PbxMode#YEASTAR_API}; the other is dropped.
 *
 * @param code     {@code [a-z0-9][a-z0-9_-]{0,39}}, unique
 * @param timeZone an IANA zone id
 */
public record SiteDefinition(String code, String name, String timeZone, PbxMode pbxMode, boolean enabled,
                             List<AmiServerSettings> amiServers, YeastarConnection yeastar) {

    public SiteDefinition {
        amiServers = amiServers == null ? List.of() : List.copyOf(amiServers);
    }

    /** An enabled Asterisk site with these servers, in Europe/Paris. */
    public static SiteDefinition asterisk(String code, String name, List<AmiServerSettings> servers) {
        return new SiteDefinition(code, name, "Europe/Paris", PbxMode.ASTERISK_AMI, true, servers, null);
    }
}
