package com.evscallpro.core.queue;

import java.time.Instant;

/** The answer to an enqueue: where the caller stands and what the queue's settings are (for the IVR's timers). */
public record QueueTicket(String callId, long queueId, int position, Instant enteredAt, QueueDefinition queue) {
}
