package com.evscallpro.core.queue;

/**
 * A queue: the agent group it serves and how it serves it.
 *
 * @param id                   null for a new queue
 * @param groupId              the agent group whose members answer (one queue per group)
 * @param groupName            the group's name (read only; the queue's display name)
 * @param strategy             how an agent is picked ({@link QueueStrategy#LONGEST_IDLE} by default)
 * @param priority             0-100: when an agent belongs to several queues, callers of the higher one go first
 * @param requiredSkillId      a skill the agent must hold (null: any member)
 * @param minSkillLevel        1-5: the lowest level of {@code requiredSkillId} accepted
 * @param musicOnHold          the Asterisk music-on-hold class the caller hears
 * @param announcePosition     whether the caller hears their position and expected wait
 * @param announceEverySeconds how often that announcement repeats
 * @param maxWaitSeconds       the longest wait before the flow's overflow branch (the flow's timer uses it)
 * @param ringTimeoutSeconds   how long an agent's phone rings before the caller is offered to the next agent
 * @param serviceLevelSeconds  the service-level threshold T (answered within T seconds; default 20)
 * @param wrapUpSeconds        after an inbound call, how long the agent stays in WRAP_UP before READY
 * @param version              the version read (optimistic locking, the API's ETag); ignored on create
 */
public record QueueDefinition(Long id, long groupId, String groupName, QueueStrategy strategy, int priority,
                              Long requiredSkillId, int minSkillLevel, String musicOnHold, boolean announcePosition,
                              int announceEverySeconds, int maxWaitSeconds, int ringTimeoutSeconds,
                              int serviceLevelSeconds, int wrapUpSeconds, int version) {

    public static final int DEFAULT_SERVICE_LEVEL_SECONDS = 20;

    /** A new queue for a group with every default. */
    public static QueueDefinition draft(long groupId) {
        return new QueueDefinition(null, groupId, null, QueueStrategy.LONGEST_IDLE, 0, null, 1, "default", false,
                60, 300, 15, DEFAULT_SERVICE_LEVEL_SECONDS, 10, 0);
    }
}
