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
import java.util.regex.Pattern;

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
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    private static final Set<String> TRUE = Set.of("true", "yes", "y", "oui", "o", "vrai", "1", "x");
    private static final Set<String> FALSE = Set.of("false", "no", "n", "non", "faux", "0");

    private ConsentValues() {
    }

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern FR_DATE = Pattern.compile("\\d{1,2}[/-]\\d{1,2}[/-]\\d{4}");

    /**
     * The instant, null for a blank value; throws {@link IllegalArgumentException} when unreadable. The common
     * shapes are recognised first, without exceptions (a parse exception costs microseconds, a million rows pay it).
     */
    static Instant instant(String raw, ZoneId zone) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip();
        try {
            if (ISO_DATE.matcher(s).matches()) {
                return LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay(zone).toInstant();
            }
            if (FR_DATE.matcher(s).matches()) {
                return LocalDate.parse(s.replace('-', '/'), DAY_MONTH_YEAR)
                        .atStartOfDay(zone).toInstant();
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(s); // the shape of a date, not a date (32/13/2026)
        }
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
