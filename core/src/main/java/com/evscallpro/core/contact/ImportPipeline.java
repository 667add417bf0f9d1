package com.evscallpro.core.contact;

import com.evscallpro.core.contact.ImportMapping.Target;
import com.evscallpro.core.contact.ImportReport.Rejection;
import com.evscallpro.db.contact.ContactBulkLoad;
import com.evscallpro.db.contact.ContactBulkLoad.Skipped;
import com.evscallpro.db.contact.ContactBulkLoad.StagedContact;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * One file's rows through validation, de-duplication within the file (first line wins) and batches to the bulk
 * load (which skips phones already in the campaign). Rejections of a batch reach the {@link RejectionLog} sorted by
 * line once the batch is stored; nothing else is kept per row, so memory stays flat whatever the file's size.
 * <p>Validation (libphonenumber's {@code isValidNumber}, its {@code parse} skipped for the common shapes by
 * {@link E164Shortcut}) runs on {@code validators} by chunks of {@value #CHUNK} rows, at most {@value #IN_FLIGHT}
 * chunks ahead; the results are taken in file order on the calling thread, which alone de-duplicates; a full batch
 * goes to {@code storer} while the next is read (the database works while Java reads on). Storing (PostgreSQL's
 * work on {@code contact}'s indexes, the import's main cost) runs on as many sessions as given, one batch each at
 * once; each batch reserves its ids in file order, so ids follow the file.
 */
final class ImportPipeline implements ContactCsvReader.Rows {

    /** The running figures, read by progress snapshots from other threads. */
    static final class Counters {
        final AtomicInteger rowsRead = new AtomicInteger();
        final AtomicInteger imported = new AtomicInteger();
        final AtomicInteger rejected = new AtomicInteger();
        final AtomicInteger duplicatesInFile = new AtomicInteger();
        final AtomicInteger alreadyInCampaign = new AtomicInteger();
    }

    private final List<ContactBulkLoad.Session> sessions;
    private final java.util.concurrent.BlockingQueue<ContactBulkLoad.Session> free;
    /** The next batch allowed to reserve its ids. */
    private final int[] turn = {0};
    private int batches;
    private final java.util.ArrayDeque<Storing> storing = new java.util.ArrayDeque<>();
    private final java.util.concurrent.atomic.AtomicLong storeNanos = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong validateNanos = new java.util.concurrent.atomic.AtomicLong();
    private long waitValidateNanos;
    private long waitStoreNanos;
    private final ContactValidator validator;
    private final int batchSize;
    private final RejectionLog log;
    private final Counters counters;
    private final BooleanSupplier cancelled;
    private final Runnable afterBatch;
    private final PhoneSet phones = new PhoneSet();
    private List<StagedContact> batch;
    private final java.util.concurrent.Executor storer;
    private final List<Rejection> pending = new ArrayList<>();
    private ContactValidator.Names names = ContactValidator.Names.FIELDS;
    private final java.util.concurrent.Executor validators;
    private final java.util.ArrayDeque<java.util.concurrent.CompletableFuture<List<Object[]>>> inFlight =
            new java.util.ArrayDeque<>();
    private List<Object[]> chunk = new ArrayList<>(CHUNK);

    static final int CHUNK = 2_000;
    static final int IN_FLIGHT = 8;

    /**
     * @param sessions one per batch stored at once ({@code storer} must run that many tasks at once, or run them in
     *                 the calling thread)
     */
    ImportPipeline(List<ContactBulkLoad.Session> sessions, ContactValidator validator, int batchSize, RejectionLog log,
                   Counters counters, BooleanSupplier cancelled, Runnable afterBatch,
                   java.util.concurrent.Executor validators, java.util.concurrent.Executor storer) {
        this.validators = validators;
        this.storer = storer;
        this.sessions = List.copyOf(sessions);
        this.free = new java.util.concurrent.LinkedBlockingQueue<>(sessions);
        this.validator = validator;
        this.batchSize = batchSize;
        this.log = log;
        this.counters = counters;
        this.cancelled = cancelled;
        this.afterBatch = afterBatch;
        this.batch = new ArrayList<>(batchSize);
    }

    /** The mapping's column headers name the rejections' columns. */
    ImportMapping named(ImportMapping mapping) {
        names = new ContactValidator.Names(header(mapping, Target.FIRST_NAME), header(mapping, Target.LAST_NAME),
                header(mapping, Target.PHONE), header(mapping, Target.CONSENT_SOURCE));
        return mapping;
    }

    private static String header(ImportMapping mapping, Target target) {
        int i = mapping.indexOf(target);
        return i < 0 ? null : mapping.columns().get(i).header();
    }

    @Override
    public void row(int line, ContactInput in) {
        add(new Object[] {line, in, null});
    }

    @Override
    public void rejected(Rejection rejection) {
        add(new Object[] {rejection.line(), null, rejection});
    }

    /** Queues a row (or a rejection from the reader, kept in file order) for validation by chunks. */
    private void add(Object[] item) {
        chunk.add(item);
        if (chunk.size() >= CHUNK) {
            submit();
        }
    }

    private void submit() {
        if (chunk.isEmpty()) {
            return;
        }
        List<Object[]> items = chunk;
        ContactValidator.Names n = names;
        chunk = new ArrayList<>(CHUNK);
        inFlight.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> validate(items, n), validators));
        while (inFlight.size() > IN_FLIGHT) {
            take();
        }
    }

    /** Off the calling thread: each row's E.164 phone, or its rejections. */
    private List<Object[]> validate(List<Object[]> items, ContactValidator.Names n) {
        long t0 = System.nanoTime();
        for (Object[] item : items) {
            if (item[1] instanceof ContactInput in) {
                List<Rejection> faults = new ArrayList<>(1);
                String e164 = validator.check((Integer) item[0], in, n, faults::add);
                item[2] = e164 != null ? e164 : faults.getFirst();
            }
        }
        validateNanos.addAndGet(System.nanoTime() - t0);
        return items;
    }

    private void take() {
        long t0 = System.nanoTime();
        List<Object[]> items = inFlight.removeFirst().join();
        waitValidateNanos += System.nanoTime() - t0;
        for (Object[] item : items) {
            if (cancelled.getAsBoolean()) {
                return; // the rows read since the last batch are not stored
            }
            int line = (Integer) item[0];
            counters.rowsRead.incrementAndGet();
            if (item[2] instanceof Rejection r) {
                if (Rejection.MALFORMED.equals(r.code())) {
                    counters.rowsRead.decrementAndGet();
                }
                reject(r);
                continue;
            }
            ContactInput in = (ContactInput) item[1];
            String e164 = (String) item[2];
            int first = phones.putIfAbsent(e164, line);
            if (first != 0) {
                counters.duplicatesInFile.incrementAndGet();
                reject(new Rejection(line, names.phone(), in.phone().strip(), Rejection.DUPLICATE, first));
                continue;
            }
            batch.add(new StagedContact(line, ContactValidator.blankToNull(in.firstName()),
                    ContactValidator.blankToNull(in.lastName()), e164, json(in.customFields()), in.consentAt(),
                    in.consentSource(), in.existingContract()));
            if (batch.size() >= batchSize) {
                flush();
            }
        }
    }

    private void reject(Rejection r) {
        counters.rejected.incrementAndGet();
        pending.add(r);
    }

    @Override
    public boolean stop() {
        return cancelled.getAsBoolean();
    }

    /** Stores what is pending (not after a cancel: the rows read since the last batch are dropped). */
    void finish() {
        if (!cancelled.getAsBoolean()) {
            submit();
            while (!inFlight.isEmpty() && !cancelled.getAsBoolean()) {
                take();
            }
        }
        if (cancelled.getAsBoolean()) {
            inFlight.forEach(f -> f.cancel(false));
            inFlight.clear();
            awaitStored(0); // the batches being stored are kept
            return;
        }
        flush();
        awaitStored(0);
    }

    /** Nanoseconds spent storing batches (COPY + merge, summed over the sessions), for the import's log line. */
    long storeNanos() {
        return storeNanos.get();
    }

    /** Where the time went, for the import's log line (milliseconds). */
    String phases() {
        StringBuilder db = new StringBuilder();
        for (ContactBulkLoad.Session s : sessions) {
            db.append(db.isEmpty() ? "" : "; ").append(s.timings());
        }
        return "validating " + validateNanos.get() / 1_000_000 + " ms (summed over threads), reader waiting for "
                + "validation " + waitValidateNanos / 1_000_000 + " ms, waiting for the store " + waitStoreNanos / 1_000_000
                + " ms, storing " + storeNanos.get() / 1_000_000 + " ms on " + sessions.size() + " sessions (" + db
                + ")";
    }

    /** A batch handed to a session, and what to report once it is stored. */
    private record Storing(java.util.concurrent.CompletableFuture<List<Skipped>> skipped, int rows,
                           List<Rejection> faults, String phoneColumn) {
    }

    /**
     * Hands the batch to a free session and goes on reading; with every session busy, first waits for the oldest
     * batch. Batches are reported (figures, rejections, progress) in file order, on this thread.
     */
    private void flush() {
        if (batch.isEmpty() && pending.isEmpty()) {
            return;
        }
        List<StagedContact> rows = batch;
        List<Rejection> faults = new ArrayList<>(pending);
        batch = new ArrayList<>(batchSize);
        pending.clear();
        awaitStored(sessions.size() - 1);
        int ticket = batches++;
        storing.add(new Storing(java.util.concurrent.CompletableFuture.supplyAsync(() -> store(rows, ticket), storer),
                rows.size(), faults, names.phone()));
    }

    /**
     * On a storer thread: takes a free session, reserves the batch's ids in file order (batch by batch: ids follow the
     * file even when two batches are stored at once), copies and merges.
     */
    private List<Skipped> store(List<StagedContact> rows, int ticket) {
        ContactBulkLoad.Session session = null;
        try {
            session = free.take();
            long t0 = System.nanoTime();
            long[] ids;
            synchronized (turn) {
                while (turn[0] < ticket) {
                    turn.wait();
                }
                ids = session.reserveIds(rows.size());
            }
            passTurn(ticket);
            List<Skipped> skipped = session.load(rows, ids);
            storeNanos.addAndGet(System.nanoTime() - t0);
            return skipped;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing", e);
        } finally {
            passTurn(ticket); // also when this batch failed: the later ones must not wait for it forever
            if (session != null) {
                free.add(session);
            }
        }
    }

    private void passTurn(int ticket) {
        synchronized (turn) {
            if (turn[0] <= ticket) {
                turn[0] = ticket + 1;
                turn.notifyAll();
            }
        }
    }

    /** Waits until at most {@code left} batches are being stored, reporting the stored ones in file order. */
    private void awaitStored(int left) {
        long t0 = System.nanoTime();
        try {
            while (storing.size() > left) {
                Storing s = storing.peekFirst();
                List<Skipped> skipped;
                try {
                    skipped = s.skipped().join();
                } catch (java.util.concurrent.CompletionException e) {
                    storing.removeFirst();
                    throw e.getCause() instanceof RuntimeException r ? r : e;
                }
                storing.removeFirst();
                counters.imported.addAndGet(s.rows() - skipped.size());
                for (Skipped k : skipped) {
                    counters.alreadyInCampaign.incrementAndGet();
                    counters.rejected.incrementAndGet();
                    s.faults().add(new Rejection(k.line(), s.phoneColumn(), k.phoneE164(),
                            Rejection.ALREADY_IN_CAMPAIGN));
                }
                s.faults().sort(Comparator.comparingInt(Rejection::line));
                log.addAll(s.faults());
                afterBatch.run();
            }
        } finally {
            waitStoreNanos += System.nanoTime() - t0;
        }
    }

    /** A JSON object of strings, written by hand (the import's hot path). */
    static String json(Map<String, String> fields) {
        if (fields.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder(16 * fields.size() + 2).append('{');
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            string(sb, e.getKey());
            sb.append(':');
            string(sb, e.getValue());
        }
        return sb.append('}').toString();
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
