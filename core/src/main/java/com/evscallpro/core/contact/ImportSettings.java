package com.evscallpro.core.contact;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code evs.import.*}: contact file imports.
 *
 * @param maxFileSize  the largest file accepted (the upload widget, the API and the servlet multipart limits say
 *                     the same; default 200 MB)
 * @param batchSize    rows per COPY + merge (each batch is committed)
 * @param shownRejections rejections kept for the screen and the API's progress (all are in the report)
 * @param concurrency  imports running at once (others wait, QUEUED)
 * @param keepFor      how long a finished import's figures and report stay available
 * @param workDir      uploaded files and reports (deleted after use or {@code keepFor}); default: the temp dir
 * @param timeZone     the zone of consent dates given without an offset
 * @param storeSessions batches of one import stored at once, each on its own database connection (default 2:
 *                     PostgreSQL's work on {@code contact}'s indexes is the import's main cost, and one session
 *                     uses one core of the database)
 */
@ConfigurationProperties("evs.import")
public record ImportSettings(DataSize maxFileSize, Integer batchSize, Integer shownRejections, Integer concurrency,
                             Duration keepFor, Path workDir, ZoneId timeZone, Integer storeSessions) {

    public ImportSettings {
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(200) : maxFileSize;
        batchSize = batchSize == null ? 10_000 : batchSize;
        shownRejections = shownRejections == null ? 50 : shownRejections;
        concurrency = concurrency == null ? 1 : concurrency;
        keepFor = keepFor == null ? Duration.ofHours(1) : keepFor;
        workDir = workDir == null ? Path.of(System.getProperty("java.io.tmpdir"), "evscallpro-imports") : workDir;
        timeZone = timeZone == null ? ZoneId.of("Europe/Paris") : timeZone;
        storeSessions = storeSessions == null || storeSessions < 1 ? 2 : storeSessions;
    }

    public static ImportSettings defaults() {
        return new ImportSettings(null, null, null, null, null, null, null, null);
    }
}
