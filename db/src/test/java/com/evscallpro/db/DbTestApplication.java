package com.evscallpro.db;

import javax.sql.DataSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

/** The smallest context for repository tests: auto-configured JDBC + Flyway on the embedded PostgreSQL. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(DbConfiguration.class)
@EnableJdbcRepositories(basePackages = "com.evscallpro.db")
class DbTestApplication {

    @Bean
    DataSource dataSource() {
        return TestDatabase.dataSource();
    }
}
