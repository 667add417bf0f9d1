package com.evscallpro.ui.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccount.Role;
import com.evscallpro.core.user.UserAccountService;
import com.evscallpro.ui.layout.HomeRoutes;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

class EvsUserDetailsServiceTest {

    private final PasswordEncoder encoder = new SecurityConfig().passwordEncoder();
    private final String hash = encoder.encode("secret");
    private final UserAccountService accounts = fakeAccounts(List.of(
            new UserAccount(1, "admin", hash, "Alice Admin", Role.ADMIN, null, "fr", true),
            new UserAccount(2, "sup", hash, "Sam Sup", Role.SUPERVISOR, null, "en", true),
            new UserAccount(3, "agent1", hash, "Agnès Agent", Role.AGENT, "1001", "en-GB", true),
            new UserAccount(4, "gone", hash, "Old Agent", Role.AGENT, "1002", "fr", false)));
    private final java.util.Set<String> locked = new java.util.HashSet<>();
    private final EvsUserDetailsService service = new EvsUserDetailsService(accounts, new LockedNames(locked));

    @Test
    void an_account_in_a_lock_out_is_loaded_locked() {
        assertThat(service.loadUserByUsername("agent1").isAccountNonLocked()).isTrue();
        locked.add("agent1");
        assertThat(service.loadUserByUsername("agent1").isAccountNonLocked()).isFalse();
    }

    /** Credentials where only the lock-out matters. */
    private record LockedNames(java.util.Set<String> names) implements com.evscallpro.core.user.UserCredentials {
        @Override
        public com.evscallpro.core.user.SignInState state(long userId) {
            return new com.evscallpro.core.user.SignInState(false, null, 0, null);
        }

        @Override
        public void requirePasswordChange(long userId) {
        }

        @Override
        public void changePassword(long userId, String currentPassword, String newPassword) {
        }

        @Override
        public void setTemporaryPassword(long userId, String temporaryPassword) {
        }

        @Override
        public void unlock(long userId) {
        }

        @Override
        public boolean signInLocked(String username) {
            return names.contains(username);
        }

        @Override
        public void signInSucceeded(String username) {
        }

        @Override
        public void signInFailed(String username) {
        }
    }

    @Test
    void maps_account_fields_and_role_authority() {
        EvsUser agent = (EvsUser) service.loadUserByUsername("agent1");
        assertThat(agent.userId()).isEqualTo(3);
        assertThat(agent.displayName()).isEqualTo("Agnès Agent");
        assertThat(agent.role()).isEqualTo(Role.AGENT);
        assertThat(agent.extension()).isEqualTo("1001");
        assertThat(agent.locale()).isEqualTo(Locale.ENGLISH);
        assertThat(agent.getPassword()).isEqualTo(hash);
        assertThat(authorities(agent)).containsExactly("ROLE_AGENT");
        assertThat(authorities((EvsUser) service.loadUserByUsername("admin"))).containsExactly("ROLE_ADMIN");
        assertThat(authorities((EvsUser) service.loadUserByUsername("sup"))).containsExactly("ROLE_SUPERVISOR");
        assertThat(((EvsUser) service.loadUserByUsername("admin")).locale()).isEqualTo(Locale.FRENCH);
    }

    @Test
    void unknown_or_blank_locale_falls_back_to_french() {
        assertThat(EvsUser.toLocale(null)).isEqualTo(Locale.FRENCH);
        assertThat(EvsUser.toLocale("de")).isEqualTo(Locale.FRENCH);
        assertThat(EvsUser.toLocale("en_US")).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void unknown_user_is_not_found() {
        assertThatThrownBy(() -> service.loadUserByUsername("nobody")).isInstanceOf(UsernameNotFoundException.class);
        assertThatThrownBy(() -> service.loadUserByUsername(" ")).isInstanceOf(UsernameNotFoundException.class);
    }

    @Test
    void good_password_authenticates_with_the_role() {
        Authentication auth = provider().authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("agent1", "secret"));
        assertThat(auth.isAuthenticated()).isTrue();
        assertThat(auth.getPrincipal()).isInstanceOf(EvsUser.class);
        assertThat(auth.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_AGENT");
    }

    @Test
    void disabled_account_is_refused_even_with_the_right_password() {
        assertThat(service.loadUserByUsername("gone").isEnabled()).isFalse();
        assertThatThrownBy(() -> provider().authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("gone", "secret")))
                .isInstanceOf(DisabledException.class);
    }

    @Test
    void wrong_password_is_refused() {
        assertThatThrownBy(() -> provider().authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("admin", "nope")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void each_role_lands_on_its_workspace() {
        assertThat(HomeRoutes.home(Role.AGENT)).isEqualTo("agent");
        assertThat(HomeRoutes.home(Role.SUPERVISOR)).isEqualTo("supervision");
        assertThat(HomeRoutes.home(Role.ADMIN)).isEqualTo("admin");
    }

    private DaoAuthenticationProvider provider() {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(service);
        provider.setPasswordEncoder(encoder);
        return provider;
    }

    private static List<String> authorities(EvsUser user) {
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }

    /** A stand-in over a list (a mock, so new interface methods do not break the build). */
    private static UserAccountService fakeAccounts(List<UserAccount> all) {
        Map<String, UserAccount> byName = all.stream()
                .collect(Collectors.toMap(UserAccount::username, Function.identity()));
        UserAccountService service = mock(UserAccountService.class);
        when(service.findByUsername(anyString()))
                .thenAnswer(inv -> Optional.ofNullable(byName.get(inv.getArgument(0, String.class))));
        return service;
    }
}
