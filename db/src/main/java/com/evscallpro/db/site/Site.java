package com.evscallpro.db.site;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A site (V17): a place with its own PBX, in one PBX mode ({@code ASTERISK_AMI} or {@code YEASTAR_API}).
 *
 * @param code     a short stable name ({@code [a-z0-9][a-z0-9_-]*}), e.g. {@code main}
 * @param timeZone an IANA zone id, the site's local time
 */
@Table("site")
public record Site(@Id Long id, String code, String name, String timeZone, String pbxMode, boolean enabled,
                   @Version int version, Instant createdAt, Instant updatedAt) {
}
