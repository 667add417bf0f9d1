package com.evscallpro.core.agent;

import java.util.List;
import java.util.Optional;

/**
 * The pause reasons agents pick from. Refusals are {@link com.evscallpro.core.error.EvsException}s:
 * {@code pause.code-invalid} (code), {@code pause.code-reserved} (code), {@code pause.label-required} (code).
 */
public interface PauseReasonCatalog {

    /** Every reason, active or not, in display order. */
    List<PauseReasonChoice> all();

    /** The sort keys of {@link #page}: the display position (default) and the code. */
    List<String> SORTS = List.of("position", "code");

    /**
     * One page of the reasons (active or not) whose code or a label contains {@code text} (case-insensitive; null:
     * all), sorted by the database on {@code sort} (one of {@link #SORTS}; null: position).
     */
    List<PauseReasonChoice> page(String text, String sort, boolean descending, int offset, int limit);

    /** How many reasons {@link #page} finds for this text. */
    long count(String text);

    /** The active reasons, in display order: what an agent is offered. */
    List<PauseReasonChoice> choices();

    /** The reason with this code (case-insensitive), active or not. */
    Optional<PauseReasonChoice> find(String code);

    /** Creates the reason or replaces its labels, position and active flag. */
    void save(PauseReasonChoice reason);

    /**
     * {@link #save(PauseReasonChoice)} of an existing reason only if it is still at {@code expectedVersion}
     * ({@code pause.version-mismatch} (expected, current); null: not checked).
     */
    void save(PauseReasonChoice reason, Integer expectedVersion);

    /** The reason's version: +1 on every save (an HTTP ETag); {@code pause.not-found}. */
    int version(String code);
}
