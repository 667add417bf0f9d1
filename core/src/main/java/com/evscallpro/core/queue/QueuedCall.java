package com.evscallpro.core.queue;

import java.time.Instant;
import java.util.Map;

/**
 * A caller handed to a queue by the IVR.
 *
 * @param callId        our call id (unique while the call lives)
 * @param queueId       the queue ({@link QueueDefinition#id()})
 * @param callerNumber  the caller's number (E.164 when known; never logged in clear)
 * @param did           the number the caller dialled
 * @param priorityBoost added to the queue's priority for this caller (0 normally; e.g. a VIP from the IVR)
 * @param enteredAt     when the caller entered the queue (the wait counts from here)
 * @param screenPop     a few strings for the agent's screen-pop, e.g. {@code contactId}, {@code ivrPath}
 */
public record QueuedCall(String callId, long queueId, String callerNumber, String did, int priorityBoost,
                         Instant enteredAt, Map<String, String> screenPop) {

    public QueuedCall {
        if (callId == null || callId.isBlank()) {
            throw new IllegalArgumentException("callId required");
        }
        if (enteredAt == null) {
            throw new IllegalArgumentException("enteredAt required");
        }
        screenPop = screenPop == null ? Map.of() : Map.copyOf(screenPop);
    }
}
