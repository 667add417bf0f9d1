package com.evscallpro.core.ivr;

import java.time.Instant;

/**
 * One step of a call's journey through its flow: the BPMN element, the block (job type without the node), its times,
 * the digits pressed and the branch or result ({@code outcome}: a choice, {@code NO_INPUT}, {@code HANGUP}…).
 */
public record JourneyStep(String callId, int seq, Long flowVersionId, String elementId, String block,
                          Instant startedAt, Instant endedAt, String digits, String outcome, String detail) {
}
