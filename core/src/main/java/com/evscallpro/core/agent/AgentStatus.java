package com.evscallpro.core.agent;

import java.time.Instant;

/** A snapshot of one agent's live state, as shown to supervisors and wallboards. */
public record AgentStatus(long userId, String username, String displayName, String extension, AgentState state,
                          String pauseReason, Instant since, String callId) {
}
