package com.evscallpro.api.security;

import com.evscallpro.core.auth.TokenService;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.time.Clock;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The API's security: its own {@link SecurityFilterChain} for {@code /api/**}, before the UI's catch-all chain
 * (which has no order, i.e. the lowest precedence). Stateless (no session, no CSRF: a bearer token is not sent by a
 * browser on its own), JWTs validated by the OAuth2 resource server. Public: login, refresh and the API docs; every
 * other endpoint names the roles allowed, and anything not listed is denied.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfig {

    static final String ADMIN = "ADMIN";
    static final String SUPERVISOR = "SUPERVISOR";
    static final String ANALYST = "ANALYST";
    static final String AGENT = "AGENT";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, JwtDecoder apiJwtDecoder, ObjectMapper json)
            throws Exception {
        var paths = PathPatternRequestMatcher.withDefaults();
        ProblemResponses problems = new ProblemResponses(json);
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(AccessTokens.ROLES);
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter authentication = new JwtAuthenticationConverter();
        authentication.setJwtGrantedAuthoritiesConverter(roles);

        http.securityMatcher(paths.matcher("/api/**"))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(paths.matcher(HttpMethod.POST, "/api/v1/auth/login"),
                                paths.matcher(HttpMethod.POST, "/api/v1/auth/refresh"),
                                paths.matcher(HttpMethod.POST, "/api/v1/auth/password"),
                                paths.matcher(HttpMethod.GET, "/api/docs"),
                                paths.matcher(HttpMethod.GET, "/api/docs/**")).permitAll()
                        .requestMatchers(paths.matcher(HttpMethod.POST, "/api/v1/auth/logout"),
                                paths.matcher(HttpMethod.GET, "/api/v1/application-data")).authenticated()
                        .requestMatchers(paths.matcher("/api/v1/agent/**")).hasRole(AGENT)
                        .requestMatchers(paths.matcher("/api/v1/supervision/**")).hasAnyRole(ADMIN, SUPERVISOR)
                        .requestMatchers(paths.matcher(HttpMethod.GET, "/api/v1/supervisor-actions")).hasRole(ADMIN)
                        .requestMatchers(paths.matcher(HttpMethod.POST, "/api/v1/reports/rebuild")).hasRole(ADMIN)
                        .requestMatchers(paths.matcher("/api/v1/reports/**")).hasAnyRole(ADMIN, SUPERVISOR)
                        .requestMatchers(paths.matcher(HttpMethod.GET, "/api/v1/campaigns"),
                                paths.matcher(HttpMethod.GET, "/api/v1/campaigns/**")).hasAnyRole(ADMIN, SUPERVISOR)
                        // the call history: an agent's requests are limited to their own calls by the controller
                        .requestMatchers(paths.matcher(HttpMethod.GET, "/api/v1/calls"),
                                paths.matcher(HttpMethod.GET, "/api/v1/calls/**"))
                        .hasAnyRole(ADMIN, SUPERVISOR, AGENT)
                        .requestMatchers(paths.matcher(HttpMethod.POST, "/api/v1/campaigns"),
                                paths.matcher(HttpMethod.POST, "/api/v1/campaigns/**"),
                                paths.matcher(HttpMethod.PUT, "/api/v1/campaigns/*/crm-link"),
                                paths.matcher(HttpMethod.PUT, "/api/v1/campaigns/*"),
                                paths.matcher(HttpMethod.PUT, "/api/v1/campaigns/*/agent-groups"),
                                paths.matcher(HttpMethod.PUT, "/api/v1/campaigns/*/amd-false-positive-percent"),
                                paths.matcher(HttpMethod.PUT, "/api/v1/campaigns/*/custom-fields"),
                                paths.matcher(HttpMethod.PUT, "/api/v1/campaigns/*/journey"),
                                paths.matcher(HttpMethod.PUT, "/api/v1/campaigns/*/script"),
                                paths.matcher(HttpMethod.PUT, "/api/v1/campaigns/*/contacts/*"),
                                paths.matcher(HttpMethod.DELETE, "/api/v1/campaigns/*/contacts/*")).hasRole(ADMIN)
                        .requestMatchers(paths.matcher(HttpMethod.GET, "/api/v1/callbacks"))
                                .hasAnyRole(ADMIN, SUPERVISOR, AGENT)
                        .requestMatchers(paths.matcher("/api/v1/callbacks/**")).hasAnyRole(ADMIN, SUPERVISOR)
                        .requestMatchers(paths.matcher("/api/v1/imports/**")).hasRole(ADMIN) // contact file imports
                        .requestMatchers(paths.matcher(HttpMethod.GET, "/api/v1/plannings"),
                                paths.matcher(HttpMethod.GET, "/api/v1/plannings/**"),
                                paths.matcher(HttpMethod.GET, "/api/v1/qualification-groups"),
                                paths.matcher(HttpMethod.GET, "/api/v1/qualification-groups/**"),
                                paths.matcher(HttpMethod.GET, "/api/v1/pause-reasons"),
                                paths.matcher(HttpMethod.GET, "/api/v1/pause-reasons/**"))
                                .hasAnyRole(ADMIN, SUPERVISOR)
                        .requestMatchers(paths.matcher("/api/v1/plannings/**"),
                                paths.matcher("/api/v1/plannings"),
                                paths.matcher("/api/v1/qualification-groups/**"),
                                paths.matcher("/api/v1/qualification-groups"),
                                paths.matcher("/api/v1/pause-reasons/**"),
                                paths.matcher("/api/v1/audit"),
                                paths.matcher("/api/v1/audit/**"),
                                paths.matcher("/api/v1/webhooks"),
                                paths.matcher("/api/v1/webhooks/**"),
                                paths.matcher("/api/v1/privacy/**"),
                                paths.matcher("/api/v1/prompts"), paths.matcher("/api/v1/prompts/**"),
                                paths.matcher("/api/v1/prompt-distribution")).hasRole(ADMIN)
                        .requestMatchers(paths.matcher("/api/v1/flows"), paths.matcher("/api/v1/flows/**"))
                                .hasAnyRole(ADMIN, ANALYST)
                        .requestMatchers(paths.matcher(HttpMethod.GET, "/api/v1/scripts"),
                                paths.matcher(HttpMethod.GET, "/api/v1/scripts/**"))
                                .hasAnyRole(ADMIN, ANALYST, SUPERVISOR)
                        .requestMatchers(paths.matcher("/api/v1/scripts"), paths.matcher("/api/v1/scripts/**"))
                                .hasAnyRole(ADMIN, ANALYST)
                        .requestMatchers(paths.matcher(HttpMethod.GET, "/api/v1/prompts"))
                                .hasAnyRole(ADMIN, ANALYST)
                        .requestMatchers(paths.matcher(HttpMethod.GET, "/api/v1/recordings/policies/**"))
                                .hasAnyRole(ADMIN, SUPERVISOR)
                        .requestMatchers(paths.matcher("/api/v1/recordings/policies/**")).hasRole(ADMIN)
                        .requestMatchers(paths.matcher(HttpMethod.GET, "/api/v1/recordings"),
                                paths.matcher(HttpMethod.GET, "/api/v1/recordings/**"))
                                .hasAnyRole(ADMIN, SUPERVISOR, AGENT) // an agent: their own calls (the service)
                        .requestMatchers(paths.matcher("/api/v1/voicemails"), paths.matcher("/api/v1/voicemails/**"))
                                .hasAnyRole(ADMIN, SUPERVISOR)
                        .requestMatchers(paths.matcher("/api/v1/sites"), paths.matcher("/api/v1/sites/**"),
                                paths.matcher("/api/v1/trunks"), paths.matcher("/api/v1/trunks/**"),
                                paths.matcher("/api/v1/dids"), paths.matcher("/api/v1/dids/**")).hasRole(ADMIN)
                        .requestMatchers(paths.matcher(HttpMethod.GET, "/api/v1/users"),
                                paths.matcher(HttpMethod.GET, "/api/v1/users/**"),
                                paths.matcher(HttpMethod.GET, "/api/v1/agent-groups"),
                                paths.matcher(HttpMethod.GET, "/api/v1/agent-groups/**"),
                                paths.matcher(HttpMethod.GET, "/api/v1/skills"),
                                paths.matcher(HttpMethod.GET, "/api/v1/skills/**"),
                                paths.matcher(HttpMethod.GET, "/api/v1/queues"),
                                paths.matcher(HttpMethod.GET, "/api/v1/queues/**")).hasAnyRole(ADMIN, SUPERVISOR)
                        .requestMatchers(paths.matcher("/api/v1/users"), paths.matcher("/api/v1/users/**"),
                                paths.matcher("/api/v1/agent-groups"), paths.matcher("/api/v1/agent-groups/**"),
                                paths.matcher("/api/v1/skills"), paths.matcher("/api/v1/skills/**"),
                                paths.matcher("/api/v1/queues"), paths.matcher("/api/v1/queues/**")).hasRole(ADMIN)
                        .requestMatchers(paths.matcher(HttpMethod.GET, "/api/v1/calling-rules/**"),
                                paths.matcher(HttpMethod.GET, "/api/v1/do-not-call"),
                                paths.matcher(HttpMethod.GET, "/api/v1/do-not-call/**")).hasAnyRole(ADMIN, SUPERVISOR)
                        .requestMatchers(paths.matcher("/api/v1/calling-rules/**"), paths.matcher("/api/v1/do-not-call"),
                                paths.matcher("/api/v1/do-not-call/**")).hasRole(ADMIN)
                        .anyRequest().denyAll())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.decoder(apiJwtDecoder).jwtAuthenticationConverter(authentication))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    @Bean
    SecretKey apiJwtKey(ApiJwtProperties properties) {
        return new SecretKeySpec(properties.checkedSecret(), "HmacSHA256");
    }

    @Bean
    JwtDecoder apiJwtDecoder(SecretKey apiJwtKey, ApiJwtProperties properties, TokenService tokens) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(apiJwtKey).macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtIssuerValidator(properties.issuer()),
                new TokenVersionValidator(tokens)));
        return decoder;
    }

    @Bean
    AccessTokens accessTokens(SecretKey apiJwtKey, ApiJwtProperties properties) {
        return new AccessTokens(new NimbusJwtEncoder(new ImmutableSecret<>(apiJwtKey)), properties,
                Clock.systemUTC());
    }
}
