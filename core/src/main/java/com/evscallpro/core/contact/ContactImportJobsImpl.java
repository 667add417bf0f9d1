package com.evscallpro.core.contact;

import com.evscallpro.core.audit.AuditTrail;
import com.evscallpro.core.contact.ImportProgress.State;
import com.evscallpro.core.contact.ImportReport.Rejection;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.db.campaign.Campaign;
import com.evscallpro.db.contact.ContactBulkLoad;
import com.evscallpro.db.contact.ContactRepository;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Runs file imports on a small pool of its own ({@code evs.import.concurrency} threads): each reads its file once,
 * streamed, through {@link ImportPipeline} into {@link ContactBulkLoad} batches. Figures live in memory on the node
 * that runs the import, for {@code evs.import.keep-for} after its end.
 */
@Service
@EnableConfigurationProperties(ImportSettings.class)
class ContactImportJobsImpl implements ContactImportJobs, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ContactImportJobsImpl.class);
    private static final String UPLOAD_SUFFIX = ".upload.csv";

    private final ContactRepository contacts;
    private final ContactImportServiceImpl imports;
    private final AuditTrail audit;
    private final ApplicationEventPublisher publisher;
    private final ImportSettings settings;
    private final ExecutorService pool;
    /** Phone validation, shared by the running imports (one thread a core). */
    private final ExecutorService validators;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    ContactImportJobsImpl(ContactRepository contacts, ContactImportServiceImpl imports, AuditTrail audit,
                          ApplicationEventPublisher publisher, ImportSettings settings) {
        this.contacts = contacts;
        this.imports = imports;
        this.audit = audit;
        this.publisher = publisher;
        this.settings = settings;
        ThreadFactory threads = Thread.ofPlatform().name("contact-import-", 1).daemon(true).factory();
        this.pool = Executors.newFixedThreadPool(settings.concurrency(), threads);
        this.validators = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()),
                Thread.ofPlatform().name("contact-import-check-", 1).daemon(true).factory());
    }

    @Override
    public long maxFileSize() {
        return settings.maxFileSize().toBytes();
    }

    @Override
    public String receive(InputStream upload) {
        String token = UUID.randomUUID().toString();
        Path file = uploaded(token);
        try {
            Files.createDirectories(settings.workDir());
            try (OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                long total = 0;
                for (int n; (n = upload.read(buffer)) >= 0; ) {
                    total += n;
                    if (total > maxFileSize()) {
                        throw new EvsException("import.too-big", maxFileSize());
                    }
                    out.write(buffer, 0, n);
                }
            }
            return token;
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException("cannot receive the uploaded file", e);
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    @Override
    public ImportPreview preview(String fileToken, Character delimiter, Charset charset) {
        return CsvSniffer.preview(existing(fileToken), delimiter, charset, 10);
    }

    @Override
    public void discard(String fileToken) {
        if (fileToken != null && isToken(fileToken)) {
            deleteQuietly(uploaded(fileToken));
        }
    }

    @Override
    public ImportProgress start(long campaignId, String fileToken, String fileName, ImportMapping mapping) {
        Path file = existing(fileToken);
        Campaign campaign = imports.checkCampaign(campaignId);
        ImportMapping used = mapping;
        if (used == null) {
            ImportPreview preview = CsvSniffer.preview(file, null, null, 0);
            used = preview.suggested();
        }
        if (used.indexOf(ImportMapping.Target.PHONE) < 0) {
            throw new EvsException("import.no-phone-column",
                    String.join(",", used.columns().stream().map(ImportMapping.Column::header).toList()));
        }
        Job job;
        try {
            job = new Job(UUID.randomUUID().toString(), campaign, file, fileName == null ? "" : fileName, used,
                    Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded file", e);
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("file", job.fileName);
        after.put("bytes", job.totalBytes);
        after.put("importId", job.id);
        audit.record("import", "campaign", campaignId, campaign.getName() + ": " + job.fileName, null, after);
        jobs.put(job.id, job);
        evictOld();
        pool.execute(job::run);
        return job.snapshot();
    }

    @Override
    public Optional<ImportProgress> progress(String importId) {
        return Optional.ofNullable(importId == null ? null : jobs.get(importId)).map(Job::snapshot);
    }

    @Override
    public boolean cancel(String importId) {
        Job job = importId == null ? null : jobs.get(importId);
        if (job == null || job.state.isFinal()) {
            return false;
        }
        job.cancelled = true;
        return true;
    }

    @Override
    public AutoCloseable subscribe(String importId, Consumer<ImportProgress> listener) {
        Job job = jobs.get(importId);
        if (job == null) {
            throw new EvsException("import.unknown-file", importId);
        }
        job.listeners.add(listener);
        return () -> job.listeners.remove(listener);
    }

    @Override
    public void writeReport(String importId, Writer out, Function<Rejection, String> reason) throws IOException {
        Job job = importId == null ? null : jobs.get(importId);
        if (job == null) {
            throw new EvsException("import.unknown-file", importId);
        }
        job.rejections.writeReport(out, reason);
    }

    @Override
    public void close() {
        pool.shutdownNow();
        validators.shutdownNow();
        jobs.values().forEach(j -> j.cancelled = true);
    }

    private void evictOld() {
        Instant limit = Instant.now().minus(settings.keepFor());
        jobs.values().removeIf(j -> {
            boolean old = j.state.isFinal() && j.finishedAt != null && j.finishedAt.isBefore(limit);
            if (old) {
                deleteQuietly(j.reportFile);
            }
            return old;
        });
    }

    private Path existing(String token) {
        if (token == null || !isToken(token) || !Files.isRegularFile(uploaded(token))) {
            throw new EvsException("import.unknown-file", String.valueOf(token));
        }
        return uploaded(token);
    }

    private static boolean isToken(String token) {
        return token.matches("[0-9a-f-]{36}");
    }

    private Path uploaded(String token) {
        return settings.workDir().resolve(token + UPLOAD_SUFFIX);
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            log.warn("Cannot delete {}: {}", file, e.toString());
        }
    }

    /** One import: its file, figures, rejections and listeners. */
    private final class Job {
        final String id;
        final Campaign campaign;
        final Path file;
        final String fileName;
        final ImportMapping mapping;
        final long totalBytes;
        final Path reportFile;
        final RejectionLog rejections;
        final ImportPipeline.Counters counters = new ImportPipeline.Counters();
        final AtomicLong bytesRead = new AtomicLong();
        final List<Consumer<ImportProgress>> listeners = new CopyOnWriteArrayList<>();
        final Instant startedAt = Instant.now();
        volatile State state = State.QUEUED;
        volatile boolean cancelled;
        volatile Instant finishedAt;
        volatile String errorCode;
        volatile List<Object> errorArgs = List.of();
        volatile long storeMillis;
        volatile String phases = "";

        Job(String id, Campaign campaign, Path file, String fileName, ImportMapping mapping, long totalBytes) {
            this.id = id;
            this.campaign = campaign;
            this.file = file;
            this.fileName = fileName;
            this.mapping = mapping;
            this.totalBytes = totalBytes;
            this.reportFile = settings.workDir().resolve(id + ".rejections.csv");
            this.rejections = new RejectionLog(settings.shownRejections(), reportFile);
        }

        ImportProgress snapshot() {
            ImportPipeline.Counters c = counters;
            return new ImportProgress(id, campaign.getId(), fileName, state, bytesRead.get(), totalBytes,
                    c.rowsRead.get(), c.imported.get(), c.rejected.get(), c.duplicatesInFile.get(),
                    c.alreadyInCampaign.get(), rejections.first(), errorCode, errorArgs, startedAt, finishedAt);
        }

        void run() {
            state = State.RUNNING;
            publish();
            long t0 = System.nanoTime();
            State end = State.FAILED;
            ExecutorService storer = Executors.newFixedThreadPool(settings.storeSessions(),
                    Thread.ofPlatform().name("contact-import-store-", 1).daemon(true).factory());
            List<ContactBulkLoad.Session> sessions = new java.util.ArrayList<>();
            try (storer;
                 InputStream raw = new Counting(Files.newInputStream(file), bytesRead);
                 BufferedReader reader = new BufferedReader(new InputStreamReader(skipBom(raw, mapping.charset()),
                         mapping.charset()), 256 * 1024)) {
                for (int i = 0; i < settings.storeSessions(); i++) {
                    sessions.add(contacts.openBulkLoad(campaign.getId()));
                }
                ImportPipeline pipeline = new ImportPipeline(sessions,
                        new ContactValidator(campaign.getDefaultRegion(), ContactValidator.Limits.DEFAULT),
                        settings.batchSize(), rejections, counters, () -> cancelled, this::publish, validators, storer);
                ContactCsvReader.read(reader, mapping.delimiter(), header -> pipeline.named(fitted(header)),
                        settings.timeZone(), pipeline);
                pipeline.finish();
                storeMillis = pipeline.storeNanos() / 1_000_000;
                phases = pipeline.phases();
                end = cancelled ? State.CANCELLED : State.DONE;
            } catch (EvsException e) {
                errorCode = e.code();
                errorArgs = e.args();
            } catch (IOException | RuntimeException e) {
                log.warn("Import {} of {} into campaign {} failed", id, fileName, campaign.getId(), e);
                errorCode = "import.failed";
            } finally {
                sessions.forEach(ContactBulkLoad.Session::close);
                rejections.close();
                deleteQuietly(file);
            }
            publisher.publishEvent(new ContactsImported(campaign.getId(), counters.imported.get(),
                    counters.rejected.get()));
            finishedAt = Instant.now();
            state = end; // last: whoever sees a final state sees everything done
            ImportProgress done = snapshot();
            log.info("Import {} of {} into campaign {} '{}' {}: {} rows read, {} imported, {} rejected ({} duplicates "
                            + "in the file, {} already in the campaign) in {} ms: {}", id, fileName, campaign.getId(),
                    campaign.getName(), done.state(), done.rowsRead(), done.imported(), done.rejected(),
                    done.duplicatesInFile(), done.alreadyInCampaign(), (System.nanoTime() - t0) / 1_000_000, phases);
            publish();
        }

        /** The mapping for the header actually read (it must have as many columns as the previewed one). */
        private ImportMapping fitted(List<String> header) {
            if (header.size() != mapping.columns().size()) {
                return ImportMapping.suggest(mapping.delimiter(), mapping.charset(), header);
            }
            return mapping;
        }

        void publish() {
            ImportProgress p = snapshot();
            for (Consumer<ImportProgress> l : listeners) {
                try {
                    l.accept(p);
                } catch (RuntimeException e) {
                    log.debug("Import progress listener failed: {}", e.toString());
                }
            }
        }
    }

    private static InputStream skipBom(InputStream in, Charset charset) throws IOException {
        java.io.PushbackInputStream p = new java.io.PushbackInputStream(in, 3);
        if (charset.equals(StandardCharsets.UTF_8)) {
            byte[] b = p.readNBytes(3);
            boolean bom = b.length == 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
            if (!bom) {
                p.unread(b);
            }
        }
        return p;
    }

    /** Counts the bytes read, for the progress bar. */
    private static final class Counting extends FilterInputStream {
        private final AtomicLong count;

        Counting(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }
}
