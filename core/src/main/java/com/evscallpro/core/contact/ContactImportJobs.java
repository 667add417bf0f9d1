package com.evscallpro.core.contact;

import com.evscallpro.core.contact.ImportReport.Rejection;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * File imports that run in the background, streamed (a million rows in constant memory), with progress by id,
 * cancellation and a per-line report. Files are received into the import work directory first
 * ({@link #receive}), previewed, then imported with a mapping. Refusals are
 * {@link com.evscallpro.core.error.EvsException}s: {@code import.too-big} (the limit in bytes),
 * {@code import.empty}, {@code import.no-phone-column}, {@code import.unknown-file}, {@code campaign.not-found},
 * {@code campaign.finished}.
 */
public interface ContactImportJobs {

    /** The largest file accepted, in bytes ({@code evs.import.max-file-size}). */
    long maxFileSize();

    /**
     * Copies an upload into the work directory as it arrives (never in memory); {@code import.too-big} once it
     * passes the limit (nothing is kept). @return the received file's token, for {@link #preview} and {@link #start}
     */
    String receive(InputStream upload);

    /** The file's delimiter, encoding, header, first rows and suggested mapping; overrides when not null. */
    ImportPreview preview(String fileToken, Character delimiter, Charset charset);

    /**
     * Starts importing a received file into a campaign (the file is deleted when the import ends), audited.
     *
     * @param mapping null: the mapping the header suggests
     */
    ImportProgress start(long campaignId, String fileToken, String fileName, ImportMapping mapping);

    /** Drops a received file that will not be imported. */
    void discard(String fileToken);

    /** The import's figures, while it runs and for {@code evs.import.keep-for} after. */
    Optional<ImportProgress> progress(String importId);

    /** Asks a running import to stop after the batches in progress; @return false when unknown or already over */
    boolean cancel(String importId);

    /**
     * Calls {@code listener} with each new snapshot (after each batch and at the end), from the import's thread.
     * @return a handle that stops the calls
     */
    AutoCloseable subscribe(String importId, Consumer<ImportProgress> listener);

    /** Writes every rejection of the import as CSV ({@code reason} words each); {@code import.unknown-file}. */
    void writeReport(String importId, Writer out, Function<Rejection, String> reason) throws IOException;
}
