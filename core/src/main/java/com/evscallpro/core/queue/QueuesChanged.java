package com.evscallpro.core.queue;

import com.evscallpro.core.event.DomainEvent;
import java.util.List;

/**
 * Published (coalesced: at most one per {@code evs.queues.publish-interval}) after queues changed: a caller entered,
 * was answered or left, an eligible agent changed state, a queue was edited. {@code version} grows by one per
 * publication, so a reader can tell a missed one.
 */
public record QueuesChanged(long version, List<QueueStatus> statuses) implements DomainEvent {
}
