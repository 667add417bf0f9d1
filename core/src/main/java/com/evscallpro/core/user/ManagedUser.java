package com.evscallpro.core.user;

import java.time.Instant;

/**
 * A user as the back office lists it: profile, sign-in state and groups; never a password or its hash.
 *
 * @param siteName   the name of the user's site, or null
 * @param locked     in a temporary sign-in lock-out now
 * @param groupNames the user's agent groups by name, comma-separated, or null
 * @param version    for optimistic locking of the profile
 */
public record ManagedUser(long id, String username, String displayName, UserAccount.Role role, Long siteId,
                          String siteName, String extension, String locale, boolean enabled, boolean locked,
                          Instant lastLoginAt, boolean mustChangePassword, String groupNames, int version) {

    /** The editable part. */
    public UserProfile profile() {
        return new UserProfile(id, username, displayName, role, siteId, extension, locale, enabled, version);
    }
}
