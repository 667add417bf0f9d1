package com.evscallpro.db.user;

import java.time.Instant;

/**
 * A user as the back office lists and edits it (never the password hash).
 *
 * @param lockedUntil the end of a temporary sign-in lock-out, or null
 * @param groupNames  the names of the user's agent groups, comma-separated by name, or null
 */
public record UserAdminRow(long id, String username, String displayName, String role, Long siteId, String siteName,
                           String extension, String locale, boolean enabled, Instant lockedUntil,
                           Instant lastLoginAt, boolean mustChangePassword, String groupNames, int version) {
}
