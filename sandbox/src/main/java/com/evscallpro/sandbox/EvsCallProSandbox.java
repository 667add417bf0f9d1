package com.evscallpro.sandbox;

import com.evscallpro.app.EvsCallProApplication;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code ./evs run}: EVSCallPro on its embedded default. Starts embedded PostgreSQL (data kept under ./data), the
 * embedded Zeebe engine and the PBX simulator, then the application with demo data, and prints the URL and logins.
 */
public final class EvsCallProSandbox {

    private EvsCallProSandbox() {
    }

    public static void main(String[] args) {
        Path data = Path.of(System.getProperty("evs.data", "data")).toAbsolutePath();
        SandboxInfrastructure infrastructure = SandboxInfrastructure.start(data.resolve("postgres"),
                DemoCustomers.script());
        // Registered before the application runs: a one-shot command (e.g. --evs.asterisk.command) exits the JVM
        // from inside run(), and PostgreSQL must not outlive it.
        AtomicReference<ConfigurableApplicationContext> running = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ConfigurableApplicationContext started = running.get();
            if (started != null) {
                started.close();
            }
            infrastructure.close();
        }, "evs-sandbox-shutdown"));
        ConfigurableApplicationContext context;
        try {
            context = run(infrastructure, Map.of("evs.sandbox.demo-data", "true"), args);
        } catch (RuntimeException e) {
            System.err.println("EVSCallPro could not start: " + e.getMessage());
            System.exit(1); // runs the hook: stops the engine and PostgreSQL (the engine leaves a non-daemon timer)
            return;
        }
        running.set(context);
        String port = context.getEnvironment().getProperty("local.server.port", "8080");
        System.out.println();
        System.out.println("  EVSCallPro is running: http://localhost:" + port + "/");
        System.out.println("  REST API: http://localhost:" + port + "/api/v1 (documented at /api/docs; the same logins)");
        System.out.println("  Demo logins (user / password):");
        DemoData.LOGINS.forEach(login -> System.out.println("    " + login));
        System.out.println("  Data kept under " + data + " (delete it for a fresh start). Ctrl+C stops.");
        System.out.println();
    }

    /** Starts the application wired to the given embedded infrastructure (used by the tests too). */
    public static ConfigurableApplicationContext run(SandboxInfrastructure infrastructure,
                                                     Map<String, Object> extraProperties, String... args) {
        return run(infrastructure, extraProperties, java.util.List.of(), args);
    }

    /** As {@link #run(SandboxInfrastructure, Map, String...)}, with initializers (tests add their probes). */
    public static ConfigurableApplicationContext run(
            SandboxInfrastructure infrastructure, Map<String, Object> extraProperties,
            java.util.List<org.springframework.context.ApplicationContextInitializer<ConfigurableApplicationContext>>
                    initializers, String... args) {
        SpringApplication application = new SpringApplication(EvsCallProApplication.class, SandboxConfiguration.class);
        initializers.forEach(application::addInitializers);
        Map<String, Object> properties = new java.util.LinkedHashMap<>(infrastructure.properties());
        properties.putAll(extraProperties);
        // The infrastructure's addresses must win over application.yml: add them as the first property source.
        application.addInitializers(context -> context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("evs-sandbox", properties)));
        // the simulated Asterisk, for what the embedded mode drives on it (the demo's inbound callers)
        application.addInitializers(context -> context.getBeanFactory().registerSingleton("sandboxPbxSimulator",
                infrastructure.pbx()));
        return application.run(args);
    }
}
