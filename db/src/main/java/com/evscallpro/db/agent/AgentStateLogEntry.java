package com.evscallpro.db.agent;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One agent state change (READY, PAUSED, RESERVED, ON_CALL, WRAP_UP…). */
@Table("agent_state_log")
public record AgentStateLogEntry(@Id Long id, long userId, String state, String pauseReason, String callId,
                                 Instant at) {
}
