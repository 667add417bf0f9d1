package com.evscallpro.core.contact;

import com.evscallpro.core.error.EvsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Detects a CSV file's encoding (a UTF-8 BOM or valid UTF-8: UTF-8; otherwise Windows-1252, what Excel writes in
 * France) and delimiter (the most frequent of ';', ',' and tab in the first non-blank line), from its first 64 KB.
 */
final class CsvSniffer {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int SAMPLE = 64 * 1024;

    private CsvSniffer() {
    }

    static ImportPreview preview(Path file, Character delimiter, Charset charset, int rows) {
        byte[] sample;
        try (InputStream in = Files.newInputStream(file)) {
            sample = in.readNBytes(SAMPLE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded file", e);
        }
        Charset cs = charset != null ? charset : charset(sample, sample.length < SAMPLE);
        String text = decode(sample, cs);
        char d = delimiter != null ? delimiter : delimiter(text);
        List<String> header = null;
        List<List<String>> first = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text))
                .setFormat(ContactCsvReader.format(d)).get()) {
            for (CSVRecord record : parser) {
                if (ContactCsvReader.isBlank(record)) {
                    continue;
                }
                if (header == null) {
                    header = ContactCsvReader.header(record);
                } else if (first.size() < rows) {
                    first.add(record.toList());
                } else {
                    break;
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // a malformed row in the sample: the preview shows the rows before it, the import reports the line
        }
        if (header == null) {
            throw new EvsException("import.empty");
        }
        return new ImportPreview(d, cs, header, first, ImportMapping.suggest(d, cs, header));
    }

    static Charset charset(byte[] sample, boolean complete) {
        if (sample.length >= 3 && (sample[0] & 0xFF) == 0xEF && (sample[1] & 0xFF) == 0xBB
                && (sample[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        int length = sample.length;
        if (!complete) { // do not judge a multi-byte character cut at the end of the sample
            while (length > 0 && length > sample.length - 4 && (sample[length - 1] & 0xC0) == 0x80) {
                length--;
            }
            if (length > 0 && (sample[length - 1] & 0xC0) == 0xC0) {
                length--;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(sample, 0, length));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return WINDOWS_1252;
        }
    }

    static char delimiter(String text) {
        for (String line : text.split("\r?\n")) {
            String l = line.replace("\uFEFF", "");
            if (l.isBlank()) {
                continue;
            }
            long semicolons = l.chars().filter(c -> c == ';').count();
            long commas = l.chars().filter(c -> c == ',').count();
            long tabs = l.chars().filter(c -> c == '\t').count();
            if (tabs > semicolons && tabs > commas) {
                return '\t';
            }
            return semicolons > commas ? ';' : ',';
        }
        return ',';
    }

    private static String decode(byte[] sample, Charset cs) {
        String s = new String(sample, cs);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
