package com.evscallpro.core.task;

import com.evscallpro.core.event.DomainEvent;
import java.time.Instant;

/** Published on the event bus once an agent's qualification of a call was accepted by the process. */
public record CallQualified(String callId, long agentId, long campaignId, long contactId, String qualificationCode,
                            String category, Instant callbackAt, Instant at) implements DomainEvent {
}
