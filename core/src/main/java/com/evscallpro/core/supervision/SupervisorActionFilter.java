package com.evscallpro.core.supervision;

import java.time.Instant;

/**
 * Which journal lines to read: each null part matches everything; {@code supervisor} / {@code agent} match the start
 * of the name, case-insensitive; {@code to} is exclusive. {@code oldestFirst} reverses the default newest-first order.
 */
public record SupervisorActionFilter(String supervisor, String agent, SupervisorAction action,
                                     SupervisorActionEntry.Outcome outcome, Instant from, Instant to,
                                     boolean oldestFirst) {

    public static SupervisorActionFilter all() {
        return new SupervisorActionFilter(null, null, null, null, null, null, false);
    }
}
