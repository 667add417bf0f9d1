package com.evscallpro.core.user;

import java.util.Optional;

/** Looks up user accounts. */
public interface UserAccountService {

    Optional<UserAccount> findByUsername(String username);

    Optional<UserAccount> findById(long id);
}
