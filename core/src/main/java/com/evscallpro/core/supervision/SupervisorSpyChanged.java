package com.evscallpro.core.supervision;

import com.evscallpro.core.event.DomainEvent;

/**
 * A supervisor's session started, changed mode or ended ({@code spy} null: ended, e.g. they hung up their phone or
 * the call ended), so that their screen follows.
 */
public record SupervisorSpyChanged(long supervisorId, ActiveSpy spy) implements DomainEvent {
}
