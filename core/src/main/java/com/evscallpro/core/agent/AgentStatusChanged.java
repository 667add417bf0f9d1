package com.evscallpro.core.agent;

import com.evscallpro.core.event.DomainEvent;

/** Published on every agent state change (STOMP: {@code agentStatusUpdate}). */
public record AgentStatusChanged(AgentStatus status, AgentState previous) implements DomainEvent {
}
