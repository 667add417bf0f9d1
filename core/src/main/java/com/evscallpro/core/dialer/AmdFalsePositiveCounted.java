package com.evscallpro.core.dialer;

import com.evscallpro.core.event.DomainEvent;

/**
 * The predictive dialer counted AMD's MACHINE verdict on {@code callId} as a live person hung up on (an AMD false
 * positive, by the campaign's measured rate): an abandoned live answer for the legal measure. Published on the AMI
 * dispatcher thread; {@link AmdFalsePositiveRecorder} flags the call's history row.
 */
public record AmdFalsePositiveCounted(String callId, long campaignId) implements DomainEvent {
}
