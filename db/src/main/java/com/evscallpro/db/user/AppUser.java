package com.evscallpro.db.user;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A user account. {@code role} is ADMIN, SUPERVISOR or AGENT (checked by the database);
 * {@code extension} is the agent's phone extension, unique when set.
 */
@Table("app_user")
public record AppUser(@Id Long id, String username, String passwordHash, String displayName, String role,
                      String extension, String locale, boolean enabled, Instant createdAt) {

    public static AppUser create(String username, String passwordHash, String displayName, String role,
                                 String extension, String locale) {
        return new AppUser(null, username, passwordHash, displayName, role, extension,
                locale == null ? "fr" : locale, true, Instant.now());
    }
}
