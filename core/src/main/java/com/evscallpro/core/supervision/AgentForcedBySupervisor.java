package com.evscallpro.core.supervision;

import com.evscallpro.core.event.DomainEvent;

/**
 * A supervisor paused or logged out an agent: the agent's open screen tells them who and why. The state change
 * itself travels as {@link com.evscallpro.core.agent.AgentStatusChanged}.
 *
 * @param action  {@link SupervisorAction#FORCE_PAUSE} or {@link SupervisorAction#FORCE_LOGOUT}
 * @param reason  the pause reason code (FORCE_PAUSE), else null
 * @param pending the pause waits for the end of the agent's call
 */
public record AgentForcedBySupervisor(long agentId, SupervisorAction action, String reason, boolean pending,
                                      String supervisorName) implements DomainEvent {
}
