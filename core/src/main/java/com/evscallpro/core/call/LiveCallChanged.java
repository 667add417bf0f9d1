package com.evscallpro.core.call;

import com.evscallpro.core.event.DomainEvent;

/** Published when a call starts ({@code newCall}), changes, or ends ({@code callHangup} when state is ENDED). */
public record LiveCallChanged(LiveCall call) implements DomainEvent {
}
