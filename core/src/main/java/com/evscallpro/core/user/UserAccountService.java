package com.evscallpro.core.user;

import java.util.List;
import java.util.Optional;

/** User accounts: look-ups for the security layer and the agent features, creation for the back office. */
public interface UserAccountService {

    Optional<UserAccount> findByUsername(String username);

    Optional<UserAccount> findById(long id);

    /** Every AGENT account (enabled or not), by username. */
    List<UserAccount> agents();

    /**
     * Creates an enabled account with a BCrypt hash of {@code rawPassword}.
     *
     * @param extension the agent's phone extension, or null; unique among users
     * @param locale    "fr" or "en" (null: "fr")
     * @throws IllegalArgumentException for a blank username or password, a used username or extension
     */
    UserAccount create(String username, String rawPassword, String displayName, UserAccount.Role role,
                       String extension, String locale);

    boolean exists(String username);
}
