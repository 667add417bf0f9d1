package com.evscallpro.core.queue;

import com.evscallpro.core.event.DomainEvent;
import java.time.Duration;

/**
 * Published when an agent answered a queued caller (the agent is ON_CALL): what the agent's screen-pop shows (the
 * caller, {@code call.screenPop()} with e.g. the contact id and the IVR path) and what the inbound CDR records (queue,
 * wait). Holds the caller's number: never log it in clear.
 */
public record InboundCallConnected(String callId, long agentUserId, long queueId, String queueName, Duration waited,
                                   QueuedCall call) implements DomainEvent {
}
