package com.evscallpro.db;

import javax.sql.DataSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The smallest context for repository tests: auto-configured JDBC + Flyway on the embedded PostgreSQL. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(DbConfiguration.class)
class DbTestApplication {

    @Bean
    DataSource dataSource() {
        return TestDatabase.dataSource();
    }
}
