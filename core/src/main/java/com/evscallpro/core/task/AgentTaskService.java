package com.evscallpro.core.task;

import java.time.Instant;
import java.util.Optional;

/** The agent workspace's view of its tasks. */
public interface AgentTaskService {

    Optional<WrapUpTask> currentTask(long agentId);

    /**
     * Qualifies the agent's current call: hangs the call up if it is still connected, completes the engine's user
     * task with the qualification, and puts the agent back to READY.
     *
     * @param callbackAt required when the qualification is a callback, otherwise ignored
     * @throws IllegalArgumentException with a readable message for an unknown code or a missing callback time
     * @throws IllegalStateException    when the agent has no such task
     */
    void qualify(long agentId, String callId, String qualificationCode, Instant callbackAt, String comment);
}
