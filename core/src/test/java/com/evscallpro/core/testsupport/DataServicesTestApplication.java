package com.evscallpro.core.testsupport;

import com.evscallpro.db.DbConfiguration;
import javax.sql.DataSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

/**
 * The smallest context for the data services (campaign, contact, qualification, user, cdr, auth): auto-configured JDBC,
 * Flyway and Spring Data JDBC on one embedded PostgreSQL shared by every test class (Spring caches the context).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(DbConfiguration.class)
@EnableJdbcRepositories(basePackages = "com.evscallpro.db")
@ComponentScan(basePackages = {"com.evscallpro.core.campaign", "com.evscallpro.core.contact",
        "com.evscallpro.core.qualification", "com.evscallpro.core.user", "com.evscallpro.core.cdr",
        "com.evscallpro.core.planning", "com.evscallpro.core.audit", "com.evscallpro.core.auth", "com.evscallpro.core.site",
        "com.evscallpro.core.lock", "com.evscallpro.core.secret",
        "com.evscallpro.core.group", "com.evscallpro.db.group",
        "com.evscallpro.db.user",
        // the calling rules: the campaign service checks campaigns' legal presets against theirs
        "com.evscallpro.core.rules", "com.evscallpro.db.rules", "com.evscallpro.core.event",
        "com.evscallpro.core.history", "com.evscallpro.core.script",
        // the campaign service copies the custom field labels of a cloned campaign
        "com.evscallpro.core.agentdesk"})
public class DataServicesTestApplication {

    /** Never closed with a context: the pool is shared by every context of the JVM (a dirtied one included). */
    @Bean(destroyMethod = "")
    DataSource dataSource() {
        return TestDatabase.dataSource();
    }
}
