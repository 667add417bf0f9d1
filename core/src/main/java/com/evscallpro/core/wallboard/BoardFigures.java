package com.evscallpro.core.wallboard;

/**
 * A board's figures at one instant (definitions: docs/wallboards.md, design.md §8). Rates are percentages (0-100),
 * null when nothing was counted yet.
 *
 * @param callsWaiting       callers in the queue now / live-answered customers not yet with an agent
 * @param longestWaitSeconds the longest of those waits now (0 when nobody waits)
 * @param serviceLevel       answered by an agent within the board's threshold ÷ calls that entered, today
 * @param abandonRateHour    abandon rate of the current local hour
 * @param abandonRateToday   abandon rate since local midnight
 * @param occupancy          talk + wrap-up time ÷ logged-in, not paused time of the board's agents, today
 * @param callsPerHour       calls connected to an agent over the last 60 minutes
 * @param answeredToday      calls connected to an agent today
 * @param enteredToday       calls that entered the queue / live answers today
 */
public record BoardFigures(int callsWaiting, long longestWaitSeconds, Double serviceLevel, Double abandonRateHour,
                           Double abandonRateToday, Double occupancy, int callsPerHour, int answeredToday,
                           int enteredToday) {

    /** The figures with another occupancy (a filtered board). */
    BoardFigures withOccupancy(Double value) {
        return new BoardFigures(callsWaiting, longestWaitSeconds, serviceLevel, abandonRateHour, abandonRateToday,
                value, callsPerHour, answeredToday, enteredToday);
    }
}
