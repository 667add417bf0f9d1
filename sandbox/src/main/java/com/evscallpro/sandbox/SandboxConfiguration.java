package com.evscallpro.sandbox;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** What the embedded mode adds to the application: the demo data, outbound and inbound. */
@Configuration(proxyBeanMethods = false)
@Import({DemoData.class, DemoInbound.class})
public class SandboxConfiguration {
}
