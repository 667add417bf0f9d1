package com.evscallpro.ui.security;

import com.evscallpro.core.user.UserAccountService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Loads {@link EvsUser}s from {@link UserAccountService}. A disabled account is returned with enabled=false, so the
 * authentication provider refuses it with a {@code DisabledException}.
 */
class EvsUserDetailsService implements UserDetailsService {

    private final UserAccountService accounts;

    EvsUserDetailsService(UserAccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        if (username == null || username.isBlank()) {
            throw new UsernameNotFoundException("empty username");
        }
        return accounts.findByUsername(username.trim())
                .map(EvsUser::of)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }
}
