package com.evscallpro.core.user;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The back office's management of user accounts (screens and API). Every change is validated (errors as
 * {@link com.evscallpro.core.error.EvsException} codes {@code user.*}) and audited with the profile before and after;
 * a password is never audited nor logged. A stale version is refused with {@code user.version-mismatch}. Disabling
 * or deleting an account publishes {@link UserDeactivated}; a password reset publishes {@link PasswordChanged}.
 */
public interface UserAdmin {

    int MAX_USERNAME = 100;
    int MAX_DISPLAY_NAME = 200;
    int MAX_EXTENSION = 40;
    /** The sort keys of {@link #search}. */
    Set<String> SORT_KEYS = Set.of("username", "displayName", "role", "extension", "site", "enabled", "lastLogin");

    List<ManagedUser> search(UserFilter filter, String sortKey, boolean descending, int offset, int limit);

    long count(UserFilter filter);

    Optional<ManagedUser> find(long id);

    /** Creates a user with a temporary password they must change at the first sign-in. */
    ManagedUser create(UserProfile profile, String temporaryPassword);

    ManagedUser update(UserProfile profile);

    /**
     * Creates ({@code profile.id()} null, with the temporary password) or updates a user together with their agent
     * groups and skill levels, all or nothing (see {@link com.evscallpro.core.group.AgentGroupAdmin}).
     */
    ManagedUser save(UserProfile profile, String temporaryPassword, Set<Long> groupIds, Map<Long, Integer> skills);

    /** Ends a temporary sign-in lock-out. */
    void unlock(long userId);

    /**
     * Sets a temporary password the user must change at the next sign-in; every API token of theirs is revoked and a
     * lock-out ends.
     */
    void resetPassword(long userId, String temporaryPassword);

    /** Deletes a user; refused ({@code user.cannot-delete-with-history}) when calls were made by them. */
    void delete(long userId);
}
