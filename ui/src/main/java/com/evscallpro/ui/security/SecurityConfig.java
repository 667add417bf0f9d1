package com.evscallpro.ui.security;

import com.evscallpro.core.user.UserAccountService;
import com.evscallpro.core.user.UserCredentials;
import com.evscallpro.ui.login.LoginView;
import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The UI's security filter chain. Uses {@link VaadinSecurityConfigurer} (Vaadin 24.8+), the replacement of the
 * {@code VaadinWebSecurity} base class that 24.9 deprecates; behaviour is the same: Vaadin's internal requests and
 * static resources permitted, CSRF kept (Vaadin's own requests carry their token; the login POST must carry the
 * Spring token too, see below), form login through
 * {@link LoginView} at {@code /login}, and navigation access control by {@code @RolesAllowed} on every view.
 * <p>Extra public paths: error dispatches (or every error would become a redirect to the login page; a direct
 * request to {@code /error} is not one, so an anonymous one goes to the login page instead of answering 500) and
 * {@code /actuator/health}. The other actuator endpoints ({@code /actuator/prometheus}...) are for ADMINs. Everything
 * else needs an authenticated user, except the {@code /ws} handshake: the STOMP CONNECT that follows must carry
 * the session's user or a valid API bearer token (checked by the app's STOMP interceptor).
 * <p>Headers: {@link #CONTENT_SECURITY_POLICY}, {@code X-Frame-Options: DENY}, {@code Referrer-Policy:
 * same-origin} (and Spring's defaults: nosniff, no-cache). The session cookie is HttpOnly and SameSite=Lax
 * (application.yml); Secure when the request is (behind a TLS proxy: {@code server.forward-headers-strategy}). A chain for
 * {@code /api/**} (JWT) can be added by the app with a {@code securityMatcher} and a higher {@code @Order}: this one is
 * the catch-all, at the lowest precedence.
 */
@Configuration
@EnableWebSecurity
@EnableConfigurationProperties(MonitoringSettings.class)
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
public class SecurityConfig {

    public static final String LOGIN_ROUTE = "login";
    static final String MONITORING_ROLE = "MONITORING";

    /**
     * Works with Vaadin's production bundle: Flow's client runs inline bootstrap scripts and evaluates the
     * JavaScript the server sends ({@code executeJs}), and Lumo sets inline styles, hence the two {@code unsafe-*};
     * push uses a WebSocket to the same origin. Nothing may frame the app or receive a form from it.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' "
            + "'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self' ws: wss:; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Bean
    SecurityFilterChain vaadinSecurityFilterChain(HttpSecurity http, RequestUtil requestUtil) throws Exception {
        var paths = PathPatternRequestMatcher.withDefaults();
        // Vaadin's own CSRF setup also exempts the login page path, so a login POST without a token succeeded
        // (login CSRF). The login form sends the token from the page's _csrf meta tags, so require it there and
        // exempt only Vaadin's internal requests (they carry Vaadin's own CSRF token).
        http.csrf(csrf -> csrf.ignoringRequestMatchers(requestUtil::isFrameworkInternalRequest));
        http.authorizeHttpRequests(auth -> auth
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                .requestMatchers(paths.matcher("/actuator/health"), paths.matcher("/actuator/health/**"))
                .permitAll()
                .requestMatchers(paths.matcher("/actuator"), paths.matcher("/actuator/**")).hasRole("ADMIN")
                // the STOMP handshake: a wallboard without a session sends its bearer token in the CONNECT frame,
                // which the STOMP layer checks (app.wallboard.StompAccessInterceptor refuses a CONNECT without one)
                .requestMatchers(paths.matcher(HttpMethod.GET, "/ws")).permitAll());
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.with(VaadinSecurityConfigurer.vaadin(),
                        vaadin -> vaadin.loginView(LoginView.class, "/" + LOGIN_ROUTE).enableCsrfConfiguration(false))
                .build();
    }

    /**
     * {@code /actuator/prometheus}: a signed-in ADMIN (session), or the monitoring credential of
     * {@link MonitoringSettings} over HTTP Basic (a scraper has no session). User accounts cannot sign in here with
     * Basic: only that one credential can. Without it set, Basic refuses everything.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 50)
    SecurityFilterChain metricsSecurityFilterChain(HttpSecurity http, MonitoringSettings monitoring,
                                                   PasswordEncoder encoder) throws Exception {
        var scraper = new InMemoryUserDetailsManager();
        if (monitoring.complete()) {
            scraper.createUser(User.withUsername(monitoring.username()).password(encoder.encode(monitoring.password()))
                    .roles(MONITORING_ROLE).build());
        }
        var basic = new DaoAuthenticationProvider(scraper);
        basic.setPasswordEncoder(encoder);
        return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/actuator/prometheus"))
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAnyRole("ADMIN", MONITORING_ROLE))
                .authenticationManager(new ProviderManager(basic))
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .csrf(csrf -> csrf.disable()) // GET only, no session created by Basic
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
