package com.evscallpro.core.user;

/**
 * The editable profile of a user.
 *
 * @param id        null for a new user
 * @param extension the phone extension, or null
 * @param locale    {@code fr} or {@code en}
 * @param version   the version read; ignored on create
 */
public record UserProfile(Long id, String username, String displayName, UserAccount.Role role, Long siteId,
                          String extension, String locale, boolean enabled, int version) {
}
