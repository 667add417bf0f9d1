package com.evscallpro.core.wallboard;

/**
 * The figures of a board that thresholds can watch. Percentages are 0-100; {@link #SERVICE_LEVEL} is the only one
 * where a lower value is worse (its warning is above its alarm).
 */
public enum Figure {
    CALLS_WAITING, LONGEST_WAIT_SECONDS, SERVICE_LEVEL, ABANDON_RATE_HOUR, ABANDON_RATE_TODAY, OCCUPANCY,
    CALLS_PER_HOUR;

    public boolean lowerIsWorse() {
        return this == SERVICE_LEVEL;
    }

    /** The figure's value on a board, null when it has none yet (no call, no agent). */
    public Double valueOf(BoardFigures f) {
        return switch (this) {
            case CALLS_WAITING -> (double) f.callsWaiting();
            case LONGEST_WAIT_SECONDS -> (double) f.longestWaitSeconds();
            case SERVICE_LEVEL -> f.serviceLevel();
            case ABANDON_RATE_HOUR -> f.abandonRateHour();
            case ABANDON_RATE_TODAY -> f.abandonRateToday();
            case OCCUPANCY -> f.occupancy();
            case CALLS_PER_HOUR -> (double) f.callsPerHour();
        };
    }
}
