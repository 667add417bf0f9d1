package com.evscallpro.core.planning;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Plannings for the back office and the dialer. Refusals are {@link com.evscallpro.core.error.EvsException}s:
 * {@code planning.not-found}, {@code planning.name-required}, {@code planning.name-taken} (name),
 * {@code planning.zone-unknown} (zone), {@code planning.holidays-unknown} (code), {@code planning.slot-incomplete},
 * {@code planning.slot-invalid} (day, start, end), {@code planning.slots-overlap} (day),
 * {@code planning.exception-incomplete}, {@code planning.exception-invalid} (date), {@code planning.exception-twice}
 * (date).
 */
public interface PlanningService {

    /** Every planning, by name. */
    List<PlanningDefinition> plannings();

    /** The sort keys of {@link #page}: the name (default) and the time zone. */
    List<String> SORTS = List.of("name", "zone");

    /**
     * One page of the plannings whose name or time zone contains {@code text} (case-insensitive; null: all), sorted
     * by the database on {@code sort} (one of {@link #SORTS}; null: name).
     */
    List<PlanningDefinition> page(String text, String sort, boolean descending, int offset, int limit);

    /** How many plannings {@link #page} finds for this text. */
    long count(String text);

    Optional<PlanningDefinition> planning(long id);

    /** Creates (no id) or replaces (id) a planning after validating it; returns its id. */
    long save(PlanningDefinition planning);

    /**
     * {@link #save(PlanningDefinition)} of an existing planning only if it is still at {@code expectedVersion}
     * ({@code planning.version-mismatch} (expected, current) otherwise; null: not checked).
     */
    long save(PlanningDefinition planning, Integer expectedVersion);

    void delete(long id);

    /** {@link #delete(long)} only if the planning is still at {@code expectedVersion} (null: not checked). */
    void delete(long id, Integer expectedVersion);

    /** The planning's version: +1 on every save (an HTTP ETag); {@code planning.not-found}. */
    int version(long id);

    /** Whether calls may be placed at {@code at} under this planning. */
    boolean isOpen(long planningId, Instant at);

    /** {@code at} itself when open, else the next moment the planning opens within a year; empty if never. */
    Optional<Instant> nextOpening(long planningId, Instant at);

    /** The holiday calendars a planning may close ({@code FR}, ...), as ISO country codes. */
    List<String> holidayCalendars();
}
