package com.evscallpro.core.contact;

import com.evscallpro.core.contact.ImportReport.Rejection;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * An import's rejections: the first {@code shown} kept in memory for the screen, every one appended to a work file
 * (codes and typed arguments, not yet translated) from which {@link #writeReport} writes the downloadable report.
 */
final class RejectionLog implements AutoCloseable {

    private final int shown;
    private final List<Rejection> first = new ArrayList<>();
    private final Path file;
    private final CSVPrinter out;

    /** @param file where every rejection goes, null to keep them only in memory (up to {@code shown}) */
    RejectionLog(int shown, Path file) {
        this.shown = shown;
        this.file = file;
        try {
            this.out = file == null ? null
                    : new CSVPrinter(new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8)),
                    CSVFormat.DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the import report", e);
        }
    }

    synchronized void addAll(List<Rejection> rejections) {
        for (Rejection r : rejections) {
            if (first.size() < shown) {
                first.add(r);
            }
            if (out != null) {
                try {
                    out.printRecord(r.line(), r.column(), r.code(), encode(r.args()), r.value());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the import report", e);
                }
            }
        }
    }

    synchronized List<Rejection> first() {
        return List.copyOf(first);
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the import report", e);
            }
        }
    }

    /**
     * Writes the report as CSV (UTF-8 with a BOM for spreadsheets, comma): line, column, code, reason (as
     * {@code reason} words it), value. Values a spreadsheet would run as formulas are neutralised.
     */
    void writeReport(Writer target, Function<Rejection, String> reason) throws IOException {
        target.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(target, CSVFormat.DEFAULT);
        csv.printRecord("line", "column", "code", "reason", "value");
        if (file == null) {
            for (Rejection r : first()) {
                print(csv, r, reason);
            }
        } else {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                 CSVParser parser = CSVParser.builder().setReader(in).setFormat(CSVFormat.DEFAULT).get()) {
                for (CSVRecord rec : parser) {
                    print(csv, new Rejection(Integer.parseInt(rec.get(0)), rec.get(1).isEmpty() ? null : rec.get(1),
                            rec.get(4), rec.get(2), decode(rec.get(3))), reason);
                }
            }
        }
        csv.flush();
    }

    private static void print(CSVPrinter csv, Rejection r, Function<Rejection, String> reason) throws IOException {
        csv.printRecord(r.line(), SpreadsheetSafe.text(r.column()), r.code(), SpreadsheetSafe.text(reason.apply(r)),
                SpreadsheetSafe.text(r.value()));
    }

    /** Arguments typed ("i:3", "s:text"), separated by U+001F. */
    private static String encode(List<Object> args) {
        StringBuilder sb = new StringBuilder();
        for (Object a : args) {
            if (!sb.isEmpty()) {
                sb.append('\u001F');
            }
            sb.append(a instanceof Number ? "i:" : "s:").append(a);
        }
        return sb.toString();
    }

    private static List<Object> decode(String s) {
        List<Object> args = new ArrayList<>();
        if (s.isEmpty()) {
            return args;
        }
        for (String a : s.split("\u001F", -1)) {
            args.add(a.startsWith("i:") ? (Object) Long.parseLong(a.substring(2)) : a.substring(2));
        }
        return args;
    }
}
