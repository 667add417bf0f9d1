package com.evscallpro.core.contact;

import java.util.Arrays;
import java.util.List;

/**
 * The result of an import: good rows are stored, bad ones are listed with their line and the reason as an error
 * code and its arguments, which the UI translates ({@code error.<code>}).
 */
public record ImportReport(int imported, List<Rejection> rejected) {

    /**
     * @param line 1-based line (CSV: the file's line number, header included)
     * @param code the reason: {@code import.missing-phone}, {@code import.not-a-phone} (the value),
     *             {@code import.duplicate} (the first line with this phone), {@code import.already-in-campaign},
     *             {@code import.column-count} (the row's count, the header's count), {@code import.malformed}
     */
    public record Rejection(int line, String value, String code, List<Object> args) {

        public Rejection {
            args = List.copyOf(args);
        }

        Rejection(int line, String value, String code, Object... args) {
            this(line, value, code, Arrays.asList(args));
        }

        /** For logs only (never shown to a user): the code and its arguments. */
        public String reason() {
            return args.isEmpty() ? code : code + " " + args;
        }
    }
}
