package com.evscallpro.sandbox;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** What the embedded mode adds to the application: the demo data. */
@Configuration(proxyBeanMethods = false)
@Import(DemoData.class)
public class SandboxConfiguration {
}
