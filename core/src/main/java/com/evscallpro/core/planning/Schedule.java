package com.evscallpro.core.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A planning's opening windows, computed: for a day, the dated exception if any, else nothing on a closed public
 * holiday, else the weekly slots of that day of the week. Times are local to the planning's zone; a window that
 * starts in a daylight-saving gap opens at the end of the gap.
 */
final class Schedule {

    /** How far {@link #nextOpening} looks ahead. */
    static final int HORIZON_DAYS = 366;

    private final PlanningDefinition planning;
    private final ZoneId zone;
    private final Predicate<LocalDate> holiday;

    Schedule(PlanningDefinition planning, Predicate<LocalDate> holiday) {
        this.planning = planning;
        this.zone = ZoneId.of(planning.timeZone());
        this.holiday = holiday;
    }

    /** A local opening window of one day: from {@code start} (inclusive) to {@code end} (exclusive). */
    record Window(LocalTime start, LocalTime end) {
    }

    List<Window> windows(LocalDate date) {
        for (PlanningDefinition.DayException e : planning.exceptions()) {
            if (e.date().equals(date)) {
                return e.closedAllDay() ? List.of() : List.of(new Window(e.start(), e.end()));
            }
        }
        if (holiday.test(date)) {
            return List.of();
        }
        List<Window> windows = new ArrayList<>();
        for (PlanningDefinition.Slot s : planning.slots()) {
            if (s.day() == date.getDayOfWeek()) {
                windows.add(new Window(s.start(), s.end()));
            }
        }
        windows.sort(Comparator.comparing(Window::start));
        return windows;
    }

    boolean isOpen(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        return windows(local.toLocalDate()).stream()
                .anyMatch(w -> !time.isBefore(w.start()) && time.isBefore(w.end()));
    }

    Optional<Instant> nextOpening(Instant at) {
        if (isOpen(at)) {
            return Optional.of(at);
        }
        LocalDate day = at.atZone(zone).toLocalDate();
        for (int i = 0; i <= HORIZON_DAYS; i++, day = day.plusDays(1)) {
            for (Window w : windows(day)) {
                Instant start = opening(day, w.start());
                if (start.isAfter(at)) {
                    return Optional.of(start);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The instant a window opens: its local start, or, when that local time does not exist (the spring
     * daylight-saving gap), the end of the gap, the first instant {@link #isOpen} says open.
     */
    private Instant opening(LocalDate day, LocalTime start) {
        java.time.LocalDateTime local = java.time.LocalDateTime.of(day, start);
        java.time.zone.ZoneOffsetTransition gap = zone.getRules().getTransition(local);
        return gap != null && gap.isGap() ? gap.getInstant() : ZonedDateTime.of(local, zone).toInstant();
    }
}
