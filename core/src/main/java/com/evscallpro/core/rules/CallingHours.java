package com.evscallpro.core.rules;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The allowed days and hours, and public holidays, read in the callee's time zones (all of them: the strictest
 * reading). Pure: no clock, no database.
 *
 * @param days     the allowed days; null: any day (no hours rule)
 * @param slots    the allowed slots of an allowed day, [from, to); ignored when days is null
 * @param holidays whether a date is a public holiday; null: no holiday rule
 */
record CallingHours(Set<DayOfWeek> days, List<Slot> slots, Predicate<LocalDate> holidays) {

    /** How far ahead the next allowed instant is looked for. */
    static final int HORIZON_DAYS = 370;

    record Slot(LocalTime from, LocalTime to) {
        /** "10:00-13:00". */
        static Slot parse(String text) {
            String[] parts = text.split("-");
            if (parts.length != 2) {
                throw new IllegalArgumentException("a slot is written HH:MM-HH:MM, was '" + text + "'");
            }
            Slot s = new Slot(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
            if (!s.from.isBefore(s.to)) {
                throw new IllegalArgumentException("a slot must end after it starts: '" + text + "'");
            }
            return s;
        }

        boolean contains(LocalTime t) {
            return !t.isBefore(from) && t.isBefore(to);
        }
    }

    /** Null when {@code at} is allowed in every zone; else {@code holiday} or {@code hours}. */
    String refusal(List<ZoneId> zones, Instant at) {
        for (ZoneId z : zones) {
            if (holidays != null && holidays.test(at.atZone(z).toLocalDate())) {
                return CallingRuleCodes.HOLIDAY;
            }
        }
        for (ZoneId z : zones) {
            if (!withinHours(at.atZone(z))) {
                return CallingRuleCodes.HOURS;
            }
        }
        return null;
    }

    private boolean withinHours(ZonedDateTime local) {
        if (days == null) {
            return true;
        }
        if (!days.contains(local.getDayOfWeek())) {
            return false;
        }
        LocalTime t = local.toLocalTime();
        return slots.stream().anyMatch(s -> s.contains(t));
    }

    /**
     * {@code from} itself when allowed, else the first allowed instant after it: allowed instants start at a slot's
     * start (or a midnight) in one of the zones, so those are the candidates, tried in order.
     */
    Optional<Instant> next(List<ZoneId> zones, Instant from) {
        if (refusal(zones, from) == null) {
            return Optional.of(from);
        }
        List<LocalTime> starts = days == null ? List.of(LocalTime.MIDNIGHT) : slots.stream().map(Slot::from).toList();
        List<Instant> candidates = new ArrayList<>();
        for (ZoneId z : zones) {
            LocalDate first = from.atZone(z).toLocalDate();
            for (int d = 0; d <= HORIZON_DAYS; d++) {
                for (LocalTime start : starts) {
                    Instant c = ZonedDateTime.of(first.plusDays(d), start, z).toInstant();
                    if (c.isAfter(from)) {
                        candidates.add(c);
                    }
                }
            }
        }
        candidates.sort(Comparator.naturalOrder());
        return candidates.stream().filter(c -> refusal(zones, c) == null).findFirst();
    }
}
