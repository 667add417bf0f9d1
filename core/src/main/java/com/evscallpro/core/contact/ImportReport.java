package com.evscallpro.core.contact;

import java.util.Arrays;
import java.util.List;

/**
 * The result of an import: good rows are stored, bad ones are listed with their line and the reason as an error
 * code and its arguments, which the UI translates ({@code error.<code>}).
 *
 * @param imported          rows stored
 * @param rejected          the rejected rows, by line: all of them for a list import, the first ones for a file
 *                          (every one is in the import's downloadable report)
 * @param rejectedCount     every rejected row, duplicates included
 * @param duplicatesInFile  rows whose phone an earlier line of the same file had (code {@code import.duplicate})
 * @param alreadyInCampaign rows whose phone the campaign already had (code {@code import.already-in-campaign})
 * @param cancelled         the import was cancelled: the rows stored before stay
 */
public record ImportReport(int imported, List<Rejection> rejected, int rejectedCount, int duplicatesInFile,
                           int alreadyInCampaign, boolean cancelled) {

    public ImportReport {
        rejected = List.copyOf(rejected);
    }

    /** A complete report: every rejection listed. */
    public ImportReport(int imported, List<Rejection> rejected) {
        this(imported, rejected, rejected.size(),
                (int) rejected.stream().filter(r -> r.code().equals(Rejection.DUPLICATE)).count(),
                (int) rejected.stream().filter(r -> r.code().equals(Rejection.ALREADY_IN_CAMPAIGN)).count(), false);
    }

    /** Duplicates skipped: in the file and already in the campaign. */
    public int duplicatesSkipped() {
        return duplicatesInFile + alreadyInCampaign;
    }

    /**
     * @param line   1-based line (CSV: the file's line number, header included)
     * @param column the column's header (CSV) or field name, null when the whole row is at fault
     * @param code   the reason, a stable code: {@code import.missing-phone}, {@code import.not-a-phone} (the value),
     *               {@code import.duplicate} (the first line with this phone), {@code import.already-in-campaign},
     *               {@code import.column-count} (the row's count, the header's count), {@code import.malformed},
     *               {@code import.too-long} (the limit), {@code import.bad-date} (the value),
     *               {@code import.future-date} (the value), {@code import.bad-boolean} (the value)
     */
    public record Rejection(int line, String column, String value, String code, List<Object> args) {

        public static final String MISSING_PHONE = "import.missing-phone";
        public static final String NOT_A_PHONE = "import.not-a-phone";
        public static final String DUPLICATE = "import.duplicate";
        public static final String ALREADY_IN_CAMPAIGN = "import.already-in-campaign";
        public static final String COLUMN_COUNT = "import.column-count";
        public static final String MALFORMED = "import.malformed";
        public static final String TOO_LONG = "import.too-long";
        public static final String BAD_DATE = "import.bad-date";
        public static final String FUTURE_DATE = "import.future-date";
        public static final String BAD_BOOLEAN = "import.bad-boolean";

        public Rejection {
            args = List.copyOf(args);
            value = value == null ? "" : value;
        }

        Rejection(int line, String column, String value, String code, Object... args) {
            this(line, column, value, code, Arrays.asList(args));
        }

        /** For logs only (never shown to a user): the code and its arguments. */
        public String reason() {
            return args.isEmpty() ? code : code + " " + args;
        }
    }
}
