package com.evscallpro.core.queue;

import com.evscallpro.core.agent.AgentState;
import java.time.Instant;
import java.util.Map;

/**
 * One queue's live figures, as supervision and wallboards show them (definitions: design.md §8, docs/queues.md).
 *
 * @param waiting           callers waiting now (being offered to an agent included)
 * @param oldestEnteredAt   when the longest-waiting caller entered (null when nobody waits): the longest wait ticks
 *                          from it
 * @param longestWaitSeconds the longest current wait at {@code at}
 * @param agents            the eligible agents (group members holding the required skill) by state, every state
 * @param today             figures since local midnight
 * @param thisHour          figures since the start of the local hour
 * @param at                when these figures were taken
 */
public record QueueStatus(long queueId, String name, long groupId, int priority, int serviceLevelSeconds,
                          int waiting, Instant oldestEnteredAt, long longestWaitSeconds,
                          Map<AgentState, Integer> agents, QueueFigures today, QueueFigures thisHour, Instant at) {

    /**
     * Counts over a period. {@code entered}: callers who entered; {@code answered}; {@code answeredWithinThreshold}:
     * answered within the service-level threshold; {@code abandoned}: hung up while waiting after the short-abandon
     * threshold; {@code shortAbandoned}: before it; {@code overflowed}; {@code callbacks}; {@code failed};
     * {@code serviceLevel}: answeredWithinThreshold ÷ (entered − shortAbandoned − still waiting under the threshold),
     * null when that is 0; {@code abandonRate}: abandoned ÷ entered, null when none entered; {@code averageWaitSeconds}
     * of answered callers, null when none.
     */
    public record QueueFigures(int entered, int answered, int answeredWithinThreshold, int abandoned,
                               int shortAbandoned, int overflowed, int callbacks, int failed, Double serviceLevel,
                               Double abandonRate, Double averageWaitSeconds) {
    }
}
