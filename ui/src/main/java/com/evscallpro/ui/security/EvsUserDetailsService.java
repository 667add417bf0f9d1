package com.evscallpro.ui.security;

import com.evscallpro.core.user.UserAccountService;
import com.evscallpro.core.user.UserCredentials;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Loads {@link EvsUser}s from {@link UserAccountService}. A disabled account is returned with enabled=false, so the
 * authentication provider refuses it with a {@code DisabledException}; one in a temporary lock-out after repeated
 * failures ({@link UserCredentials#signInLocked}) is returned locked, refused with a {@code LockedException} even with
 * the right password.
 */
class EvsUserDetailsService implements UserDetailsService {

    private final UserAccountService accounts;
    private final UserCredentials credentials;

    EvsUserDetailsService(UserAccountService accounts, UserCredentials credentials) {
        this.accounts = accounts;
        this.credentials = credentials;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        if (username == null || username.isBlank()) {
            throw new UsernameNotFoundException("empty username");
        }
        return accounts.findByUsername(username.trim())
                .map(account -> EvsUser.of(account, credentials.signInLocked(account.username())))
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }
}
