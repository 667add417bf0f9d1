package com.evscallpro.core.task;

import java.time.Instant;
import java.util.Optional;

/** The agent workspace's view of its tasks. */
public interface AgentTaskService {

    Optional<WrapUpTask> currentTask(long agentId);

    /**
     * Qualifies the agent's current call: completes the engine's user task with the qualification and puts the
     * agent back to READY (or PAUSED when they asked for a pause during the call). While the customer is still on
     * the line, the call is hung up only when the agent chose to ({@code hangUp}); otherwise the qualification is
     * refused with {@code task.customer-on-line} and nothing changes.
     *
     * @param callbackAt required when the qualification is a callback, otherwise ignored
     * @throws IllegalArgumentException with a readable message for an unknown code or a missing callback time
     * @throws IllegalStateException    when the agent has no such task
     * @throws com.evscallpro.core.error.EvsException {@code task.customer-on-line}; {@code script.answer-*} when the
     *         script's answers break its rules (required fields only for the categories of
     *         {@link WrapUpTasks#SCRIPT_REQUIRED_FOR})
     */
    default void qualify(long agentId, String callId, String qualificationCode, Instant callbackAt, String comment,
                         boolean hangUp) {
        qualify(agentId, callId, qualificationCode, callbackAt, comment, hangUp, java.util.Map.of());
    }

    /**
     * {@link #qualify(long, String, String, Instant, String, boolean)} with the answers of the call's agent script
     * (form-js values; empty when none): stored with the call's record and given to the call's process as the
     * variable {@code scriptAnswers}.
     */
    void qualify(long agentId, String callId, String qualificationCode, Instant callbackAt, String comment,
                 boolean hangUp, java.util.Map<String, Object> scriptAnswers);

    /** {@link #qualify(long, String, String, Instant, String, boolean)} hanging up a call still connected. */
    default void qualify(long agentId, String callId, String qualificationCode, Instant callbackAt, String comment) {
        qualify(agentId, callId, qualificationCode, callbackAt, comment, true);
    }
}
