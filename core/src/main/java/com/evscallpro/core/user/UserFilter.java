package com.evscallpro.core.user;

/**
 * Which users to list; each null part matches everything.
 *
 * @param text   part of the user name, display name or extension
 * @param locked true: in a sign-in lock-out now; false: not
 */
public record UserFilter(String text, UserAccount.Role role, Long siteId, Long groupId, Boolean enabled,
                         Boolean locked) {

    public static UserFilter all() {
        return new UserFilter(null, null, null, null, null, null);
    }
}
