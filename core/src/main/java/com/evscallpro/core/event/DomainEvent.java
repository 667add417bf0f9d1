package com.evscallpro.core.event;

/** Marker for everything published on the {@link EventBus}. */
public interface DomainEvent {
}
