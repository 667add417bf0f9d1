package com.evscallpro.core.wallboard;

import com.evscallpro.core.agent.AgentState;
import java.time.Instant;
import java.util.Set;

/**
 * One agent on a board: its state since when (the time in state ticks from {@code since}), its site and groups (for
 * the filters), and today's seconds of work (talk + wrap-up) and of availability (logged in, not paused), from which
 * the board's occupancy is computed, filtered or not.
 */
public record BoardAgent(long agentId, String name, AgentState state, String pauseReason, Instant since, Long siteId,
                         Set<Long> groupIds, long workSecondsToday, long availableSecondsToday) {
}
