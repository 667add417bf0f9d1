package com.evscallpro.core.callcontrol;

import com.evscallpro.core.event.DomainEvent;

/** The controls of an agent's call changed (held, muted, consultation, or the call left the agent). */
public record CallControlChanged(long agentId, CallControlState state) implements DomainEvent {
}
