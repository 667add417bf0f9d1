package com.evscallpro.core.contact;

import com.evscallpro.core.contact.ImportMapping.Column;
import com.evscallpro.core.contact.ImportMapping.Target;
import com.evscallpro.core.contact.ImportReport.Rejection;
import com.evscallpro.core.error.EvsException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a CSV file one record at a time (never the whole file): the first non-blank line is the header, each
 * later record becomes a {@link ContactInput} through the mapping, with its line number as in the file (a quoted
 * value spanning lines counts them). A record with the wrong column count or an unreadable consent value is
 * rejected; a malformed record (an unterminated quote) ends the reading, reported on its line.
 */
final class ContactCsvReader {

    private static final Logger log = LoggerFactory.getLogger(ContactCsvReader.class);

    /** What the reader hands over, record by record. */
    interface Rows {
        void row(int line, ContactInput contact);

        void rejected(Rejection rejection);

        /** Called between records; true stops the reading. */
        boolean stop();
    }

    private ContactCsvReader() {
    }

    static CSVFormat format(char delimiter) {
        return CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(true)
                .setTrim(true)
                .get();
    }

    static boolean isBlank(CSVRecord record) {
        for (String value : record) {
            if (value != null && !value.isBlank() && !"\uFEFF".equals(value)) {
                return false;
            }
        }
        return true;
    }

    static List<String> header(CSVRecord record) {
        List<String> names = new ArrayList<>(record.size());
        for (String v : record) {
            names.add(v.replace("\uFEFF", "").strip());
        }
        return names;
    }

    /**
     * Reads every record.
     *
     * @param mappingFor the mapping for the file's header ({@code import.no-phone-column} when it maps no phone)
     * @return the mapping used
     */
    static ImportMapping read(Reader in, char delimiter, Function<List<String>, ImportMapping> mappingFor,
                              ZoneId zone, Rows rows) {
        try (CSVParser parser = CSVParser.builder().setReader(in).setFormat(format(delimiter)).get()) {
            Iterator<CSVRecord> it = parser.iterator();
            Mapped mapped = null;
            while (!rows.stop()) {
                long before = parser.getCurrentLineNumber();
                CSVRecord record;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    record = it.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    int line = (int) before + 1;
                    log.info("Malformed CSV from line {} on: {}", line, rootMessage(e));
                    rows.rejected(new Rejection(line, null, "", Rejection.MALFORMED));
                    break;
                }
                int line = (int) before + 1;
                if (isBlank(record)) {
                    continue;
                }
                if (mapped == null) {
                    List<String> header = header(record);
                    ImportMapping mapping = mappingFor.apply(header);
                    if (mapping.indexOf(Target.PHONE) < 0) {
                        throw new EvsException("import.no-phone-column", String.join(",", header));
                    }
                    mapped = new Mapped(mapping, zone);
                    continue;
                }
                if (record.size() != mapped.columns.length) {
                    String raw = String.join(String.valueOf(delimiter), record.toList());
                    rows.rejected(new Rejection(line, null, raw.length() > 80 ? raw.substring(0, 80) + "…" : raw,
                            Rejection.COLUMN_COUNT, record.size(), mapped.columns.length));
                    continue;
                }
                mapped.contact(line, record, rows);
            }
            if (mapped == null) {
                throw new EvsException("import.empty");
            }
            return mapped.mapping;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CSV file", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** The mapping as arrays, for the per-record work. */
    private static final class Mapped {
        final ImportMapping mapping;
        final Column[] columns;
        final ZoneId zone;
        final int firstName;
        final int lastName;
        final int phone;
        final int consentAt;
        final int consentSource;
        final int existingContract;

        Mapped(ImportMapping mapping, ZoneId zone) {
            this.mapping = mapping;
            this.columns = mapping.columns().toArray(Column[]::new);
            this.zone = zone;
            this.firstName = mapping.indexOf(Target.FIRST_NAME);
            this.lastName = mapping.indexOf(Target.LAST_NAME);
            this.phone = mapping.indexOf(Target.PHONE);
            this.consentAt = mapping.indexOf(Target.CONSENT_AT);
            this.consentSource = mapping.indexOf(Target.CONSENT_SOURCE);
            this.existingContract = mapping.indexOf(Target.EXISTING_CONTRACT);
        }

        void contact(int line, CSVRecord record, Rows rows) {
            Instant consent;
            boolean contract;
            try {
                consent = consentAt < 0 ? null : ConsentValues.instant(record.get(consentAt), zone);
                if (consent != null && consent.isAfter(Instant.now().plusSeconds(86_400))) {
                    rows.rejected(new Rejection(line, columns[consentAt].header(), record.get(consentAt),
                            Rejection.FUTURE_DATE, record.get(consentAt)));
                    return;
                }
            } catch (IllegalArgumentException e) {
                rows.rejected(new Rejection(line, columns[consentAt].header(), record.get(consentAt),
                        Rejection.BAD_DATE, shorten(record.get(consentAt))));
                return;
            }
            try {
                contract = existingContract >= 0 && ConsentValues.bool(record.get(existingContract));
            } catch (IllegalArgumentException e) {
                rows.rejected(new Rejection(line, columns[existingContract].header(), record.get(existingContract),
                        Rejection.BAD_BOOLEAN, shorten(record.get(existingContract))));
                return;
            }
            Map<String, String> custom = null;
            for (int i = 0; i < columns.length; i++) {
                if (columns[i].target() == Target.CUSTOM && !record.get(i).isEmpty()) {
                    if (custom == null) {
                        custom = new LinkedHashMap<>();
                    }
                    custom.put(columns[i].customKey(), record.get(i));
                }
            }
            rows.row(line, new ContactInput(value(record, firstName), value(record, lastName), record.get(phone),
                    custom == null ? Map.of() : custom, consent,
                    consentSource < 0 ? null : ContactValidator.blankToNull(record.get(consentSource)), contract));
        }

        private static String value(CSVRecord record, int index) {
            return index < 0 ? null : record.get(index);
        }

        private static String shorten(String s) {
            return s.length() > 40 ? s.substring(0, 40) + "…" : s;
        }
    }
}
