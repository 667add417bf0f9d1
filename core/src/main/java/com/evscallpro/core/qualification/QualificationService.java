package com.evscallpro.core.qualification;

import java.util.List;
import java.util.Optional;

/**
 * Qualification groups: read by the wrap-up, edited by the back office. Refusals are
 * {@link com.evscallpro.core.error.EvsException}s: {@code qualification.group-not-found},
 * {@code qualification.group-name-required}, {@code qualification.group-name-taken} (name),
 * {@code qualification.none}, {@code qualification.code-invalid} (code), {@code qualification.code-twice} (code),
 * {@code qualification.label-required} (code), {@code qualification.category-required} (code),
 * {@code qualification.group-in-use} (name, campaigns), {@code qualification.group-standard}.
 */
public interface QualificationService {

    /** The qualifications of a group, in display order (empty for an unknown group). */
    List<Qualification> forGroup(long groupId);

    Optional<Qualification> find(long groupId, String code);

    /** Every group with its qualifications, by name. */
    List<QualificationGroupDefinition> groups();

    /** The sort keys of {@link #page}: the group's name. */
    List<String> SORTS = List.of("name");

    /**
     * One page of the groups whose name contains {@code text} (case-insensitive; null: all), sorted by the database
     * on {@code sort} (one of {@link #SORTS}; null: name).
     */
    List<QualificationGroupDefinition> page(String text, String sort, boolean descending, int offset, int limit);

    /** How many groups {@link #page} finds for this text. */
    long count(String text);

    Optional<QualificationGroupDefinition> group(long groupId);

    /**
     * Creates (no id) or replaces (id) a group and its qualifications, in the given order, after validating them;
     * returns its id. Campaigns using the group see the new list at their next wrap-up.
     */
    long saveGroup(QualificationGroupDefinition group);

    /**
     * {@link #saveGroup(QualificationGroupDefinition)} of an existing group only if it is still at
     * {@code expectedVersion} ({@code qualification.version-mismatch} (expected, current); null: not checked).
     */
    long saveGroup(QualificationGroupDefinition group, Integer expectedVersion);

    /** {@link #deleteGroup(long)} only if the group is still at {@code expectedVersion} (null: not checked). */
    void deleteGroup(long groupId, Integer expectedVersion);

    /** The group's version: +1 on every save (an HTTP ETag); {@code qualification.group-not-found}. */
    int groupVersion(long groupId);

    /** Deletes a group no campaign uses (never the Standard group). */
    void deleteGroup(long groupId);
}
