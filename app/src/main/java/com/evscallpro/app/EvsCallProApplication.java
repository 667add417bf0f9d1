package com.evscallpro.app;

import com.vaadin.flow.spring.annotation.EnableVaadin;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

/**
 * EVSCallPro, production entry point: external PostgreSQL, a Camunda 8 cluster, Asterisk or Yeastar PBXs. The BPMN
 * flows are not deployed from here: they are versions in the database, deployed by {@code core.flow.FlowBootstrap}.
 */
@SpringBootApplication(scanBasePackages = "com.evscallpro")
@ConfigurationPropertiesScan("com.evscallpro")
@EnableJdbcRepositories(basePackages = "com.evscallpro.db")
@EnableVaadin("com.evscallpro.ui") // routes live in the ui module, outside this package
public class EvsCallProApplication {

    public static void main(String[] args) {
        SpringApplication.run(EvsCallProApplication.class, args);
    }
}
