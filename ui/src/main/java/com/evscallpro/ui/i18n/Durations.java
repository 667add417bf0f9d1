package com.evscallpro.ui.i18n;

import java.time.Duration;
import java.time.Instant;

/** Elapsed times as shown in the UI: {@code mm:ss}, minutes going past 59 rather than adding hours. */
public final class Durations {

    private Durations() {
    }

    public static String mmss(Duration duration) {
        long seconds = duration == null || duration.isNegative() ? 0 : duration.getSeconds();
        return String.format("%02d:%02d", seconds / 60, seconds % 60);
    }

    /** Time from {@code since} to {@code now}; {@code 00:00} when {@code since} is unknown. */
    public static String since(Instant since, Instant now) {
        return since == null ? mmss(Duration.ZERO) : mmss(Duration.between(since, now));
    }
}
