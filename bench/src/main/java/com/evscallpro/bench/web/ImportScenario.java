package com.evscallpro.bench.web;

import com.evscallpro.bench.Result;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.NewCampaign;
import com.evscallpro.core.contact.ContactImportJobs;
import com.evscallpro.core.contact.ImportPreview;
import com.evscallpro.core.contact.ImportProgress;
import java.io.InputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * Contact import end to end (design §7): a generated CSV of a million rows (~105 MB, 1% bad lines of seven kinds)
 * received, mapped and imported by the production {@link ContactImportJobs} into a campaign of the whole application
 * on the embedded stack. <b>Baseline, same run, before the import</b>: a bare PostgreSQL {@code COPY} of the same
 * file's contacts into the same table, {@code contact}, for another campaign: one statement, the good rows as the
 * table takes them (a COPY cannot parse, validate, normalise nor skip a bad line: it stops at the first), so what
 * PostgreSQL alone spends putting these contacts where the import puts them. Also reported, for information: a COPY
 * of the file's lines into a one-column unlogged table without index (the database's floor, no table's cost). Reports
 * rows/s, the ratios, and the heap the import retains (old generation after collections, sampled).
 */
public final class ImportScenario {

    /** @param rows data rows in the file */
    public record Config(int rows) {
        public static Config standard() {
            return new Config(1_000_000);
        }

        public static Config quick() {
            return new Config(100_000);
        }
    }

    private static final double TARGET_SECONDS_PER_MILLION = 20;
    private static final double TARGET_RATIO = 0.5;
    private static final long TARGET_HEAP_MB = 100;

    private final Config config;

    public ImportScenario(Config config) {
        this.config = config;
    }

    public List<Result> run() throws Exception {
        Path file = Files.createTempFile("bench-contacts", ".csv");
        try (AppUnderTest app = AppUnderTest.start()) {
            int bad = generate(file, config.rows());
            long bytes = Files.size(file);
            System.err.printf(Locale.ROOT, "import: %,d rows (%,d bad), %.1f MB%n", config.rows(), bad,
                    bytes / 1e6);
            double floorSeconds = bareCopy(app.bean(DataSource.class), file);
            // The baseline first: the import then works on a table that already holds its rows (larger indexes)
            double copySeconds = copyIntoContact(app.bean(DataSource.class),
                    app.bean(CampaignService.class).create(NewCampaign.withDefaults("Bench import, COPY")), config.rows());
            settle(app.bean(DataSource.class));
            long campaign = app.bean(CampaignService.class).create(NewCampaign.withDefaults("Bench import"));
            ContactImportJobs jobs = app.bean(ContactImportJobs.class);

            System.gc();
            HeapWatch heap = new HeapWatch();
            heap.start();
            long t0 = System.nanoTime();
            String token;
            try (InputStream in = Files.newInputStream(file)) {
                token = jobs.receive(in); // what the upload does
            }
            ImportPreview preview = jobs.preview(token, null, null);
            ImportProgress started = jobs.start(campaign, token, "bench.csv", preview.suggested());
            ImportProgress done;
            while (!(done = jobs.progress(started.id()).orElseThrow()).state().isFinal()) {
                Thread.sleep(50);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            heap.stopWatching();
            if (done.state() != ImportProgress.State.DONE || done.imported() != config.rows() - bad) {
                throw new IllegalStateException("import ended " + done);
            }
            double ours = config.rows() / seconds;
            double copy = config.rows() / copySeconds;
            double limit = TARGET_SECONDS_PER_MILLION * config.rows() / 1_000_000.0;
            String n = String.format(Locale.ROOT, "%,d", config.rows());
            List<Result> results = new ArrayList<>();
            results.add(new Result("import " + n + " rows, end to end (s)", "s", seconds, Double.NaN,
                    "< " + String.format(Locale.ROOT, "%.0f", limit), seconds < limit, String.format(Locale.ROOT,
                    "%,d imported, %,d rejected with their line; %.1f MB file", done.imported(), done.rejected(),
                    bytes / 1e6)));
            results.add(new Result("import rows/s vs bare COPY of the same file's contacts into contact", "rows/s",
                    ours, copy, "≥ 0.5x", ours >= TARGET_RATIO * copy, String.format(Locale.ROOT,
                    "one COPY statement of the %,d good rows, as the table takes them (E.164, custom fields as JSON), "
                    + "into contact for another campaign, before the import: %.1f s", config.rows() - bad,
                    copySeconds)));
            results.add(new Result("info: import rows/s vs COPY of the file's lines into a one-column table", "rows/s",
                    ours, config.rows() / floorSeconds, "-", null, String.format(Locale.ROOT,
                    "the database's floor: the raw lines into an unlogged, unindexed one-column table (no parsing, "
                    + "no table's indexes, key or checks) %.1f s", floorSeconds)));
            results.add(new Result("import heap growth (live, full GC every 3 s, peak)", "MB", heap.peakLiveMb(),
                    Double.NaN, "< " + TARGET_HEAP_MB, heap.peakLiveMb() < TARGET_HEAP_MB, String.format(Locale.ROOT,
                    "before the import %d MB live; after young GCs (promoted garbage included) peak +%d MB; used "
                    + "including garbage peak %d MB", heap.baselineMb(), heap.peakMb(), heap.peakUsedMb())));
            return results;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * The baseline's leftovers done before the import starts, so that it does not pay for them: the vacuum and
     * statistics autovacuum would run on the baseline's rows, and its dirty pages written out.
     */
    private static void settle(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            c.createStatement().execute("VACUUM (ANALYZE) contact");
            c.createStatement().execute("CHECKPOINT");
        }
    }

    /** COPY of the file's lines into a plain unindexed one-column table, as the database's own floor (information). */
    private static double bareCopy(DataSource dataSource, Path file) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute("CREATE UNLOGGED TABLE IF NOT EXISTS bench_copy_baseline (line text)");
            c.createStatement().execute("TRUNCATE bench_copy_baseline");
            long t0 = System.nanoTime();
            try (InputStream in = Files.newInputStream(file)) {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "COPY bench_copy_baseline (line) FROM STDIN WITH (FORMAT text, DELIMITER E'\\x01')", in);
            }
            double s = (System.nanoTime() - t0) / 1e9;
            c.createStatement().execute("DROP TABLE bench_copy_baseline");
            return s;
        }
    }

    /**
     * One COPY of the good rows of {@link #generate}, as the import stores them (E.164, custom fields as JSON, consent
     * instant), straight into {@code contact} for another campaign: what PostgreSQL alone spends on these contacts.
     * The numbers are the file's with +337 for +336: the import that follows meets a table of other contacts.
     */
    private static double copyIntoContact(DataSource dataSource, long campaign, int rows) throws Exception {
        StringBuilder text = new StringBuilder(rows * 150);
        for (int i = 0; i < rows; i++) {
            if (i % 100 == 99) {
                continue; // the bad rows
            }
            // the same rows under other numbers (+337…): the import then meets a table of a million other contacts,
            // as a production table is, and not a million copies of its own numbers in the phone index
            text.append(campaign).append("\tPrénom").append(i).append("\tNom").append(i).append("\t+337")
                    .append(String.format(Locale.ROOT, "%08d", i)).append("\t{\"Code_client\": \"C").append(i)
                    .append("\", \"Notes\": \"une note, avec une virgule ").append(i).append("\"}\t2026-0")
                    .append(1 + i % 7).append("-15T00:00:00+01\tsite web\t").append(i % 2 == 1 ? 't' : 'f')
                    .append('\n');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        text = null;
        try (Connection c = dataSource.getConnection()) {
            long t0 = System.nanoTime();
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY contact (campaign_id, first_name, last_name, "
                    + "phone_e164, custom_fields, consent_at, consent_source, existing_contract) FROM STDIN",
                    new java.io.ByteArrayInputStream(bytes));
            return (System.nanoTime() - t0) / 1e9;
        }
    }

    /**
     * Writes the header and {@code rows} rows; every 100th row is bad, cycling through: not a number, a name over
     * 200 characters, no phone, a wrong column count, a bad consent date, a duplicate of an earlier row, a too-short
     * number. @return how many bad rows
     */
    static int generate(Path file, int rows) throws Exception {
        int bad = 0;
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("Prénom,Nom,Téléphone,Consent at,Consent source,Existing contract,Code client,Notes\n");
            String longName = "x".repeat(201);
            StringBuilder line = new StringBuilder(128);
            for (int i = 0; i < rows; i++) {
                String phone = "+336" + String.format(Locale.ROOT, "%08d", i);
                String first = "Prénom" + i;
                String consent = "2026-0" + (1 + i % 7) + "-15";
                boolean short_ = false;
                if (i % 100 == 99) {
                    bad++;
                    switch ((i / 100) % 7) {
                        case 0 -> phone = "12ab" + i;
                        case 1 -> first = longName;
                        case 2 -> phone = "";
                        case 3 -> short_ = true;
                        case 4 -> consent = "32/13/2026";
                        case 5 -> phone = String.format(Locale.ROOT, "0%09d", 600000000 + i - 99);
                        default -> phone = "+33 6 12";
                    }
                }
                line.setLength(0);
                if (short_) {
                    line.append(first).append(",Only,Three");
                } else {
                    line.append(first).append(",Nom").append(i).append(',').append(phone).append(',').append(consent)
                            .append(",site web,").append(i % 2 == 1 ? "oui" : "non").append(",C").append(i)
                            .append(",\"une note, avec une virgule ").append(i).append('"');
                }
                w.append(line).append('\n');
            }
        }
        return bad;
    }

    /**
     * The heap right after each garbage collection (what survived it: the live data, plus old garbage not collected
     * yet, so an upper bound), from the collectors' notifications; and the used heap sampled, garbage included.
     */
    private static final class HeapWatch extends Thread {
        private final long baseline = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        private final java.util.List<Runnable> unsubscribe = new ArrayList<>();
        private volatile long peakAfterGc = baseline;
        private volatile long peakUsed;
        private volatile long peakLive;
        private volatile boolean running = true;

        HeapWatch() {
            super("import-heap-watch");
            setDaemon(true);
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof javax.management.NotificationEmitter emitter) {
                    javax.management.NotificationListener listener = (n, h) -> {
                        if (com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                                .equals(n.getType())) {
                            var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                                    (javax.management.openmbean.CompositeData) n.getUserData());
                            long after = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                                    .mapToLong(java.lang.management.MemoryUsage::getUsed).sum();
                            long nonHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
                                    .filter(p -> p.getType() != MemoryType.HEAP)
                                    .filter(p -> info.getGcInfo().getMemoryUsageAfterGc().containsKey(p.getName()))
                                    .mapToLong(p -> info.getGcInfo().getMemoryUsageAfterGc().get(p.getName())
                                            .getUsed()).sum();
                            peakAfterGc = Math.max(peakAfterGc, after - nonHeap);
                        }
                    };
                    emitter.addNotificationListener(listener, null, null);
                    unsubscribe.add(() -> {
                        try {
                            emitter.removeNotificationListener(listener);
                        } catch (javax.management.ListenerNotFoundException ignored) {
                            // gone already
                        }
                    });
                }
            }
        }

        @Override
        public void run() {
            long nextFullGc = System.nanoTime() + 3_000_000_000L;
            while (running) {
                long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                peakUsed = Math.max(peakUsed, used);
                if (System.nanoTime() > nextFullGc) { // what is really live now (a young GC promotes garbage)
                    System.gc();
                    peakLive = Math.max(peakLive,
                            ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                    nextFullGc = System.nanoTime() + 3_000_000_000L;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long peakLiveMb() {
            return Math.max(0, peakLive - baseline) >> 20;
        }

        void stopWatching() {
            running = false;
            unsubscribe.forEach(Runnable::run);
        }

        long peakMb() {
            return Math.max(0, peakAfterGc - baseline) >> 20;
        }

        long baselineMb() {
            return baseline >> 20;
        }

        long peakUsedMb() {
            return peakUsed >> 20;
        }
    }
}
