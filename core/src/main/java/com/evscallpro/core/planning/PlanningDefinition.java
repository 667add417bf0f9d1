package com.evscallpro.core.planning;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A planning as the back office edits it.
 *
 * @param id         null for a new planning
 * @param timeZone   an IANA zone id ({@code Europe/Paris}): the slots and exceptions are in its local time
 * @param holidays   the country whose public holidays are closed ({@code FR}), or null for none
 * @param slots      weekly opening slots; on one day they must not overlap
 * @param exceptions dated exceptions, one per day at most
 */
public record PlanningDefinition(Long id, String name, String timeZone, String holidays, List<Slot> slots,
                                 List<DayException> exceptions) {

    public PlanningDefinition {
        slots = slots == null ? List.of() : List.copyOf(slots);
        exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
    }

    /** Open on {@code day} from {@code start} (inclusive) to {@code end} (exclusive). */
    public record Slot(DayOfWeek day, LocalTime start, LocalTime end) {
    }

    /** On {@code date}: closed all day (no times) or open only from {@code start} to {@code end}. */
    public record DayException(LocalDate date, LocalTime start, LocalTime end, String label) {

        public boolean closedAllDay() {
            return start == null && end == null;
        }
    }
}
