package com.evscallpro.core.wallboard;

import com.evscallpro.core.event.DomainEvent;

/** Published when a board's figures changed (coalesced, see {@link Wallboards}); a whole snapshot each time. */
public record WallboardChanged(WallboardSnapshot snapshot) implements DomainEvent {
}
