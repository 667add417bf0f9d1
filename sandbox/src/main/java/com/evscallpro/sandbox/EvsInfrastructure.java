package com.evscallpro.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./evs infra}: only the embedded infrastructure — PostgreSQL (data kept under {@code --data}, default
 * ./data/infra), the Zeebe engine and the PBX simulator — for an application started on its own, configured the
 * way an operator configures the production artifact: by environment variables. Prints them (and writes them, one
 * {@code NAME='value'} per line, to {@code --env-file} when given), then waits until stopped (Ctrl+C / SIGTERM).
 * Used by {@code scripts/production-check.sh} to run the production jar against real, separately started services.
 */
public final class EvsInfrastructure {

    private EvsInfrastructure() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = options(args);
        Path data = Path.of(options.getOrDefault("data", "data/infra")).toAbsolutePath();
        SandboxInfrastructure infrastructure = SandboxInfrastructure.start(data.resolve("postgres"),
                DemoCustomers.script());
        Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::close, "evs-infrastructure-shutdown"));
        Map<String, String> environment = environment(infrastructure.properties());
        StringBuilder lines = new StringBuilder();
        environment.forEach((name, value) -> lines.append(name).append("='").append(value).append("'\n"));
        if (options.containsKey("env-file")) {
            write(Path.of(options.get("env-file")), lines.toString());
        }
        System.out.println();
        System.out.println("  EVSCallPro infrastructure is running (PostgreSQL data under " + data + ").");
        System.out.println("  Start the application with this environment (Ctrl+C stops the infrastructure):");
        System.out.print(lines.toString().indent(4));
        System.out.println();
        new CountDownLatch(1).await(); // until the JVM is stopped; the hook stops the services
    }

    /** The Spring properties as the environment variables Spring's relaxed binding maps onto them. */
    static Map<String, String> environment(Map<String, Object> properties) {
        Map<String, String> environment = new LinkedHashMap<>();
        properties.forEach((name, value) -> environment.put(
                name.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT), String.valueOf(value)));
        return environment;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("usage: EvsInfrastructure [--data=<dir>] [--env-file=<file>]");
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }

    private static void write(Path file, String content) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, ".env", ".tmp");
            Files.writeString(temporary, content);
            // Atomic: a script waiting for the file never reads half of it.
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
