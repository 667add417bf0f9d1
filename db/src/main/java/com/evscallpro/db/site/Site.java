package com.evscallpro.db.site;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A site (V17): a place with its own PBX, in one PBX mode ({@code ASTERISK_AMI} or {@code YEASTAR_API}), with its
 * connection settings (V18): its AMI servers in order, or its Yeastar Open API settings. Secrets are sealed.
 *
 * @param code     a short stable name ({@code [a-z0-9][a-z0-9_-]*}), e.g. {@code main}
 * @param timeZone an IANA zone id, the site's local time
 */
@Table("site")
public record Site(@Id Long id, String code, String name, String timeZone, String pbxMode, boolean enabled,
                   @Version int version, Instant createdAt, Instant updatedAt,
                   @MappedCollection(idColumn = "site_id", keyColumn = "position") List<SiteAmiServer> amiServers,
                   String yeastarBaseUrl, String yeastarClientId, String yeastarClientSecret, String yeastarDialMode,
                   Boolean yeastarAutoAnswer, String yeastarDialPermission) {

    @PersistenceCreator
    public Site {
        amiServers = amiServers == null ? List.of() : List.copyOf(amiServers);
    }

    /** A site without connection settings (the V17 shape). */
    public Site(Long id, String code, String name, String timeZone, String pbxMode, boolean enabled, int version,
                Instant createdAt, Instant updatedAt) {
        this(id, code, name, timeZone, pbxMode, enabled, version, createdAt, updatedAt, List.of(), null, null, null,
                null, null, null);
    }

    /** Whether a connection is configured (an AMI server, or a Yeastar base URL). */
    public boolean hasConnection() {
        return !amiServers.isEmpty() || yeastarBaseUrl != null;
    }

    @Override
    public String toString() {
        return "Site[id=" + id + ", code=" + code + ", name=" + name + ", pbxMode=" + pbxMode + ", enabled=" + enabled
                + ", version=" + version + ", amiServers=" + amiServers + ", yeastarBaseUrl=" + yeastarBaseUrl
                + ", yeastarClientSecret=****]";
    }
}
