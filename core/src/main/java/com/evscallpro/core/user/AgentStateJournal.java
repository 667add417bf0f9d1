package com.evscallpro.core.user;

import java.time.Instant;
import java.util.Optional;

/** The persisted journal of agent state changes ({@code agent_state_log}). */
public interface AgentStateJournal {

    /**
     * @param state       READY, PAUSED, RESERVED, ON_CALL, WRAP_UP, LOGGED_OUT…
     * @param pauseReason the reason when PAUSED, else null
     * @param callId      the call the state is about, or null
     */
    void append(long userId, String state, String pauseReason, String callId, Instant at);

    /** The latest entry of a user, if any. */
    Optional<JournalEntry> last(long userId);

    record JournalEntry(long userId, String state, String pauseReason, String callId, Instant at) {
    }
}
