package com.evscallpro.db;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

/**
 * Spring Data JDBC set-up for every repository under {@code com.evscallpro.db}, with the jsonb converters.
 * Import it from the application ({@code @Import(DbConfiguration.class)}); it replaces Spring Boot's default
 * JDBC configuration (which backs off when an {@link AbstractJdbcConfiguration} exists). The DataSource,
 * transaction manager, {@code NamedParameterJdbcTemplate} and Flyway still come from Spring Boot.
 */
@Configuration(proxyBeanMethods = false)
@EnableJdbcRepositories(basePackages = "com.evscallpro.db")
public class DbConfiguration extends AbstractJdbcConfiguration {

    @Override
    protected List<?> userConverters() {
        return List.of(JsonbConverters.CustomFieldsToJsonb.INSTANCE, JsonbConverters.JsonbToCustomFields.INSTANCE);
    }
}
