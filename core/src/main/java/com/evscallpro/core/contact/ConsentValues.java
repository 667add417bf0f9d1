package com.evscallpro.core.contact;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the consent columns of a file: dates as ISO 8601 ({@code 2026-08-01}, {@code 2026-08-01T10:15[:30]},
 * with an offset or not) or French ({@code 01/08/2026}, {@code 01/08/2026 10:15[:30]}, {@code 01-08-2026}), local
 * times in the import's time zone; booleans as true/false, yes/no, oui/non, vrai/faux, 1/0, x (blank: false).
 */
final class ConsentValues {

    private static final List<DateTimeFormatter> DATE_TIMES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm[:ss]"),
            DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm[:ss]"),
            DateTimeFormatter.ofPattern("dd-MM-uuuu HH:mm[:ss]"));
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("dd/MM/uuuu"),
            DateTimeFormatter.ofPattern("dd-MM-uuuu"),
            DateTimeFormatter.ofPattern("d/M/uuuu"));
    private static final Set<String> TRUE = Set.of("true", "yes", "y", "oui", "o", "vrai", "1", "x");
    private static final Set<String> FALSE = Set.of("false", "no", "n", "non", "faux", "0");

    private ConsentValues() {
    }

    /** The instant, null for a blank value; throws {@link IllegalArgumentException} when unreadable. */
    static Instant instant(String raw, ZoneId zone) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip();
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException ignored) {
            // not with an offset
        }
        for (DateTimeFormatter f : DATE_TIMES) {
            try {
                return LocalDateTime.parse(s, f).atZone(zone).toInstant();
            } catch (DateTimeParseException ignored) {
                // next format
            }
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(s, f).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException ignored) {
                // next format
            }
        }
        throw new IllegalArgumentException(s);
    }

    /** The boolean, false for a blank value; throws {@link IllegalArgumentException} when unreadable. */
    static boolean bool(String raw) {
        if (raw == null || raw.isBlank()) {
            return false;
        }
        String s = raw.strip().toLowerCase(Locale.ROOT);
        if (TRUE.contains(s)) {
            return true;
        }
        if (FALSE.contains(s)) {
            return false;
        }
        throw new IllegalArgumentException(s);
    }
}
