package com.evscallpro.db;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Spring Data JDBC set-up with the jsonb converters. It replaces Spring Boot's default JDBC configuration (which
 * backs off when an {@link AbstractJdbcConfiguration} exists); the DataSource, transaction manager,
 * {@code NamedParameterJdbcTemplate} and Flyway still come from Spring Boot.
 * <p>The application scans or imports this class and enables the repositories once, with
 * {@code @EnableJdbcRepositories(basePackages = "com.evscallpro.db")} (not here: two such annotations register
 * every repository twice).
 */
@Configuration(proxyBeanMethods = false)
public class DbConfiguration extends AbstractJdbcConfiguration {

    /** The back office's paged lists (here, not scanned: the contexts that import this class have it too). */
    @Bean
    PagedIds pagedIds(JdbcClient jdbc) {
        return new PagedIds(jdbc);
    }

    @Override
    protected List<?> userConverters() {
        return List.of(JsonbConverters.CustomFieldsToJsonb.INSTANCE, JsonbConverters.JsonbToCustomFields.INSTANCE);
    }
}
