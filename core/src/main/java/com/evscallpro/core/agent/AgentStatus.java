package com.evscallpro.core.agent;

import java.time.Instant;

/**
 * A snapshot of one agent's live state, as shown to supervisors and wallboards.
 *
 * @param pauseReason        the {@link PauseReason#code()} while PAUSED, else null
 * @param pendingPauseReason a pause the agent asked for during a call: it takes effect when the call and its wrap-up
 *                           end; null when none is pending
 * @param version            the session's version: +1 on every change of this agent (state, reason, pending pause),
 *                           so a reader can tell a missed or a late event from the next one
 */
public record AgentStatus(long userId, String username, String displayName, String extension, AgentState state,
                          String pauseReason, Instant since, String callId, String pendingPauseReason,
                          long version) {

    /** A status without a pending pause, at version 0 (tests and callers that do not track versions). */
    public AgentStatus(long userId, String username, String displayName, String extension, AgentState state,
                       String pauseReason, Instant since, String callId) {
        this(userId, username, displayName, extension, state, pauseReason, since, callId, null, 0);
    }
}
