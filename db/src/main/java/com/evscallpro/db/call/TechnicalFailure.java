package com.evscallpro.db.call;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One dial attempt that could not be placed after every retry. {@code callId} is unique. */
@Table("call_technical_failure")
public record TechnicalFailure(@Id Long id, String callId, Long campaignId, Long contactId, Long agentId,
                               Integer attempt, String reasonCode, String reason, Instant failedAt) {
}
