package com.evscallpro.app;

import com.vaadin.flow.spring.annotation.EnableVaadin;
import io.camunda.client.annotation.Deployment;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

/** EVSCallPro, production entry point: external PostgreSQL, a Camunda 8 cluster, Asterisk or Yeastar PBXs. */
@SpringBootApplication(scanBasePackages = "com.evscallpro")
@ConfigurationPropertiesScan("com.evscallpro")
@EnableJdbcRepositories(basePackages = "com.evscallpro.db")
@EnableVaadin("com.evscallpro.ui") // routes live in the ui module, outside this package
@Deployment(resources = "classpath*:bpmn/*.bpmn")
public class EvsCallProApplication {

    public static void main(String[] args) {
        SpringApplication.run(EvsCallProApplication.class, args);
    }
}
