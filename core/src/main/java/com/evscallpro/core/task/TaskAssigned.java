package com.evscallpro.core.task;

import com.evscallpro.core.event.DomainEvent;

/** Published when a wrap-up task reaches an agent (screen-pop). */
public record TaskAssigned(WrapUpTask task) implements DomainEvent {
}
