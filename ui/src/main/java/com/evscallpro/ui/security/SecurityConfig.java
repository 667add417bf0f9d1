package com.evscallpro.ui.security;

import com.evscallpro.core.user.UserAccountService;
import com.evscallpro.core.user.UserCredentials;
import com.evscallpro.ui.login.LoginView;
import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The UI's security filter chain. Uses {@link VaadinSecurityConfigurer} (Vaadin 24.8+), the replacement of the
 * {@code VaadinWebSecurity} base class that 24.9 deprecates; behaviour is the same: Vaadin's internal requests and
 * static resources permitted, CSRF kept (Vaadin's own requests carry their token; the login POST must carry the
 * Spring token too, see below), form login through
 * {@link LoginView} at {@code /login}, and navigation access control by {@code @RolesAllowed} on every view.
 * <p>Extra public paths: {@code /error} (or every error would become a redirect to the login page) and
 * {@code /actuator/health}. Everything else, {@code /ws/**} included, needs an authenticated user. A chain for
 * {@code /api/**} (JWT) can be added by the app with a {@code securityMatcher} and a higher {@code @Order}: this one is
 * the catch-all, at the lowest precedence.
 */
@Configuration
@EnableWebSecurity
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
public class SecurityConfig {

    public static final String LOGIN_ROUTE = "login";

    @Bean
    SecurityFilterChain vaadinSecurityFilterChain(HttpSecurity http, RequestUtil requestUtil) throws Exception {
        var paths = PathPatternRequestMatcher.withDefaults();
        // Vaadin's own CSRF setup also exempts the login page path, so a login POST without a token succeeded
        // (login CSRF). The login form sends the token from the page's _csrf meta tags, so require it there and
        // exempt only Vaadin's internal requests (they carry Vaadin's own CSRF token).
        http.csrf(csrf -> csrf.ignoringRequestMatchers(requestUtil::isFrameworkInternalRequest));
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers(paths.matcher("/error"), paths.matcher("/error/**"),
                        paths.matcher("/actuator/health"), paths.matcher("/actuator/health/**"))
                .permitAll());
        return http.with(VaadinSecurityConfigurer.vaadin(),
                        vaadin -> vaadin.loginView(LoginView.class, "/" + LOGIN_ROUTE).enableCsrfConfiguration(false))
                .build();
    }

    /** User accounts come from the core's {@link UserAccountService}; see {@link EvsUser}. */
    @Bean
    UserDetailsService userDetailsService(UserAccountService userAccountService, UserCredentials credentials) {
        return new EvsUserDetailsService(userAccountService, credentials);
    }

    /** Stored hashes are BCrypt ({@code $2a$}/{@code $2b$}). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
