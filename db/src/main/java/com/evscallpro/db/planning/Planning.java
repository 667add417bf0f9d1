package com.evscallpro.db.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A planning aggregate ({@code planning} with its {@code planning_slot} and {@code planning_exception} rows, saved and
 * deleted together).
 *
 * @param holidays the jollyday calendar code whose public holidays are closed (e.g. {@code FR}); null = none
 */
@Table("planning")
public record Planning(@Id Long id, String name, String timeZone, String holidays,
                       @MappedCollection(idColumn = "planning_id") Set<Slot> slots,
                       @MappedCollection(idColumn = "planning_id") Set<DayException> exceptions,
                       Instant createdAt, Instant updatedAt) {

    /** A weekly opening slot: {@code dayOfWeek} 1 (Monday) to 7, from {@code startTime} (inclusive) to {@code endTime}. */
    @Table("planning_slot")
    public record Slot(@Id Long id, int dayOfWeek, LocalTime startTime, LocalTime endTime) {
    }

    /** A dated exception: closed all day (no times), or open only between the two times that day. */
    @Table("planning_exception")
    public record DayException(@Id Long id, LocalDate day, LocalTime startTime, LocalTime endTime, String label) {
    }
}
