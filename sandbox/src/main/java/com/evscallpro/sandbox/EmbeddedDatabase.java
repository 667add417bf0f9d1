package com.evscallpro.sandbox;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL started from zonky's binaries. With a data directory the cluster is kept across restarts
 * (initdb only the first time); a postmaster orphaned by a killed previous run is stopped first.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    /** Settings given to the embedded server, the ones docs/operations.md recommends for production too. */
    static final java.util.Map<String, String> SERVER_SETTINGS = java.util.Map.of(
            "shared_buffers", "256MB",
            "max_wal_size", "4GB",
            "checkpoint_timeout", "15min");

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts PostgreSQL on a free port, keeping its files in {@code dataDirectory}, or in a temporary one if null. */
    public static EmbeddedDatabase start(Path dataDirectory) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setRegisterShutdownHook(false);
            // PostgreSQL's defaults (128 MB of buffers, a checkpoint every 1 GB of WAL) are for a tiny machine; the
            // contact table's seven indexes do not fit in them during a million-row import (docs/operations.md,
            // "PostgreSQL settings"). zonky's own options stay as they are (fsync and synchronous_commit off: test and trial data).
            SERVER_SETTINGS.forEach(builder::setServerConfig);
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory);
                stopOrphan(dataDirectory);
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            return new EmbeddedDatabase(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL could not start", e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }

    private static void stopOrphan(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> orphan = ProcessHandle.of(pid)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (orphan.isPresent()) {
            log.warn("Stopping PostgreSQL (pid {}) left running by a previous start", pid);
            orphan.get().destroy();
            try {
                orphan.get().onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                orphan.get().destroyForcibly();
            }
        }
        Files.deleteIfExists(pidFile);
    }
}
