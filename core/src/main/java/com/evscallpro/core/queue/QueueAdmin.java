package com.evscallpro.core.queue;

import java.util.List;
import java.util.Optional;

/**
 * The queues of the back office and the API: each change validated (errors as
 * {@link com.evscallpro.core.error.EvsException} codes {@code queue.*}) and recorded in the audit trail. A stale
 * version is refused with {@code queue.version-mismatch} and changes nothing.
 */
public interface QueueAdmin {

    int MAX_MUSIC_ON_HOLD = 80;

    /** Every queue, by group name. */
    List<QueueDefinition> queues();

    Optional<QueueDefinition> queue(long id);

    /** The queue of an agent group (the IVR's queue block names a group or a queue). */
    Optional<QueueDefinition> queueOfGroup(long groupId);

    /**
     * Creates ({@code id} null) or updates a queue; answers it as saved (new version). Codes:
     * {@code queue.unknown-group}, {@code queue.group-taken} (the group has a queue already),
     * {@code queue.unknown-skill}, {@code queue.skill-required} (SKILL_LEVEL without a skill),
     * {@code queue.value-out-of-range} (field, min, max), {@code queue.music-on-hold-invalid}.
     */
    QueueDefinition save(QueueDefinition queue);

    /** Deletes a queue ({@code expectedVersion} null: no check). Callers waiting in it leave it as FAILED. */
    void delete(long id, Integer expectedVersion);
}
